package press.dispatch.feeds;

import java.time.Instant;
import java.util.List;

/**
 * One address in a sitemap: its path on this site, when it last changed ({@code null} if unknown) and the paths of
 * the photos it shows, in page order (empty for none; Google reads at most {@value Sitemaps#IMAGES_PER_URL}).
 */
public record SitemapEntry(String path, Instant modified, List<String> photos) {

    public SitemapEntry {
        photos = List.copyOf(photos);
    }
}
