package press.dispatch.articles;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;
import press.dispatch.media.MediaItem;

/** Page records of the newsroom's article screens other than the editor. */
public final class DeskPages {

    private DeskPages() {
    }

    public record ListPage(AdminShell shell, List<DeskLine> lines, String status, String sectionId, String authorId, String search,
                           List<Section> sections, List<Author> authors, Map<Long, String> sectionNames, int page, boolean hasMore,
                           String title, boolean review) {
        public String sectionName(Long id) {
            return id == null ? "" : sectionNames.getOrDefault(id, "");
        }

        /** The search words as they go in a link's query string. */
        public String searchParameter() {
            return java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * @param current the number of the revision the article holds (0 if not known): "live" when {@code published}
     * @param pending the number of the revision kept for later (0 when none)
     */
    public record RevisionsPage(AdminShell shell, long articleId, String headline, List<Revision> revisions, int version, int current,
                                int pending, boolean published) {
    }

    public record DiffPage(AdminShell shell, long articleId, String headline, int from, int to, Map<String, List<Editing.DiffLine>> fields) {
    }

    public record MediaPage(AdminShell shell, List<MediaItem> photos, Map<String, String> values, Map<String, String> problems, boolean mayUpload,
                            int page, boolean hasMore) {
    }
}
