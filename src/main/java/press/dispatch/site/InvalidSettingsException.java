package press.dispatch.site;

import java.util.Map;

/** New setting values that break a rule; nothing was saved. */
public final class InvalidSettingsException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidSettingsException(Map<String, String> problems) {
        super("Invalid settings: " + problems);
        this.problems = Map.copyOf(problems);
    }

    /** Setting key to what is wrong with its value. */
    public Map<String, String> problems() {
        return problems;
    }
}
