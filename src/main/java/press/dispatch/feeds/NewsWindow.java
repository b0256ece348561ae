package press.dispatch.feeds;

import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import press.dispatch.platform.PageCache;

/**
 * The sitemap index lists the news sitemap only while a story is in its 48-hour window. A story entering the window
 * changes a story, which purges the cached index; the last one leaving it changes nothing, so the index would go on
 * naming a news sitemap that has become a 404. This checks every minute (one row read) and purges the index when the
 * window has emptied or filled since the last check. Each node checks for itself; the purge also reaches the others,
 * which costs them one re-render of the index.
 */
@Component
class NewsWindow {

    static final String TAG = "sitemap-index";

    private final Sitemaps sitemaps;
    private final PageCache cache;
    private Boolean hadNews;

    NewsWindow(Sitemaps sitemaps, PageCache cache) {
        this.sitemaps = sitemaps;
        this.cache = cache;
    }

    @Scheduled(fixedDelayString = "${dispatch.sitemaps.news-check-every:60s}", initialDelayString = "${dispatch.sitemaps.news-check-every:60s}")
    synchronized void check() {
        boolean hasNews = sitemaps.hasNews();
        if (hadNews != null && hadNews != hasNews) {
            cache.purge(List.of(TAG));
        }
        hadNews = hasNews;
    }
}
