package press.dispatch.metadata;

/** A picture for sharing cards and structured data; {@code url} may be site-relative (it is made absolute). */
public record SocialImage(String url, int width, int height, String alt) {
}
