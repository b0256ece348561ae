package press.dispatch.feeds;

import java.util.List;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import press.dispatch.platform.PageCache;

/**
 * The news sitemap lists the stories of the last 48 hours, and the sitemap index names it only while there is one. A
 * story entering the window is a story change, which purges both cached pages; a story leaving it changes nothing, so
 * the cached news sitemap would go on listing it, and on a quiet day the index would go on naming a news sitemap that
 * has become a 404. This checks every minute which story is the earliest in the window (one row read) and purges both
 * when that has changed: a story left, or the window emptied. The first check after start purges too, since a page
 * may have been cached in between. Each node checks for itself; the purge also reaches the others, which costs them
 * one re-render of two pages.
 */
@Component
class NewsWindow {

    static final String TAG = "news-window";

    private final Sitemaps sitemaps;
    private final PageCache cache;
    private boolean checked;
    private Optional<Long> earliest = Optional.empty();

    NewsWindow(Sitemaps sitemaps, PageCache cache) {
        this.sitemaps = sitemaps;
        this.cache = cache;
    }

    @Scheduled(fixedDelayString = "${dispatch.sitemaps.news-check-every:60s}", initialDelayString = "${dispatch.sitemaps.news-check-every:60s}")
    synchronized void check() {
        Optional<Long> now = sitemaps.earliestNews();
        if (!checked || !now.equals(earliest)) {
            cache.purge(List.of(TAG));
        }
        checked = true;
        earliest = now;
    }
}
