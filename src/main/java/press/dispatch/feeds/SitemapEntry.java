package press.dispatch.feeds;

import java.time.Instant;

/**
 * One address in a sitemap: its path on this site, when it last changed ({@code null} if unknown) and the path of
 * its featured photo ({@code null} for none).
 */
public record SitemapEntry(String path, Instant modified, String photo) {
}
