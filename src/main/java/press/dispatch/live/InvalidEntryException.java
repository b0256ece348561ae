package press.dispatch.live;

import java.util.Map;

/** An entry (or a change to coverage) that breaks a rule; {@code problems} names each field's problem. */
public class InvalidEntryException extends RuntimeException {

    private final transient Map<String, String> problems;

    InvalidEntryException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
