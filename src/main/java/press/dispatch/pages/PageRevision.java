package press.dispatch.pages;

import java.time.Instant;

/** One saved version of a page, numbered from 1. */
public record PageRevision(int number, String staffName, Instant createdAt, String title, String slug, String bodyMarkdown) {
}
