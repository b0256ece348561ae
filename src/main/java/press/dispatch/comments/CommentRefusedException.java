package press.dispatch.comments;

/** A comment refused before it was stored: too many too fast (429, with the seconds to wait), or the same text again (409). */
public final class CommentRefusedException extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    CommentRefusedException(int status, String message) {
        this(status, message, 0);
    }

    CommentRefusedException(int status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** For a 429: how long to wait before sending again (the {@code Retry-After} header); 0 otherwise. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }
}
