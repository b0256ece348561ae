package press.dispatch.comments;

import java.time.Instant;

/** A comment as moderators see it. Public pages use only the fields that are public. */
public record Comment(long id, long articleId, Long parentId, int depth, String authorName, String authorEmail, String authorUrl, String body,
                      String status, int score, String reasons, boolean byStaff, Instant createdAt) {
}
