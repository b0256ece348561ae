package press.dispatch.articles;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;
import press.dispatch.media.MediaItem;

/**
 * The byline screen.
 *
 * @param href the public author page, or null before the byline exists
 */
public record BylinePage(AdminShell shell, String displayName, String bio, String photoMediaId, String href, List<MediaItem> photos,
                         Map<String, String> problems) {
}
