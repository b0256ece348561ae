package press.dispatch.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the limits on comments, subscriptions, searches and password resets. On PostgreSQL, where several nodes may
 * answer one reader, they are counted in the database, so a flood spread over the nodes is stopped at the same count
 * as on one; on SQLite (one node) in memory.
 */
@Component
public class RateLimiters {

    /** Longer than any window a limit uses. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final String FORGET_CRON = "${dispatch.rate-limits.forget-cron:0 41 * * * *}";

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final Clock clock;
    private final JobRuns jobRuns;
    private final String forgetCron;

    RateLimiters(JdbcClient jdbc, Dialect dialect, Clock clock, JobRuns jobRuns, @Value(FORGET_CRON) String forgetCron) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
        this.jobRuns = jobRuns;
        this.forgetCron = forgetCron;
    }

    /** At most {@code limit} events per key in {@code window}; {@code name} tells this limit's keys from another's. */
    public RateLimiter perWindow(String name, int limit, Duration window) {
        return dialect == Dialect.POSTGRESQL ? new RateLimiter(name, limit, window, clock, jdbc) : new RateLimiter(limit, window, clock);
    }

    /** Hourly across all nodes (whichever claims the hour's run): the counts of windows long over are deleted. */
    @Scheduled(cron = FORGET_CRON)
    @Transactional
    public void forgetOldWindows() {
        if (dialect == Dialect.POSTGRESQL && jobRuns.claim("rate-limits-forget", forgetCron)) {
            jdbc.sql("DELETE FROM rate_windows WHERE started_at < :old").param("old", SqlTime.of(clock.instant().minus(FORGET_AFTER))).update();
        }
    }
}
