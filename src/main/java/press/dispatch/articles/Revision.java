package press.dispatch.articles;

import java.time.Instant;

/** One saved state of an article: who saved it, when, and every field an editor writes. */
public record Revision(long id, long articleId, int number, String staffName, Instant createdAt, ArticleDraft draft) {
}
