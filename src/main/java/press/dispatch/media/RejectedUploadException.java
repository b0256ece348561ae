package press.dispatch.media;

/** An upload that is not a photo Dispatch can take; the message says why, in words for the uploader. */
public final class RejectedUploadException extends RuntimeException {

    RejectedUploadException(String message) {
        super(message);
    }
}
