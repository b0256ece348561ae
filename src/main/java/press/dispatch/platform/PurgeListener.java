package press.dispatch.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries page-cache purges between nodes on PostgreSQL: each purge on this node is sent with {@code NOTIFY} on the
 * channel {@value #CHANNEL}, and a dedicated connection (outside the pool, so it is never lent to a request) listens
 * to it and purges here what other nodes purged, within a fraction of a second.
 *
 * <p>A node that loses its listening connection may miss purges: it drops its whole cache, stores nothing until it
 * listens again (reconnecting every second), drops the cache once more then, and says so in the log. Health reports
 * the listener DOWN meanwhile, so a load balancer can take the node out. On SQLite there is one node and nothing to
 * carry.
 */
@Component("purgeListener")
class PurgeListener implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(PurgeListener.class);
    static final String CHANNEL = "dispatch_purges";
    static final String APPLICATION_NAME = "dispatch-purges";
    /** PostgreSQL refuses payloads of 8,000 bytes or more; a longer purge is sent as "everything". */
    private static final int MAX_PAYLOAD_BYTES = 7_900;
    private static final String EVERYTHING = "*";

    private final PageCache cache;
    private final JdbcClient jdbc;
    private final DispatchProperties.Database database;
    private final boolean needed;
    private final String node;
    private final BlockingQueue<List<String>> outgoing = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread listener;
    private Thread sender;

    PurgeListener(PageCache cache, JdbcClient jdbc, DispatchProperties properties, Dialect dialect, Nodes nodes) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.database = properties.database();
        this.needed = dialect == Dialect.POSTGRESQL;
        this.node = nodes.id();
    }

    @Override
    public void start() {
        if (!needed) {
            return;
        }
        running = true;
        cache.suspend();
        // null stands for "everything", which a queue cannot hold.
        cache.broadcastTo(tags -> outgoing.add(tags == null ? List.of(EVERYTHING) : tags));
        listener = daemon("page-cache-purges-in", this::listen);
        sender = daemon("page-cache-purges-out", this::send);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            sender.interrupt();
            Connection c = connection;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // Closing anyway.
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** UP on SQLite (nothing to listen to), and on PostgreSQL while purges from other nodes are heard. */
    @Override
    public Health health() {
        return !needed || listening ? Health.up().build() : Health.down().withDetail("purges", "not heard from other nodes").build();
    }

    boolean listening() {
        return listening;
    }

    private void listen() {
        boolean lost = false;
        while (running) {
            try (Connection c = connect(); Statement statement = c.createStatement()) {
                connection = c;
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                cache.resume();
                listening = true;
                if (lost) {
                    log.warn("Hearing page purges from other nodes again; this node's page cache was dropped and fills up anew");
                }
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(250);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            received(n.getParameter());
                        }
                    }
                    // A connection that died without a word (a dropped network) is only noticed by using it.
                    if (System.nanoTime() - checked > TimeUnit.SECONDS.toNanos(5)) {
                        statement.execute("SELECT 1");
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                listening = false;
                cache.suspend();
                if (!lost) {
                    log.warn("Lost the connection that hears page purges from other nodes ({}); dropped this node's whole page cache and "
                            + "stores no pages until it reconnects", oneLine(e));
                }
                lost = true;
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                connection = null;
            }
        }
    }

    private void received(String payload) {
        String[] lines = payload.split("\n");
        if (lines.length < 2 || lines[0].equals(node)) {
            return;
        }
        List<String> tags = Arrays.asList(lines).subList(1, lines.length);
        cache.purgeFromOtherNode(tags.contains(EVERYTHING) ? null : List.copyOf(tags));
    }

    private void send() {
        while (running) {
            List<String> tags;
            try {
                tags = outgoing.take();
            } catch (InterruptedException e) {
                return;
            }
            List<List<String>> purges = new ArrayList<>();
            purges.add(tags);
            outgoing.drainTo(purges);
            StringBuilder payload = new StringBuilder(node);
            for (List<String> purge : purges) {
                for (String tag : purge) {
                    payload.append('\n').append(tag);
                }
            }
            String text = payload.toString();
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                text = node + "\n" + EVERYTHING;
            }
            try {
                jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", text).query().singleRow();
            } catch (RuntimeException e) {
                // The other nodes miss this purge: they drop their whole cache when their own listener reconnects, or
                // keep the page until the next change. Said once per failure.
                log.warn("Could not tell other nodes of a page purge ({})", oneLine(e));
            }
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (database.user() != null && !database.user().isBlank()) {
            props.setProperty("user", database.user());
        }
        if (database.password() != null) {
            props.setProperty("password", database.password());
        }
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("connectTimeout", "5");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(database.url(), props);
        if (c == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + database.url().replaceAll("\\?.*", ""));
        }
        c.setAutoCommit(true);
        return c;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
