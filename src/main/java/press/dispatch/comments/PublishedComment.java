package press.dispatch.comments;

import java.time.Instant;

/** An approved comment as anyone may see it: no email address, no IP, no moderation notes. */
public record PublishedComment(long id, long articleId, String authorName, String body, Instant createdAt) {
}
