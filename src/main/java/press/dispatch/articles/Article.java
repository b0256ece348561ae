package press.dispatch.articles;

import java.time.Instant;
import java.util.List;

/** An article in any state, as the newsroom holds it. */
public record Article(long id, String slug, String headline, String standfirst, String bodyMarkdown, String bodyHtml, Long sectionId,
                      Long featuredMediaId, String featuredCaption, String featuredCredit, String featuredAlt, ArticleStatus status,
                      boolean webOnly, boolean commentsOpen, Instant publishedAt, Instant createdAt, Instant updatedAt,
                      List<Long> authorIds, List<Long> tagIds) {
}
