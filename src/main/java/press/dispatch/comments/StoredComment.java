package press.dispatch.comments;

import java.time.Instant;

/** A comment with everything stored about it, as a person's data export gives it: the IP and the reply-email choice too. */
public record StoredComment(long id, long articleId, Long parentId, String authorName, String authorEmail, String authorUrl, String body,
                            String status, String ip, boolean notifyReplies, boolean byStaff, Instant createdAt, Instant approvedAt) {
}
