package press.dispatch.accounts;

import java.util.Map;

/** A form about accounts that cannot be accepted; field name to message. */
public class InvalidAccountException extends RuntimeException {

    private final transient Map<String, String> problems;

    public InvalidAccountException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public InvalidAccountException(String field, String problem) {
        this(Map.of(field, problem));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
