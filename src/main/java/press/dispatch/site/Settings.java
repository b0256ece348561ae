package press.dispatch.site;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The site's settings as they are now: an immutable snapshot. */
public final class Settings {

    private final Map<Setting, String> values;
    private final ZoneId zone;
    private final Locale locale;

    Settings(Map<Setting, String> stored) {
        EnumMap<Setting, String> all = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            all.put(s, stored.getOrDefault(s, s.defaultValue()));
        }
        this.values = all;
        this.zone = ZoneId.of(all.get(Setting.TIME_ZONE));
        this.locale = Locale.forLanguageTag(all.get(Setting.LANGUAGE));
    }

    public String get(Setting setting) {
        return values.get(setting);
    }

    /** A label with {@code {site}} replaced by the site's name. */
    public String label(Setting setting) {
        return values.get(setting).replace("{site}", name());
    }

    public String name() {
        return values.get(Setting.NAME);
    }

    public String tagline() {
        return values.get(Setting.TAGLINE);
    }

    public String description() {
        return values.get(Setting.DESCRIPTION);
    }

    public String language() {
        return values.get(Setting.LANGUAGE);
    }

    public String baseUrl() {
        String url = values.get(Setting.BASE_URL);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }
}
