package press.dispatch.site;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The site's settings as they are now: an immutable snapshot. */
public final class Settings {

    private final Map<Setting, String> values;
    private final ZoneId zone;
    private final Locale locale;
    private final String listeningAddress;

    /** @param listeningAddress the address this server listens on, for links while the base URL setting is empty */
    Settings(Map<Setting, String> stored, String listeningAddress) {
        this.listeningAddress = listeningAddress;
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

    /** The address links in emails and feeds start with: the base URL setting, or while it is empty the address this server listens on. */
    public String baseUrl() {
        String url = baseUrlSet() ? values.get(Setting.BASE_URL) : listeningAddress;
        return url.replaceAll("/+$", "");
    }

    /** The host of {@link #baseUrl()}, lower case; empty when the address setting names none. */
    public String host() {
        try {
            String host = URI.create(baseUrl()).getHost();
            return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    public boolean baseUrlSet() {
        return !values.get(Setting.BASE_URL).isBlank();
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * What still looks like a test install, for the admin to show: links to a localhost address while this request came
     * for another host, and the placeholder sender and postal address.
     *
     * @param requestHost the host the admin page was asked for (after a trusted proxy's X-Forwarded-Host)
     */
    public List<String> warnings(String requestHost) {
        List<String> warnings = new ArrayList<>();
        String base = baseUrl();
        if (loopback(URI.create(base).getHost()) && !loopback(requestHost)) {
            warnings.add("Links in emails and feeds point at " + base + ", but this page was opened at " + requestHost
                    + ". Set \u201cAddress of the site\u201d to the public address, such as https://" + requestHost + ".");
        }
        String from = values.get(Setting.MAIL_FROM_ADDRESS);
        if (loopback(from.substring(from.indexOf('@') + 1))) {
            warnings.add("Emails are sent from " + values.get(Setting.MAIL_FROM_NAME) + " <" + from
                    + ">, an address no mail server will deliver. Set the sender address to one at your own domain.");
        }
        if (values.get(Setting.MAIL_POSTAL_ADDRESS).equals(Setting.MAIL_POSTAL_ADDRESS.defaultValue())) {
            warnings.add("Every newsletter ends with the placeholder postal address \u201c" + Setting.MAIL_POSTAL_ADDRESS.defaultValue()
                    + "\u201d. Set the newsroom's real postal address, which anti-spam laws require.");
        }
        return warnings;
    }

    private static boolean loopback(String host) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
