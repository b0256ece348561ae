package press.dispatch.pages;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.platform.PageCache;

/** Purges a page's cached copy after its change has committed; every page when a published page's title or address changes (the footer links them all). */
@Component
class StaticPagePurges {

    private final PageCache cache;

    StaticPagePurges(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(100)
    void pageChanged(PageChanged changed) {
        if (changed.everyPage()) {
            cache.purgeAll();
        } else {
            cache.purge(List.of("page:" + changed.pageId()));
        }
    }
}
