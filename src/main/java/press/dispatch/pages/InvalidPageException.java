package press.dispatch.pages;

import java.util.Map;

/** Nothing was saved: each field named has the problem given, in words for the editor. */
class InvalidPageException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidPageException(Map<String, String> problems) {
        super("invalid page: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    Map<String, String> problems() {
        return problems;
    }
}
