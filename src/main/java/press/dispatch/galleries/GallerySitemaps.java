package press.dispatch.galleries;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import press.dispatch.feeds.SitemapEntry;
import press.dispatch.feeds.SitemapSource;

/**
 * Published galleries in the sitemaps: each gallery page with every photo it shows, in gallery order, in id order
 * (stable across sitemap pages).
 */
@Component
class GallerySitemaps implements SitemapSource {

    private final Galleries galleries;

    GallerySitemaps(Galleries galleries) {
        this.galleries = galleries;
    }

    @Override
    public String name() {
        return "galleries";
    }

    @Override
    public int position() {
        return 60;
    }

    @Override
    public long count() {
        return galleries.countPublished();
    }

    @Override
    public void forEach(long offset, int limit, Consumer<SitemapEntry> each) {
        for (Galleries.Shown shown : galleries.listPublished(offset, limit)) {
            Gallery g = shown.gallery();
            each.accept(new SitemapEntry(g.href(), g.updatedAt(), shown.photos().stream().map(p -> p.media().src(1600)).toList()));
        }
    }
}
