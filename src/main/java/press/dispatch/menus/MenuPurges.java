package press.dispatch.menus;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.platform.PageCache;

/** Every public page shows both menus, so a changed menu purges the whole page cache once its change has committed. */
@Component
class MenuPurges {

    private final PageCache cache;

    MenuPurges(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(100)
    void menuChanged(MenuChanged changed) {
        cache.purgeAll();
    }
}
