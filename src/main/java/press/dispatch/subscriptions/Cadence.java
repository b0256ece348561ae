package press.dispatch.subscriptions;

import java.util.Locale;

public enum Cadence {
    EACH, DAILY, WEEKLY;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Cadence ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
