package press.dispatch.feeds;

import org.springframework.boot.context.properties.ConfigurationProperties;

import press.dispatch.platform.BadSettingException;

/**
 * @param pageSize addresses per sitemap page: at most 50,000, the sitemaps.org limit (tests use a few to see paging).
 *                 10,000 by default: a page is then about 2.5 MB, which the page cache copies and compresses in a
 *                 128 MB heap without the full collections that 12 MB pages caused.
 */
@ConfigurationProperties("dispatch.sitemaps")
record SitemapProperties(Integer pageSize) {

    static final int MAX_PAGE_SIZE = 50_000;
    static final int DEFAULT_PAGE_SIZE = 10_000;

    SitemapProperties {
        if (pageSize == null) {
            pageSize = DEFAULT_PAGE_SIZE;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new BadSettingException("dispatch.sitemaps.page-size", "is " + pageSize, "set a number from 1 to 50000");
        }
    }
}
