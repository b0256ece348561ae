package press.dispatch.platform;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache's one invariant: a page whose render began before a purge of its tags is never found after it. */
class PageCacheTest {

    private static PageCache.Page page(String text, String... tags) {
        return new PageCache.Page(200, List.of(), text.getBytes(), null, "\"" + text + "\"", List.of(tags));
    }

    @Test
    void aPageRenderedBeforeAPurgeOfItsTagIsNotStored() {
        PageCache cache = new PageCache(true, 1 << 20);
        long renderBegan = cache.generation();
        cache.purge(List.of("article:1"));
        cache.store("/articles/one", page("old", "article:1", "front"), renderBegan);

        assertThat(cache.find("/articles/one")).isNull();
    }

    @Test
    void aPageRenderedAfterThePurgeIsStoredAndTheNextPurgeOfItsTagRemovesIt() {
        PageCache cache = new PageCache(true, 1 << 20);
        cache.purge(List.of("article:1"));
        cache.store("/articles/one", page("new", "article:1"), cache.generation());
        assertThat(cache.find("/articles/one")).isNotNull();

        cache.purge(List.of("article:1"));
        assertThat(cache.find("/articles/one")).isNull();
    }

    /**
     * Stores and purges that race: one thread stores a page rendered before the purge another thread makes at the
     * same moment. Whichever runs first, the page must not be in the cache once both are done.
     */
    @Test
    void aStoreRacingAPurgeThatBeganAfterItsRenderNeverLeavesThePageBehind() throws Exception {
        PageCache cache = new PageCache(true, 64L << 20);
        int rounds = 20_000;
        CyclicBarrier start = new CyclicBarrier(2);
        CyclicBarrier done = new CyclicBarrier(2);
        long[] renderBegan = new long[rounds];
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> leftBehind = threads.submit(() -> {
                int found = 0;
                for (int i = 0; i < rounds; i++) {
                    renderBegan[i] = cache.generation();
                    start.await();
                    cache.store("/articles/" + i, page("page " + i, "article:" + i, "front"), renderBegan[i]);
                    done.await();
                    if (cache.find("/articles/" + i) != null) {
                        found++;
                    }
                    start.await();
                }
                return found;
            });
            Future<?> purges = threads.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    start.await();
                    // The purge begins after the render (the generation was read before the barrier).
                    cache.purge(List.of("article:" + i));
                    done.await();
                    start.await();
                }
                return null;
            });
            purges.get(2, TimeUnit.MINUTES);
            assertThat(leftBehind.get(2, TimeUnit.MINUTES)).as("pages left in the cache after a purge their render preceded").isZero();
        } finally {
            threads.shutdownNow();
        }
    }
}
