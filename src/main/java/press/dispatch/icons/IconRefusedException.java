package press.dispatch.icons;

/** An image that decodes but cannot be the icon (not square, too small); the message is for the uploader. */
class IconRefusedException extends RuntimeException {

    IconRefusedException(String message) {
        super(message);
    }
}
