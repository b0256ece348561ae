package press.dispatch.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;

import press.dispatch.articles.DeskSearch;

/**
 * Finds public stories by their words: the search page asks here, and so should anything else that searches stories.
 * Any text is a valid query; one with no words finds nothing. The newsroom's list asks here too ({@link DeskSearch}),
 * with the same rules over articles of every status.
 *
 * <p>Public results are kept in memory for a minute at most, under the index's change number: any change to any
 * document, on any node, moves the number, so kept results are never older than the index. The minute bounds how far
 * the recency boost can drift.
 */
@Service
public class Search implements DeskSearch {

    /** No reader pages this deep; it bounds the work an OFFSET can ask for. */
    static final int MAX_PAGE = 100;
    /** Counting stops here: the page says "more than" beyond it, and no reader pages further anyway. */
    static final int COUNTED = SearchIndex.CANDIDATES;

    private final SearchIndex index;
    private final Clock clock;
    private final Cache<Key, SearchResults> kept;

    Search(SearchIndex index, Clock clock, SearchSettings settings) {
        this.index = index;
        this.clock = clock;
        this.kept = settings.cachedResults() == 0 ? null
                : Caffeine.newBuilder().maximumSize(settings.cachedResults()).expireAfterWrite(Duration.ofMinutes(1)).build();
    }

    private record Key(SearchTerms terms, Long sectionId, Instant from, Instant until, int page, int perPage, long generation) {
    }

    public SearchResults search(SearchQuery query) {
        SearchTerms terms = SearchTerms.parse(query.text());
        if (terms.isEmpty() || query.page() > MAX_PAGE) {
            return SearchResults.none(query.page());
        }
        if (kept == null) {
            return run(terms, query);
        }
        Key key = new Key(terms, query.sectionId(), query.from(), query.until(), query.page(), query.perPage(), index.generation());
        SearchResults results = kept.getIfPresent(key);
        if (results == null) {
            results = run(terms, query);
            kept.put(key, results);
        }
        return results;
    }

    private SearchResults run(SearchTerms terms, SearchQuery query) {
        Instant now = clock.instant();
        SearchIndex.Ranked ranked = index.rank(terms, query, now);
        // A page past the last has no rows to carry the count: only then is it counted on its own.
        long total = ranked.ids().isEmpty() && query.page() > 1 ? index.count(terms, query, now, COUNTED + 1) : ranked.total();
        int pages = (int) Math.max(1, Math.min(Math.min(MAX_PAGE, (COUNTED + query.perPage() - 1) / query.perPage()),
                (total + query.perPage() - 1) / query.perPage()));
        if (ranked.ids().isEmpty()) {
            return new SearchResults(List.of(), total, query.page(), pages);
        }
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ranked.ids().size(); i++) {
            order.put(ranked.ids().get(i), i);
        }
        List<Hit> hits = index.hits(terms, ranked.ids()).stream().sorted(Comparator.comparing(h -> order.get(h.articleId()))).toList();
        return new SearchResults(hits, total, query.page(), pages);
    }

    /** Articles of every status, best match first; for staff only, never kept. */
    @Override
    public List<Long> find(String text, int limit) {
        SearchTerms terms = SearchTerms.parse(text);
        return terms.isEmpty() ? List.of() : index.rankAll(terms, Math.max(1, Math.min(limit, SearchIndex.CANDIDATES)), clock.instant());
    }
}
