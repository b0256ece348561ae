package press.dispatch.comments;

import java.util.List;
import java.util.Map;

import press.dispatch.site.Shell;

/**
 * The comments section: approved comments, and the form. {@code held} is the visitor's own comment awaiting
 * moderation (shown only on the page they are sent back to, never cached); {@code errors} and {@code form}
 * refill the form after a mistake. {@code message} is a problem (the comment was not posted); {@code notice} is
 * good news, such as a comment received and awaiting moderation.
 */
public record DiscussionView(Shell shell, String articleHref, long count, List<Thread> threads, boolean open, String postUrl, String token,
                             CommentForm form, Map<String, String> errors, String message, String notice, Thread held, Long replyTo, String replyToName) {

    public String error(String field) {
        return errors.get(field);
    }
}
