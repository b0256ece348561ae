package press.dispatch.comments;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;

/** The moderation queue.
 *
 * @param headlines article id to headline, for the articles these comments are on */
public record QueuePage(AdminShell shell, String status, Map<String, Long> counts, List<Comment> comments, Map<Long, String> headlines,
                        Map<Long, String> links, int page, boolean hasMore) {
    public String headline(long articleId) {
        return headlines.getOrDefault(articleId, "Article #" + articleId + " (not public)");
    }
}
