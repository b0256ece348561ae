package press.dispatch.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Periodic jobs that must run once per period across all nodes, not once on each (retention sweeps): every node's
 * scheduler fires them, and the first to claim the period's slot ({@code job_runs}, one row per job and slot) runs
 * the job; the others find the slot taken and skip it.
 *
 * <p>A slot is the job's scheduled moment nearest to now (its cron expression, in the zone {@code @Scheduled} uses),
 * so nodes whose clocks or busy schedulers are a few seconds or minutes apart still name the same slot. Claim inside
 * the job's transaction: a run that fails rolls its claim back and leaves the slot to another node.
 */
@Component
public class JobRuns {

    /** How far back to look for the last scheduled moment, tried in turn: the nearest window that holds one is enough. */
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofDays(8), Duration.ofDays(32), Duration.ofDays(367));
    private static final Duration KEPT_FOR = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Nodes nodes;
    private final Clock clock;

    JobRuns(JdbcClient jdbc, Nodes nodes, Clock clock) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** True when this node is the one to run {@code job} in the slot its {@code cron} schedule has nearest to now. */
    public boolean claim(String job, String cron) {
        Instant now = clock.instant();
        Instant slot = slot(CronExpression.parse(cron), now.atZone(ZoneId.systemDefault()));
        int claimed = jdbc.sql("""
                        INSERT INTO job_runs (job, slot, node_id, ran_at) VALUES (:job, :slot, :node, :now)
                        ON CONFLICT (job, slot) DO NOTHING
                        """)
                .param("job", job).param("slot", slot.toString()).param("node", nodes.id()).param("now", SqlTime.of(now)).update();
        if (claimed == 1) {
            jdbc.sql("DELETE FROM job_runs WHERE job = :job AND ran_at < :old").param("job", job).param("old", SqlTime.of(now.minus(KEPT_FOR)))
                    .update();
        }
        return claimed == 1;
    }

    /** The scheduled moment nearest to {@code now}: the last one at or before it, or the next one, whichever is closer. */
    static Instant slot(CronExpression cron, ZonedDateTime now) {
        ZonedDateTime next = cron.next(now);
        ZonedDateTime last = null;
        for (Duration back : LOOK_BACK) {
            ZonedDateTime candidate = cron.next(now.minus(back));
            if (candidate != null && !candidate.isAfter(now)) {
                last = candidate;
                for (ZonedDateTime later = cron.next(last); later != null && !later.isAfter(now); later = cron.next(later)) {
                    last = later;
                }
                break;
            }
        }
        if (last == null || next != null && Duration.between(now, next).compareTo(Duration.between(last, now)) < 0) {
            return next.toInstant();
        }
        return last.toInstant();
    }
}
