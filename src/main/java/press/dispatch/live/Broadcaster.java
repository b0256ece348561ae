package press.dispatch.live;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Fans one live article's changes out to every reader connected to it on this node. Each change is serialised once,
 * as the bytes of one SSE event, and the same bytes go to every connection. The most recent events are kept, so a
 * reader who reconnects is brought up to date from memory; one who missed more is caught up from the database.
 *
 * <p>Invariant: a connection registers and receives what it missed under the same lock that publishes events, so no
 * change falls between the two.
 */
final class Broadcaster {

    static final int RECENT = 256;

    /** One change as a stream sends it. */
    record Event(long sequence, byte[] bytes) {
    }

    private final long articleId;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<Event> recent = new ArrayDeque<>();
    private long lastSequence;
    private boolean ended;

    Broadcaster(long articleId, long lastSequence) {
        this.articleId = articleId;
        this.lastSequence = lastSequence;
    }

    long articleId() {
        return articleId;
    }

    synchronized long lastSequence() {
        return lastSequence;
    }

    int connections() {
        return connections.size();
    }

    /**
     * Sends a reader what they missed after {@code after} (-1: nothing, they start now), then every later change.
     *
     * @param missed the events after a sequence, read from the database, for a reader further behind than memory reaches
     * @return false when the coverage ended meanwhile (the reader is not registered)
     */
    synchronized boolean connect(Connection connection, long after, LongFunction<List<Event>> missed) {
        if (ended) {
            return false;
        }
        if (after >= 0 && after < lastSequence) {
            List<Event> replay;
            if (!recent.isEmpty() && recent.peekFirst().sequence() <= after + 1) {
                replay = recent.stream().filter(e -> e.sequence() > after).toList();
            } else {
                replay = missed.apply(after);
            }
            replay.forEach(e -> connection.send(e.bytes()));
        }
        connections.add(connection);
        return true;
    }

    void disconnect(Connection connection) {
        connections.remove(connection);
    }

    /** Publishes changes, in order; ones already published (a repeated notification) are skipped. */
    synchronized void publish(List<Event> events) {
        for (Event event : events) {
            if (event.sequence() <= lastSequence) {
                continue;
            }
            lastSequence = event.sequence();
            recent.addLast(event);
            if (recent.size() > RECENT) {
                recent.removeFirst();
            }
            for (Connection c : connections) {
                c.send(event.bytes());
            }
        }
    }

    /** Tells every reader the coverage ended and closes their streams. */
    synchronized void end(byte[] ended) {
        this.ended = true;
        for (Connection c : connections) {
            c.finish(ended);
        }
        connections.clear();
    }

    /** A comment line to every reader: keeps proxies from closing quiet streams and finds connections that died. */
    void heartbeat(byte[] comment) {
        for (Connection c : connections) {
            c.heartbeat(comment);
        }
    }
}
