package press.dispatch.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At most {@code limit} events per key in a window that starts with the key's first event. Counted in memory on one
 * node (SQLite), or in the database's {@code rate_windows} so that several nodes share one count (PostgreSQL, made
 * by {@link RateLimiters}).
 */
public final class RateLimiter {

    private final int limit;
    private final Counter counter;

    private interface Counter {
        int count(String key);
    }

    /** Windows are measured on the given clock, so tests can move time instead of waiting. */
    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        Cache<String, AtomicInteger> windows = Caffeine.newBuilder().expireAfterWrite(window.toNanos(), TimeUnit.NANOSECONDS).maximumSize(100_000)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .build();
        this.counter = key -> windows.get(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Counted in {@code rate_windows} under {@code name}: one statement per event, whichever node sees it. */
    RateLimiter(String name, int limit, Duration window, Clock clock, JdbcClient jdbc) {
        this.limit = limit;
        this.counter = key -> {
            Instant now = clock.instant();
            return jdbc.sql("""
                    INSERT INTO rate_windows (key, started_at, events) VALUES (:key, :now, 1)
                    ON CONFLICT (key) DO UPDATE SET
                        events = CASE WHEN rate_windows.started_at <= :expired THEN 1 ELSE rate_windows.events + 1 END,
                        started_at = CASE WHEN rate_windows.started_at <= :expired THEN excluded.started_at ELSE rate_windows.started_at END
                    RETURNING events
                    """).param("key", name + ":" + opaque(key)).param("now", SqlTime.of(now)).param("expired", SqlTime.of(now.minus(window)))
                    .query(Integer.class).single();
        };
    }

    /**
     * A limited key (an IP address, an email address) as the database keeps it: a digest, so the table holds no
     * personal data that an erasure would have to find.
     */
    public static String opaque(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts an event; false if the key has used up its window. */
    public boolean tryAcquire(String key) {
        return counter.count(key) <= limit;
    }
}
