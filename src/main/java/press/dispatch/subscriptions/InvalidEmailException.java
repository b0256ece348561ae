package press.dispatch.subscriptions;

/** An address we cannot send to; the message is for the reader. Nothing was stored or sent. */
public final class InvalidEmailException extends RuntimeException {

    InvalidEmailException(String message) {
        super(message);
    }
}
