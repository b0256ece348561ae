package press.dispatch.media;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;

/**
 * The photo library screen: a page of photos matching the query, the upload form, and what became of the last upload
 * ({@code uploaded}: one line per file, problems included).
 */
public record MediaPage(AdminShell shell, List<MediaItem> photos, Map<String, String> values, Map<String, String> problems, boolean mayUpload,
                        int page, boolean hasMore, PhotoQuery query, List<String> uploaded, String limits) {

    public String pageLink(int number) {
        return "/admin/media?" + query.parameters() + "page=" + number;
    }
}
