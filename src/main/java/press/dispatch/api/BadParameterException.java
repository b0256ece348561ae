package press.dispatch.api;

import java.util.Collection;

/**
 * A query parameter with a value the operation does not know, such as a status filter that names no status. Answered
 * 400 with the parameter named in {@code fields}, rather than an empty list that looks like "there are none".
 */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** Refuses {@code value} for {@code parameter} unless it is one of {@code allowed}; returns it otherwise. */
    public static String oneOf(String parameter, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw new BadParameterException(parameter, "Must be one of " + String.join(", ", allowed) + ".");
        }
        return value;
    }

    public String parameter() {
        return parameter;
    }
}
