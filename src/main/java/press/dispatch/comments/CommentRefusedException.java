package press.dispatch.comments;

/** A comment refused before it was stored: too many too fast (429), or the same text again (409). */
public final class CommentRefusedException extends RuntimeException {

    private final int status;

    CommentRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
