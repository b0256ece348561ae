package press.dispatch.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** At most {@code limit} events per key in a fixed window, counted in memory (per node). */
public final class RateLimiter {

    private final int limit;
    private final Cache<String, AtomicInteger> windows;

    /** Windows are measured on the given clock, so tests can move time instead of waiting. */
    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windows = Caffeine.newBuilder().expireAfterWrite(window.toNanos(), TimeUnit.NANOSECONDS).maximumSize(100_000)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .build();
    }

    /** Counts an event; false if the key has used up its window. */
    public boolean tryAcquire(String key) {
        return windows.get(key, k -> new AtomicInteger()).incrementAndGet() <= limit;
    }
}
