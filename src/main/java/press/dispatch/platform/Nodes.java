package press.dispatch.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The nodes sharing this database, each holding a lease ({@code nodes.lease_until}) that it renews every few seconds
 * while it runs. Work a node claims (a batch of newsletter deliveries, an outbox email) carries its id; once that
 * node's lease has run out the work is taken over by the others and what was in flight is reported as uncertain.
 *
 * <p>Leases are measured on the database's clock on PostgreSQL, so nodes on machines whose clocks disagree still
 * agree on who is alive; on SQLite (one process, see {@link DatabaseConfiguration}) on this machine's clock. Never on
 * the site's {@link Clock} bean, which tests move: a lease is about real time passing.
 */
@Component
public class Nodes implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Nodes.class);
    /** How long a stopping node waits for the database to take its lease back. */
    private static final Duration END_LEASE_WAIT = Duration.ofSeconds(3);

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final Duration lease;
    private final String id;
    private final String host;

    private final Duration renewEvery;
    /** Its own thread: a long job on the shared scheduler (a newsletter batch) must never keep a live node's lease from renewal. */
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "node-lease");
        thread.setDaemon(true);
        return thread;
    });

    Nodes(JdbcClient jdbc, Dialect dialect, @Value("${dispatch.nodes.lease:15s}") Duration lease,
          @Value("${dispatch.nodes.renew-every:5s}") Duration renewEvery) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.lease = lease;
        this.renewEvery = renewEvery;
        if (renewEvery.compareTo(lease) >= 0) {
            throw new BadSettingException("DISPATCH_NODE_LEASE", "is " + lease.toSeconds() + "s, not longer than the renewal every "
                    + renewEvery.toSeconds() + "s", "set it to at least three times the renewal, such as 15s");
        }
        this.host = hostName();
        this.id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This node's id, as claimed work names it. */
    public String id() {
        return id;
    }

    /** Now, on the clock leases are measured by. */
    public Timestamp leaseNow() {
        if (dialect == Dialect.POSTGRESQL) {
            return jdbc.sql("SELECT CURRENT_TIMESTAMP").query(Timestamp.class).single();
        }
        return SqlTime.of(Clock.systemUTC().instant());
    }

    /**
     * A condition on a column holding a node id (SQL, with parameters {@code :me} and {@code :leaseNow} to bind from
     * {@link #id()} and {@link #leaseNow()}): true when the work was claimed by a node that is gone (or by none).
     */
    public static String claimedByGoneNode(String column) {
        return "(" + column + " IS NULL OR " + column + " <> :me AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = " + column
                + " AND n.lease_until > :leaseNow))";
    }

    @Override
    public void afterPropertiesSet() {
        if (dialect == Dialect.SQLITE) {
            // Only one process opens an SQLite file (DatabaseConfiguration locks it): any other node is a dead one.
            jdbc.sql("DELETE FROM nodes").update();
        }
        Timestamp now = leaseNow();
        jdbc.sql("INSERT INTO nodes (id, host, started_at, lease_until) VALUES (:id, :host, :now, :until)")
                .param("id", id).param("host", host).param("now", now).param("until", until(now)).update();
        log.info("This node is {} (lease {}s)", id, lease.toSeconds());
        renewal.scheduleWithFixedDelay(() -> {
            try {
                renew();
            } catch (RuntimeException e) {
                log.warn("Could not renew this node's lease ({}); trying again in {}s", e.getMessage(), renewEvery.toSeconds());
            }
        }, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    void renew() {
        Timestamp now = leaseNow();
        int renewed = jdbc.sql("UPDATE nodes SET lease_until = :until WHERE id = :id").param("until", until(now)).param("id", id).update();
        if (renewed == 0) {
            log.warn("This node's lease had been removed (it was thought gone); registering again as {}", id);
            jdbc.sql("INSERT INTO nodes (id, host, started_at, lease_until) VALUES (:id, :host, :now, :until)")
                    .param("id", id).param("host", host).param("now", now).param("until", until(now)).update();
        }
        jdbc.sql("DELETE FROM nodes WHERE lease_until < :forgotten").param("forgotten", SqlTime.of(now.toInstant().minus(Duration.ofDays(1))))
                .update();
    }

    /** A node that stops in order hands its work over at once instead of after its lease. */
    @Override
    public void destroy() {
        renewal.shutdownNow();
        // On a thread of its own, waited for briefly: with the database gone, asking the pool for a connection would
        // hold up the shutdown for the pool's whole connection timeout (30 s), and the lease runs out by itself anyway.
        Thread end = new Thread(() -> {
            try {
                jdbc.sql("DELETE FROM nodes WHERE id = :id").param("id", id).update();
            } catch (RuntimeException e) {
                log.info("Could not end this node's lease at shutdown ({}); it runs out by itself", e.getMessage());
            }
        }, "node-lease-end");
        end.setDaemon(true);
        end.start();
        try {
            end.join(END_LEASE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (end.isAlive()) {
            log.info("The database did not answer within {}s to end this node's lease at shutdown; it runs out by itself in {}s",
                    END_LEASE_WAIT.toSeconds(), lease.toSeconds());
        }
    }

    private Timestamp until(Timestamp now) {
        return SqlTime.of(now.toInstant().plus(lease));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
