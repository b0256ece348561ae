package press.dispatch.articles;

import java.util.Map;

/** A draft that breaks a rule; nothing was saved. */
public final class InvalidArticleException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidArticleException(Map<String, String> problems) {
        super("Article not saved: " + problems.values());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
