package press.dispatch.release;

/**
 * A hold or release that breaks a rule; the message says which, and nothing changed. {@code field} names the input at
 * fault (as the Admin API calls it), or is null where the article's state is the problem rather than any input.
 */
final class InvalidReleaseException extends RuntimeException {

    private final String field;

    InvalidReleaseException(String message) {
        this(null, message);
    }

    InvalidReleaseException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
