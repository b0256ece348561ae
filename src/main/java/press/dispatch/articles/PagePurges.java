package press.dispatch.articles;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.platform.PageCache;
import press.dispatch.site.SiteSettingsChanged;

/** Purges cached pages after the change behind them has committed, and only those pages. */
@Component
class PagePurges {

    /** After the listeners that reload in-memory settings and navigation, so a purged page is rebuilt from new data. */
    static final int PURGE_ORDER = 100;

    private final PageCache cache;

    PagePurges(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void articleChanged(ArticleChanged changed) {
        List<String> tags = new ArrayList<>();
        tags.add("article:" + changed.articleId());
        tags.add("front");
        changed.sectionIds().forEach(id -> tags.add("section:" + id));
        changed.tagIds().forEach(id -> tags.add("tag:" + id));
        changed.authorIds().forEach(id -> tags.add("author:" + id));
        cache.purge(tags);
    }

    /** A byline is on every page of its articles and in listings: rare enough to refresh everything. */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void bylineChanged(Editing.BylineChanged changed) {
        cache.purgeAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void sectionsChanged(Newsdesk.SectionsChanged changed) {
        cache.purgeAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void settingsChanged(SiteSettingsChanged changed) {
        cache.purgeAll();
    }
}
