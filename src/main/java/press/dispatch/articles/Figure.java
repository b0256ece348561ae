package press.dispatch.articles;

/** A photo as a page shows it. Credit and caption may be empty. */
public record Figure(String src, String srcset, int width, int height, String alt, String caption, String credit) {
}
