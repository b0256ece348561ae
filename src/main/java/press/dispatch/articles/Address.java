package press.dispatch.articles;

import java.time.Instant;
import java.util.List;

/**
 * One public address for a sitemap: its path, when what it shows last changed ({@code null} when nothing on it has
 * a time, such as a section with no stories yet), and the paths of the photos it shows (the featured photo first;
 * empty for none).
 */
public record Address(String path, Instant modified, List<String> photos) {

    public Address {
        photos = List.copyOf(photos);
    }
}
