package press.dispatch.galleries;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.platform.PageCache;

/**
 * Purges a gallery's cached pages (its page, its photo pages, and articles that embed it, which all carry
 * {@code gallery:<id>}) after the change has committed; the Pictures page too when what it lists changed.
 */
@Component
class GalleryPurges {

    private final PageCache cache;

    GalleryPurges(PageCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(100)
    void galleryChanged(GalleryChanged changed) {
        List<String> tags = new ArrayList<>();
        tags.add(tag(changed.galleryId()));
        if (changed.listed()) {
            tags.add("pictures");
        }
        cache.purge(tags);
    }

    static String tag(long galleryId) {
        return "gallery:" + galleryId;
    }
}
