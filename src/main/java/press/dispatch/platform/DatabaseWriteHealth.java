package press.dispatch.platform;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Health includes a real write: a database that still answers reads but refuses writes (a full disk, a read-only
 * file or replica) answers every change with an error, so health must say DOWN for a load balancer to notice.
 */
@Component("databaseWrite")
class DatabaseWriteHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWriteHealth.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DatabaseWriteHealth(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Health health() {
        try {
            jdbc.sql("""
                    INSERT INTO health_checks (id, checked_at) VALUES (1, :now)
                    ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at
                    """).param("now", SqlTime.of(clock.instant())).update();
            return Health.up().build();
        } catch (DataAccessException e) {
            String reason = e.getMostSpecificCause().getMessage();
            log.warn("Health is DOWN: a database write failed: {}", reason == null ? e.getClass().getSimpleName() : reason.replaceAll("\\s+", " "));
            return Health.down().withDetail("write", "failed").build();
        }
    }
}
