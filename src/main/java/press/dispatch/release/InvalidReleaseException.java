package press.dispatch.release;

/** A hold or release that breaks a rule; the message says which, and nothing changed. */
final class InvalidReleaseException extends RuntimeException {

    InvalidReleaseException(String message) {
        super(message);
    }
}
