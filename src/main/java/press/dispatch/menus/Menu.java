package press.dispatch.menus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two menus a page shows. */
public enum Menu {
    HEADER("Header navigation"),
    FOOTER("Footer links");

    private final String title;

    Menu(String title) {
        this.title = title;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return title;
    }

    static Optional<Menu> ofKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }
}
