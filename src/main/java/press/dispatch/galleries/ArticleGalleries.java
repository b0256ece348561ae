package press.dispatch.galleries;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import press.dispatch.articles.Figure;
import press.dispatch.articles.GalleryEmbeds;
import press.dispatch.media.MediaItem;
import press.dispatch.platform.PageCache;

/**
 * Galleries inside article bodies ({@code ::gallery[slug]}): the same grid as the gallery page, rendered by jte (so
 * escaped). The article page being rendered is tagged with the gallery, so changing the gallery purges it too.
 */
@Component
class ArticleGalleries implements GalleryEmbeds {

    private final Galleries galleries;
    private final TemplateEngine templates;

    ArticleGalleries(Galleries galleries, TemplateEngine templates) {
        this.galleries = galleries;
        this.templates = templates;
    }

    @Override
    public Optional<String> html(String slug) {
        Optional<Gallery> found = publishedAndTagged(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Gallery gallery = found.get();
        List<GalleryPhoto> photos = galleries.photos(gallery.id());
        StringOutput html = new StringOutput();
        templates.render("galleries/embed.jte", Map.of("gallery", gallery, "photos", photos), html);
        return Optional.of(html.toString());
    }

    @Override
    public List<Figure> figures(String slug) {
        return publishedAndTagged(slug).map(g -> galleries.photos(g.id()).stream().map(ArticleGalleries::figure).toList())
                .orElse(List.of());
    }

    private static Figure figure(GalleryPhoto photo) {
        MediaItem media = photo.media();
        MediaItem.Variant widest = media.variantFor(Integer.MAX_VALUE);
        return new Figure(media.url(widest), media.srcset(), widest.width(), widest.height(), photo.alt(), photo.caption(),
                photo.credit().line(), media.webpSrcset());
    }

    /** The page being rendered (an article, a feed) is tagged with the gallery, so changing the gallery purges it too. */
    private Optional<Gallery> publishedAndTagged(String slug) {
        Optional<Gallery> found = galleries.findPublished(slug);
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
        if (request != null) {
            // Tagged even when the gallery is missing or a draft: once it is published, the page shows it.
            PageCache.tag(request, found.map(g -> GalleryPurges.tag(g.id())).orElse("pictures"));
        }
        return found;
    }
}
