package press.dispatch.articles;

import java.time.Instant;

/** A row of the newsroom's article list. */
public record DeskLine(long id, String headline, String slug, ArticleStatus status, boolean trashed, String reviewState, Instant publishedAt,
                Instant updatedAt, Long sectionId, String authors) {
}
