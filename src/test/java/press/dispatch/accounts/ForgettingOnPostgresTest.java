package press.dispatch.accounts;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.platform.RateLimiter;
import press.dispatch.platform.RateLimiters;
import press.dispatch.platform.SqlTime;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL the counts behind the limits ({@code rate_windows}) and the sign-in throttle ({@code sign_in_failures})
 * are rows every node shares. Each is deleted a day after it last counted, by one node an hour.
 */
class ForgettingOnPostgresTest extends NewsroomTest {

    @Autowired
    RateLimiters rateLimiters;

    @Autowired
    SignInThrottle throttle;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }

    @Test
    void countsADayOldAreDeletedOnceAnHourByWhicheverNodeComesFirst() {
        RateLimiter limiter = rateLimiters.perWindow("forget-test", 3, Duration.ofMinutes(10));
        limiter.tryAcquire("203.0.113.7");
        throttle.failed("stale@example.com", "203.0.113.7");
        clock.advance(Duration.ofDays(1).plusHours(2));
        limiter.tryAcquire("198.51.100.9");
        throttle.failed("fresh@example.com", "198.51.100.9");

        sweep();

        assertThat(window("203.0.113.7")).isZero();
        assertThat(window("198.51.100.9")).isOne();
        assertThat(failures(RateLimiter.opaque("ip:203.0.113.7"))).isZero();
        assertThat(failures(RateLimiter.opaque("ip:198.51.100.9"))).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failures WHERE last_at < :cut")
                .param("cut", SqlTime.of(clock.instant().minus(Duration.ofDays(1)))).query(Long.class).single()).isZero();

        // Another node's schedule firing in the same hour finds that hour's run taken: counts gone stale since stay
        // until the next hour's run.
        Instant old = clock.instant().minus(Duration.ofDays(2));
        jdbc.sql("INSERT INTO rate_windows (key, started_at, events) VALUES (:key, :old, 1)").param("key", "forget-test:" + RateLimiter.opaque("192.0.2.1"))
                .param("old", SqlTime.of(old)).update();
        jdbc.sql("INSERT INTO sign_in_failures (key, failures, last_at) VALUES (:key, 1, :old)").param("key", RateLimiter.opaque("ip:192.0.2.1"))
                .param("old", SqlTime.of(old)).update();
        sweep();
        assertThat(window("192.0.2.1")).isOne();
        assertThat(failures(RateLimiter.opaque("ip:192.0.2.1"))).isOne();

        clock.advance(Duration.ofHours(1));
        sweep();
        assertThat(window("192.0.2.1")).isZero();
        assertThat(failures(RateLimiter.opaque("ip:192.0.2.1"))).isZero();
        assertThat(window("198.51.100.9")).isOne();
    }

    private void sweep() {
        rateLimiters.forgetOldWindows();
        throttle.forgetOldFailures();
    }

    private long window(String ip) {
        return jdbc.sql("SELECT COUNT(*) FROM rate_windows WHERE key = :key").param("key", "forget-test:" + RateLimiter.opaque(ip))
                .query(Long.class).single();
    }

    private long failures(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_failures WHERE key = :key").param("key", key).query(Long.class).single();
    }
}
