package press.dispatch.feeds;

import java.util.function.Consumer;

/**
 * One kind of public address for the sitemaps. A feature with public pages (static pages, when they come) adds a
 * bean implementing this and its addresses are listed, paged and indexed with the rest.
 */
public interface SitemapSource {

    /** Names the sitemap pages: {@code /sitemaps/<name>-<page>.xml}; lower-case letters only, unique. */
    String name();

    /** Where this source comes in the index: lower first. */
    int position();

    long count();

    /** Entries {@code offset} to {@code offset + limit - 1}, in a stable order; must not hold them all in memory. */
    void forEach(long offset, int limit, Consumer<SitemapEntry> each);
}
