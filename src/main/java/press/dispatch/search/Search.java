package press.dispatch.search;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Finds public stories by their words: the search page asks here, and so should anything else that searches stories.
 * Any text is a valid query; one with no words finds nothing.
 */
@Service
public class Search {

    /** No reader pages this deep; it bounds the work an OFFSET can ask for. */
    static final int MAX_PAGE = 100;

    private final SearchIndex index;
    private final Clock clock;

    Search(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    public SearchResults search(SearchQuery query) {
        SearchTerms terms = SearchTerms.parse(query.text());
        if (terms.isEmpty() || query.page() > MAX_PAGE) {
            return SearchResults.none(query.page());
        }
        Instant now = clock.instant();
        long total = index.count(terms, query, now);
        int pages = (int) Math.max(1, Math.min(MAX_PAGE, (total + query.perPage() - 1) / query.perPage()));
        if (total == 0 || query.page() > pages) {
            return new SearchResults(List.of(), total, query.page(), pages);
        }
        List<Long> ranked = index.rank(terms, query, now);
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            order.put(ranked.get(i), i);
        }
        List<Hit> hits = index.hits(terms, ranked).stream().sorted(Comparator.comparing(h -> order.get(h.articleId()))).toList();
        return new SearchResults(hits, total, query.page(), pages);
    }
}
