package press.dispatch.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.platform.Dialect;
import press.dispatch.platform.JobRuns;
import press.dispatch.platform.RateLimiter;
import press.dispatch.platform.SqlTime;

/**
 * Slows down password guessing: after a few failures for one address (whether or not it has an account) or from
 * one IP, each further attempt must wait, twice as long after every failure, up to 15 minutes. A correct password
 * is refused too while the wait lasts, so guessing gains nothing from trying faster. Password reset is not held up
 * by this wait (its requests have their own limit, 10 an hour per IP), and a completed reset forgives the failures.
 */
@Component
class SignInThrottle {

    static final int FREE_PER_ACCOUNT = 5;
    static final int FREE_PER_IP = 20;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final String FORGET_CRON = "${dispatch.sign-in.forget-cron:0 43 * * * *}";

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Cache<String, Failures> failures = Caffeine.newBuilder().expireAfterAccess(1, TimeUnit.DAYS).maximumSize(200_000).build();
    /** On PostgreSQL failures are counted in {@code sign_in_failures}, so guesses spread over several nodes add up. */
    private final JdbcClient jdbc;

    private final JobRuns jobRuns;
    private final String forgetCron;

    SignInThrottle(Clock clock, JdbcClient jdbc, Dialect dialect, JobRuns jobRuns, @Value(FORGET_CRON) String forgetCron) {
        this.clock = clock;
        this.jdbc = dialect == Dialect.POSTGRESQL ? jdbc : null;
        this.jobRuns = jobRuns;
        this.forgetCron = forgetCron;
    }

    /** How long this attempt must still wait; zero when it may go ahead. */
    Duration wait(String email, String ip) {
        Duration account = waitFor(accountKey(email), FREE_PER_ACCOUNT);
        Duration address = waitFor("ip:" + ip, FREE_PER_IP);
        return account.compareTo(address) >= 0 ? account : address;
    }

    void failed(String email, String ip) {
        fail(accountKey(email));
        fail("ip:" + ip);
    }

    private void fail(String key) {
        Instant now = clock.instant();
        if (jdbc == null) {
            failures.asMap().merge(key, new Failures(1, now), (a, b) -> new Failures(stale(a) ? 1 : a.count() + 1, now));
            return;
        }
        jdbc.sql("""
                INSERT INTO sign_in_failures (key, failures, last_at) VALUES (:key, 1, :now)
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN sign_in_failures.last_at < :stale THEN 1 ELSE sign_in_failures.failures + 1 END,
                    last_at = excluded.last_at
                """).param("key", RateLimiter.opaque(key)).param("now", SqlTime.of(now)).param("stale", SqlTime.of(now.minus(FORGET_AFTER))).update();
    }

    private Failures find(String key) {
        if (jdbc == null) {
            return failures.getIfPresent(key);
        }
        return jdbc.sql("SELECT failures, last_at FROM sign_in_failures WHERE key = :key").param("key", RateLimiter.opaque(key))
                .query((rs, n) -> new Failures(rs.getInt("failures"), SqlTime.read(rs, "last_at"))).optional().orElse(null);
    }

    private void forget(String key) {
        if (jdbc == null) {
            failures.invalidate(key);
        } else {
            jdbc.sql("DELETE FROM sign_in_failures WHERE key = :key").param("key", RateLimiter.opaque(key)).update();
        }
    }

    /**
     * Hourly across all nodes (whichever claims the hour's run) on PostgreSQL: failures a day old are deleted. (In
     * memory, on SQLite, they expire by themselves.)
     */
    @Scheduled(cron = FORGET_CRON)
    @Transactional
    void forgetOldFailures() {
        if (jdbc != null && jobRuns.claim("sign-in-failures-forget", forgetCron)) {
            jdbc.sql("DELETE FROM sign_in_failures WHERE last_at < :stale").param("stale", SqlTime.of(clock.instant().minus(FORGET_AFTER))).update();
        }
    }

    /** Failures are forgotten a day after the last one. */
    private boolean stale(Failures f) {
        return f.last().isBefore(clock.instant().minus(FORGET_AFTER));
    }

    void succeeded(String email) {
        forget(accountKey(email));
    }

    /** The owner of the address proved it by email: their failures, and those of the IP they reset from, are forgiven. */
    void forgive(String email, String ip) {
        forget(accountKey(email));
        forget("ip:" + ip);
    }

    private Duration waitFor(String key, int free) {
        Failures f = find(key);
        if (f == null || f.count() < free || stale(f)) {
            return Duration.ZERO;
        }
        int over = Math.min(f.count() - free, 20);
        Duration delay = Duration.ofSeconds(1L << over);
        if (delay.compareTo(MAX_WAIT) > 0) {
            delay = MAX_WAIT;
        }
        Duration left = Duration.between(clock.instant(), f.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }
}
