package press.dispatch.search;

import java.util.List;

/**
 * One page of hits, best first.
 *
 * @param total how many stories match in all
 * @param pages at least 1
 */
public record SearchResults(List<Hit> hits, long total, int page, int pages) {

    static SearchResults none(int page) {
        return new SearchResults(List.of(), 0, page, 1);
    }
}
