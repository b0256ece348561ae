package press.dispatch.menus;

import java.util.Map;

/** A menu that breaks a rule; nothing was saved. Problems are keyed {@code items[n].field} or {@code items}. */
class InvalidMenuException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidMenuException(Map<String, String> problems) {
        super("Menu refused: " + problems);
        this.problems = Map.copyOf(problems);
    }

    Map<String, String> problems() {
        return problems;
    }
}
