package press.dispatch.icons;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.platform.PageCache;

/** Every public page's head names the icon's addresses, so a new or removed icon purges the whole page cache. */
@Component
class IconPurges {

    private final PageCache cache;

    IconPurges(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(100)
    void iconChanged(SiteIconChanged changed) {
        cache.purgeAll();
    }
}
