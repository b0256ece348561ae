package press.dispatch.articles;

import java.util.List;

/**
 * Finds articles of every status by their words, for the newsroom's article list and the Admin API. The search
 * feature answers it with the index and the query rules of the public search, where drafts and scheduled articles
 * are indexed too but never shown to readers.
 */
public interface DeskSearch {

    /** The article list ranks at most this many matches; a query that matches more is narrowed with more words or filters. */
    int LIMIT = 1_000;

    /**
     * Ids of the articles (any status, trash included) whose words match, best first, at most {@code limit}. Any text
     * is a valid query; one with no words finds nothing.
     */
    List<Long> find(String text, int limit);
}
