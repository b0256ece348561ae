package press.dispatch.galleries;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import press.dispatch.feeds.SitemapEntry;
import press.dispatch.feeds.SitemapSource;

/**
 * Published galleries in the sitemaps: each gallery page with its first photo as the entry's image, in id order
 * (stable across sitemap pages). A sitemap entry carries one image today, so the other photos are not listed.
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
            String cover = shown.photos().isEmpty() ? null : shown.photos().get(0).media().src(1600);
            each.accept(new SitemapEntry(g.href(), g.updatedAt(), cover));
        }
    }
}
