package press.dispatch.pages;

import java.time.Instant;

/** A page readers can see, for other features (sitemaps, menus). */
public record PublishedPage(long id, String slug, String title, Instant updatedAt) {

    public String href() {
        return "/" + slug;
    }
}
