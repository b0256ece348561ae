package press.dispatch.comments;

import java.util.List;

/** One public comment and its replies, as the article page shows them. The email address is not here. */
public record Thread(long id, String authorName, String authorUrl, String initials, String bodyHtml, String iso, String display, boolean byStaff,
                     int depth, boolean canReply, String replyHref, List<Thread> replies) {
}
