package press.dispatch.menus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One item as stored: a target by kind and id, or a URL; {@code label} blank means the target's name.
 *
 * @param targetId the section, page or tag; null for a URL
 * @param url      the address of a URL item; null otherwise
 */
public record MenuItem(Kind kind, Long targetId, String url, String label) {

    public enum Kind {
        SECTION, PAGE, TAG, URL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Kind> ofKey(String key) {
            return Arrays.stream(values()).filter(k -> k.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))).findFirst();
        }
    }
}
