package press.dispatch.media;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;

/** The photo library screen. */
public record MediaPage(AdminShell shell, List<MediaItem> photos, Map<String, String> values, Map<String, String> problems, boolean mayUpload,
                        int page, boolean hasMore) {
}
