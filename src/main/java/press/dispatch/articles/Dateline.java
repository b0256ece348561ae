package press.dispatch.articles;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** A moment as a page shows it: machine-readable for {@code <time datetime>}, and in words in the site's time zone. */
public record Dateline(String iso, String display) {

    static Dateline of(Instant instant, ZoneId zone, Locale locale) {
        var local = instant.atZone(zone);
        String display = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(local) + " "
                + DateTimeFormatter.ofPattern("HH:mm z", locale).format(local);
        return new Dateline(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.withNano(0)), display);
    }
}
