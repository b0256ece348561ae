package press.dispatch.galleries;

import java.time.Instant;

/** A gallery's own fields; its photos are {@link GalleryPhoto}s. */
public record Gallery(long id, String slug, String title, String description, String status, Instant publishedAt, Instant createdAt,
                      Instant updatedAt) {

    public boolean published() {
        return "published".equals(status);
    }

    public String href() {
        return "/galleries/" + slug;
    }
}
