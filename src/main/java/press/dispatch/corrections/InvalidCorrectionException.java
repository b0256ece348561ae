package press.dispatch.corrections;

import java.util.Map;

/** A correction that breaks a rule, by form field; nothing was saved. */
final class InvalidCorrectionException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidCorrectionException(Map<String, String> problems) {
        super("Correction not saved: " + problems.values());
        this.problems = Map.copyOf(problems);
    }

    Map<String, String> problems() {
        return problems;
    }
}
