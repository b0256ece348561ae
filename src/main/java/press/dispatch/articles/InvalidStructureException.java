package press.dispatch.articles;

import java.util.Map;

/** A change to a section or tag that breaks a rule; each problem is named by the form field it concerns. Nothing was saved. */
class InvalidStructureException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidStructureException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    InvalidStructureException(String field, String problem) {
        this(Map.of(field, problem));
    }

    Map<String, String> problems() {
        return problems;
    }
}
