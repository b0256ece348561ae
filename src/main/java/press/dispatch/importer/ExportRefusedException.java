package press.dispatch.importer;

/** The export cannot be imported as it is; the message says why (and where, for broken XML). Nothing was imported. */
public class ExportRefusedException extends RuntimeException {

    ExportRefusedException(String message) {
        super(message);
    }

    ExportRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
