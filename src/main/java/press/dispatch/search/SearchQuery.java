package press.dispatch.search;

import java.time.Instant;

/**
 * What to look for.
 *
 * @param text      what the reader typed, any characters at all
 * @param sectionId only stories of this section, or null for all
 * @param from      only stories published at or after this moment, or null
 * @param until     only stories published before this moment, or null
 * @param page      from 1
 * @param perPage   hits per page
 */
public record SearchQuery(String text, Long sectionId, Instant from, Instant until, int page, int perPage) {

    public SearchQuery {
        page = Math.max(1, page);
        perPage = Math.max(1, Math.min(perPage, 100));
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, 1, 10);
    }
}
