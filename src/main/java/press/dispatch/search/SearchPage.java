package press.dispatch.search;

import java.util.List;

import press.dispatch.site.Shell;

/**
 * The search page: the form as the reader filled it, and one page of hits.
 *
 * @param problem what was wrong with the filters (they were ignored), or empty
 * @param notice  why nothing was searched (no words, too many searches), or empty
 */
public record SearchPage(Shell shell, String query, List<SectionChoice> sections, String section, String from, String to, SearchResults results,
                  List<Line> lines, String problem, String notice) {

    public record SectionChoice(String slug, String name) {
    }

    /** A hit as the page shows it, with its date in the site's zone and language. */
    public record Line(Hit hit, String dateIso, String date) {
    }

    /** "12 stories match"; past the counted limit, "More than 1,000 stories match". */
    public String count() {
        long total = results.total();
        if (total > Search.COUNTED) {
            return String.format(java.util.Locale.ROOT, "More than %,d stories match", Search.COUNTED);
        }
        return total + (total == 1 ? " story matches" : " stories match");
    }

    public boolean searched() {
        return notice.isEmpty() && !query.isBlank();
    }

    public String pageHref(int page) {
        StringBuilder href = new StringBuilder("/search?q=").append(encode(query));
        if (!section.isEmpty()) {
            href.append("&section=").append(encode(section));
        }
        if (!from.isEmpty()) {
            href.append("&from=").append(encode(from));
        }
        if (!to.isEmpty()) {
            href.append("&to=").append(encode(to));
        }
        return href.append("&page=").append(page).toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
