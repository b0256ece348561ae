package press.dispatch.subscriptions;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses we accept: a plain {@code local@domain.tld}, nothing that could smuggle a header
 * (CR, LF, other control characters), a display name, a second address or a comment.
 */
final class EmailAddresses {

    static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddresses() {
    }

    /** The address in the form we store it (lower case), or the problem in words for the reader. */
    static Result check(String raw) {
        String trimmed = raw == null ? "" : raw.strip();
        if (trimmed.isEmpty()) {
            return new Result(Optional.empty(), "Please enter your email address.");
        }
        if (trimmed.length() > MAX_LENGTH) {
            return new Result(Optional.empty(), "That email address is too long (at most " + MAX_LENGTH + " characters).");
        }
        if (!ADDRESS.matcher(trimmed).matches() || trimmed.contains("..") || trimmed.startsWith(".") || trimmed.contains(".@")) {
            return new Result(Optional.empty(), "That does not look like an email address. Please check it, e.g. name@example.com.");
        }
        return new Result(Optional.of(trimmed.toLowerCase(Locale.ROOT)), null);
    }

    record Result(Optional<String> address, String problem) {
    }
}
