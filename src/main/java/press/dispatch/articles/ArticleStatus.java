package press.dispatch.articles;

import java.util.Locale;

public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArticleStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
