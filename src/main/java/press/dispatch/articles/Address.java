package press.dispatch.articles;

import java.time.Instant;

/**
 * One public address for a sitemap: its path, when what it shows last changed ({@code null} when nothing on it has
 * a time, such as a section with no stories yet), and the path of its featured photo ({@code null} for none).
 */
public record Address(String path, Instant modified, String photo) {
}
