package press.dispatch.subscriptions;

import java.util.Map;

/** An import with bad lines; nothing was imported. */
public final class InvalidImportException extends RuntimeException {

    private final Map<Integer, String> problems;

    InvalidImportException(Map<Integer, String> problems) {
        super("Nothing imported; bad lines: " + problems);
        // In line order (Map.copyOf keeps none: the lines came out in any order)
        this.problems = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(problems));
    }

    /** Line number (1 = the header) to what is wrong on it. */
    public Map<Integer, String> problems() {
        return problems;
    }
}
