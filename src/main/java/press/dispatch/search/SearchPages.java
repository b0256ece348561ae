package press.dispatch.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.articles.Newsdesk;
import press.dispatch.articles.Section;
import press.dispatch.platform.PageCache;
import press.dispatch.platform.RateLimiter;
import press.dispatch.platform.RateLimiters;
import press.dispatch.site.Settings;
import press.dispatch.site.Shell;
import press.dispatch.site.SiteShell;

/**
 * The public search page. Each address (query and filters) is stored in the page cache, tagged {@code search}, and
 * every change to the search documents purges them all after it commits ({@link SearchIndexing}), so a story that
 * changed is found, or no longer found, at once. A repeated search is then answered like any cached page, without
 * counting against the address's limit. Any input renders the page: bad filters are named and ignored, a query with
 * no words finds nothing, and an address that searches too often is asked to wait (429, never stored).
 */
@Controller
class SearchPages {

    private static final Logger log = LoggerFactory.getLogger(SearchPages.class);
    static final int PER_PAGE = 10;
    /** Longer text is not kept in the form or links; the search reads less still. */
    private static final int MAX_ECHO = 500;

    private final Search search;
    private final SiteShell shell;
    private final Newsdesk newsdesk;
    private final RateLimiter perAddress;
    private final boolean cached;

    SearchPages(Search search, SiteShell shell, Newsdesk newsdesk, SearchSettings settings, RateLimiters limiters) {
        this.search = search;
        this.shell = shell;
        this.newsdesk = newsdesk;
        this.perAddress = limiters.perWindow("searches", settings.perMinute(), Duration.ofMinutes(1));
        this.cached = settings.cachedResults() > 0;
    }

    @GetMapping("/search")
    ModelAndView search(@RequestParam(required = false) String q, @RequestParam(required = false) String section,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String page, HttpServletRequest request, HttpServletResponse response) {
        Shell current = shell.shell();
        Settings site = current.settings();
        String query = echo(q);
        List<Section> all = newsdesk.sections();
        Long sectionId = all.stream().filter(s -> s.slug().equals(section)).map(Section::id).findFirst().orElse(null);
        String sectionSlug = sectionId == null ? "" : section;
        StringBuilder problem = new StringBuilder();
        Instant since = day(from, site.zone(), problem, "from");
        Instant until = day(to, site.zone(), problem, "to");
        if (until != null) {
            until = until.atZone(site.zone()).plusDays(1).toInstant();
        }
        int number = page != null && page.matches("[1-9][0-9]{0,2}") ? Integer.parseInt(page) : 1;

        String notice = "";
        if (cached) {
            PageCache.tag(request, SearchIndexing.TAG);
        }
        SearchResults results = SearchResults.none(number);
        if (!query.isBlank()) {
            if (request.getUserPrincipal() == null && !perAddress.tryAcquire(request.getRemoteAddr())) {
                log.info("Search refused: too many searches from {}", request.getRemoteAddr());
                response.setStatus(429);
                response.setHeader("Retry-After", "60"); // the limit counts searches a minute
                notice = "You have searched a lot in the last minute. Please wait a moment and try again.";
            } else {
                results = search.search(new SearchQuery(query, sectionId, since, until, number, PER_PAGE));
            }
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(site.locale());
        List<SearchPage.Line> lines = results.hits().stream()
                .map(h -> new SearchPage.Line(h, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(h.publishedAt().atZone(site.zone()).withNano(0)),
                        format.format(h.publishedAt().atZone(site.zone()))))
                .toList();
        List<SearchPage.SectionChoice> choices = all.stream().map(s -> new SearchPage.SectionChoice(s.slug(), s.name())).toList();
        return new ModelAndView("search/results", "page", new SearchPage(current, query, choices, sectionSlug, since == null ? "" : from,
                until == null ? "" : to, results, lines, problem.toString(), notice));
    }

    private static String echo(String q) {
        if (q == null) {
            return "";
        }
        String cut = q.length() > MAX_ECHO ? q.substring(0, MAX_ECHO) : q;
        return cut.replaceAll("[\\p{Cntrl}\\p{Cs}]", " ").strip();
    }

    /** A date as the form's date field sends it (2026-11-30), as the start of that day in the site's zone. */
    private static Instant day(String value, ZoneId zone, StringBuilder problem, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant start = LocalDate.parse(value.strip()).atStartOfDay(zone).toInstant();
            if (!press.dispatch.platform.SqlTime.storable(start)) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return start;
        } catch (DateTimeParseException e) {
            problem.append(problem.isEmpty() ? "" : " ").append("The '").append(field).append("' date was ignored: write dates like 2026-11-30.");
            return null;
        }
    }
}
