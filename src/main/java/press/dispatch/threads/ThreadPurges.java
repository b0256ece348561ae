package press.dispatch.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.platform.PageCache;

/**
 * Purges the cached pages a thread change shows on, once it is committed: the timeline (tagged "front") and each
 * article whose "Part of" box changed.
 */
@Component
class ThreadPurges {

    record ThreadChanged(Set<Long> articleIds) {
    }

    private final PageCache cache;
    private final ApplicationEventPublisher events;

    ThreadPurges(PageCache cache, ApplicationEventPublisher events) {
        this.cache = cache;
        this.events = events;
    }

    /** Called in the changing transaction with every article in the thread before or after the change. */
    void changed(java.util.Collection<Long> articleIds) {
        events.publishEvent(new ThreadChanged(Set.copyOf(articleIds)));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void purge(ThreadChanged changed) {
        List<String> tags = new ArrayList<>();
        tags.add("front");
        changed.articleIds().forEach(id -> tags.add("article:" + id));
        cache.purge(tags);
    }
}
