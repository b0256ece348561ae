package press.dispatch.threads;

import java.util.Map;

/** A thread that breaks a rule, by form field; nothing was saved. */
final class InvalidThreadException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidThreadException(Map<String, String> problems) {
        super("Thread not saved: " + problems.values());
        this.problems = Map.copyOf(problems);
    }

    Map<String, String> problems() {
        return problems;
    }
}
