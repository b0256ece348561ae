package press.dispatch.articles;

import java.util.List;
import java.util.Optional;

/**
 * Galleries placed in article bodies with a line {@code ::gallery[slug]}; the galleries feature implements it. The
 * HTML is emitted as is, so it must be escaped by the implementation.
 */
public interface GalleryEmbeds {

    /** The gallery's grid to show inside an article, or empty when no published gallery has this slug. */
    Optional<String> html(String slug);

    /**
     * The photos of the published gallery with this slug, in order, as figures (their {@code src} the widest JPEG
     * variant): what feeds and sitemaps list. Empty when no published gallery has this slug.
     */
    default List<Figure> figures(String slug) {
        return List.of();
    }
}
