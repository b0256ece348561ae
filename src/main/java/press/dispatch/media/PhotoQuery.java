package press.dispatch.media;

import java.time.LocalDate;

/**
 * What the library screen and the API search for. Every part may be empty.
 *
 * @param text    words found in the caption, alt text, any part of the credit or the file name
 * @param credit  a photographer or agency, matched in either
 * @param from    uploaded on or after this day (site time zone)
 * @param to      uploaded on or before this day
 * @param unused  only photos that nothing uses
 * @param missing "credit" or "alt": only photos that lack it; empty for any
 */
public record PhotoQuery(String text, String credit, LocalDate from, LocalDate to, boolean unused, String missing) {

    public PhotoQuery {
        text = text == null ? "" : text.strip();
        credit = credit == null ? "" : credit.strip();
        missing = "credit".equals(missing) || "alt".equals(missing) ? missing : "";
    }

    public static PhotoQuery everything() {
        return new PhotoQuery("", "", null, null, false, "");
    }

    /** The query as URL parameters for the library's page links, without a leading separator. */
    public String parameters() {
        StringBuilder p = new StringBuilder();
        add(p, "q", text);
        add(p, "credit", credit);
        add(p, "from", from == null ? "" : from.toString());
        add(p, "to", to == null ? "" : to.toString());
        add(p, "unused", unused ? "1" : "");
        add(p, "missing", missing);
        return p.toString();
    }

    private static void add(StringBuilder p, String name, String value) {
        if (!value.isEmpty()) {
            p.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
    }
}
