package press.dispatch.galleries;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an editor types for a gallery's own fields; an empty slug is made from the title. */
public record GalleryDraft(String title, String slug, String description) {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2_000;

    public GalleryDraft {
        title = title == null ? "" : title.strip();
        slug = slug == null ? "" : slug.strip();
        description = description == null ? "" : description.strip().replace("\r\n", "\n");
    }

    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty()) {
            problems.put("title", "The title is required.");
        } else if (title.length() > MAX_TITLE) {
            problems.put("title", "The title must be at most " + MAX_TITLE + " characters.");
        }
        if (description.length() > MAX_DESCRIPTION) {
            problems.put("description", "The description must be at most " + MAX_DESCRIPTION + " characters.");
        }
        return problems;
    }
}
