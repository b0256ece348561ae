package press.dispatch.media;

/** An upload that is not a photo Dispatch can take; the message says why, in words for the uploader. */
public final class RejectedUploadException extends RuntimeException {

    private final boolean busy;

    RejectedUploadException(String message) {
        this(message, false);
    }

    private RejectedUploadException(String message, boolean busy) {
        super(message);
        this.busy = busy;
    }

    /** The photo may be fine, but the server had no room to decode it in time. */
    static RejectedUploadException busy(String message) {
        return new RejectedUploadException(message, true);
    }

    /** True when the same upload may succeed later (HTTP 503), false when the file itself is refused (422). */
    public boolean tryAgainLater() {
        return busy;
    }
}
