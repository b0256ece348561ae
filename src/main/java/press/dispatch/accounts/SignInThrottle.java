package press.dispatch.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

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

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Cache<String, Failures> failures = Caffeine.newBuilder().expireAfterAccess(1, TimeUnit.DAYS).maximumSize(200_000).build();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this attempt must still wait; zero when it may go ahead. */
    Duration wait(String email, String ip) {
        Duration account = waitFor(accountKey(email), FREE_PER_ACCOUNT);
        Duration address = waitFor("ip:" + ip, FREE_PER_IP);
        return account.compareTo(address) >= 0 ? account : address;
    }

    void failed(String email, String ip) {
        Instant now = clock.instant();
        failures.asMap().merge(accountKey(email), new Failures(1, now), (a, b) -> new Failures(stale(a) ? 1 : a.count() + 1, now));
        failures.asMap().merge("ip:" + ip, new Failures(1, now), (a, b) -> new Failures(stale(a) ? 1 : a.count() + 1, now));
    }

    /** Failures are forgotten a day after the last one. */
    private boolean stale(Failures f) {
        return f.last().isBefore(clock.instant().minus(FORGET_AFTER));
    }

    void succeeded(String email) {
        failures.invalidate(accountKey(email));
    }

    /** The owner of the address proved it by email: their failures, and those of the IP they reset from, are forgiven. */
    void forgive(String email, String ip) {
        failures.invalidate(accountKey(email));
        failures.invalidate("ip:" + ip);
    }

    private Duration waitFor(String key, int free) {
        Failures f = failures.getIfPresent(key);
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
