package press.dispatch.feeds;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import press.dispatch.pages.StaticPages;

/** The published static pages (About, Privacy…) as a sitemap source, after the stories' listings. */
@Component
class PageSitemaps implements SitemapSource {

    private final StaticPages pages;

    PageSitemaps(StaticPages pages) {
        this.pages = pages;
    }

    @Override
    public String name() {
        return "pages";
    }

    @Override
    public int position() {
        return 50;
    }

    @Override
    public long count() {
        return pages.listPublished().size();
    }

    /** A site has a handful of pages, so they are read whole; ordered by id, which never changes. */
    @Override
    public void forEach(long offset, int limit, Consumer<SitemapEntry> each) {
        pages.listPublished().stream().sorted(java.util.Comparator.comparingLong(p -> p.id())).skip(offset).limit(limit)
                .forEach(p -> each.accept(new SitemapEntry(p.href(), p.updatedAt(), List.of())));
    }
}
