package press.dispatch.comments;

import java.util.Map;

/** A comment form with mistakes; nothing was stored. */
public final class InvalidCommentException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidCommentException(Map<String, String> problems) {
        super("Comment not saved: " + problems.values());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
