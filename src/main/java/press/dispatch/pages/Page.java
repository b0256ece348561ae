package press.dispatch.pages;

import java.time.Instant;

/**
 * One static page: the working copy ({@code title}, {@code bodyMarkdown}) and, when published, the live copy readers see.
 *
 * @param version grows by one with every change; a save must name the version it started from
 */
public record Page(long id, String slug, String title, String bodyMarkdown, String status, String liveTitle, String liveBody,
                   Instant publishedAt, Instant createdAt, Instant updatedAt, int version) {

    public boolean published() {
        return "published".equals(status);
    }

    public String href() {
        return "/" + slug;
    }

    /** True when the working copy differs from what readers see. */
    public boolean hasUnpublishedChanges() {
        return published() && !(title.equals(liveTitle) && bodyMarkdown.equals(liveBody));
    }
}
