package press.dispatch.articles;

/**
 * A photo as a page shows it. Credit and caption may be empty; {@code webpSrcset} offers the same sizes as WebP to
 * browsers that take it (empty: JPEG only).
 */
public record Figure(String src, String srcset, int width, int height, String alt, String caption, String credit, String webpSrcset) {

    public Figure(String src, String srcset, int width, int height, String alt, String caption, String credit) {
        this(src, srcset, width, height, alt, caption, credit, "");
    }
}
