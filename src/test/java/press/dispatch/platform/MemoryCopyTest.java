package press.dispatch.platform;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryCopyTest {

    @Test
    void readsOnceUntilForgotten() {
        AtomicInteger loads = new AtomicInteger();
        MemoryCopy<String> copy = new MemoryCopy<>(() -> "v" + loads.incrementAndGet());
        assertThat(copy.get()).isEqualTo("v1");
        assertThat(copy.get()).isEqualTo("v1");
        copy.forget();
        assertThat(copy.get()).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aReadThatAChangeOverlappedIsReturnedButNotKept() {
        AtomicInteger loads = new AtomicInteger();
        MemoryCopy<String>[] copy = new MemoryCopy[1];
        copy[0] = new MemoryCopy<>(() -> {
            int n = loads.incrementAndGet();
            if (n == 1) {
                // the change commits (and forgets) while this read is still on its way back
                copy[0].forget();
                return "before the change";
            }
            return "after the change";
        });
        assertThat(copy[0].get()).isEqualTo("before the change");
        assertThat(copy[0].get()).isEqualTo("after the change");
        assertThat(copy[0].get()).isEqualTo("after the change");
        assertThat(loads).hasValue(2);
    }

    @Test
    void anotherNodesPurgeOfEveryPageIsFollowedButNotItsPurgeOfSomePages() {
        PageCache cache = new PageCache(true, 1 << 20);
        AtomicInteger loads = new AtomicInteger();
        MemoryCopy<Integer> copy = new MemoryCopy<>(loads::incrementAndGet, cache);
        assertThat(copy.get()).isEqualTo(1);

        cache.purgeFromOtherNode(List.of("article:7", "front"));
        assertThat(copy.get()).isEqualTo(1);

        cache.purgeFromOtherNode(null);
        assertThat(copy.get()).isEqualTo(2);

        // this node's own purges are not followed: its changes forget through their own events
        cache.purgeAll();
        assertThat(copy.get()).isEqualTo(2);
    }
}
