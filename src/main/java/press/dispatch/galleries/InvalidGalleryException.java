package press.dispatch.galleries;

import java.util.LinkedHashMap;
import java.util.Map;

/** A gallery change that breaks a rule; {@code problems} names each field and what is wrong with it. */
public class InvalidGalleryException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidGalleryException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }

    /** The same problems with {@code field} called {@code as}: the newsroom's form and the API name some fields differently. */
    InvalidGalleryException naming(String field, String as) {
        Map<String, String> renamed = new LinkedHashMap<>(problems);
        if (renamed.containsKey(field)) {
            renamed.put(as, renamed.remove(field));
        }
        return new InvalidGalleryException(renamed);
    }
}
