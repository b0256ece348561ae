package press.dispatch.platform;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds all outgoing mail — the outbox and newsletter delivery — while a row in {@code mail_holds} exists. A copy
 * restored from a backup taken while mail was going out would otherwise send again what was already delivered:
 * started with {@code DISPATCH_MAIL_HOLD=true} it holds, and an owner or admin then releases or discards what is
 * queued. Held mail stays queued; nothing is lost. The hold is in the database, so every node sees it.
 */
@Component
public class MailHold implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(MailHold.class);
    static final String DISCARDED = "Discarded while outgoing mail was held";

    /** A kind of queued mail a feature keeps (newsletter deliveries), besides the outbox's one-off emails. */
    public interface Queue {
        /** What one queued message is called on the admin screen, such as "newsletter messages". */
        String label();

        long countWaiting();

        /** Marks every waiting message as failed with {@code reason}, never to be sent; returns how many. */
        int discardWaiting(String reason);
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean holdOnStart;
    private final List<Queue> queues;

    MailHold(JdbcClient jdbc, Clock clock, DispatchProperties properties, List<Queue> queues) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.holdOnStart = properties.mail().hold();
        this.queues = queues;
    }

    @Override
    public void afterPropertiesSet() {
        if (holdOnStart) {
            hold("DISPATCH_MAIL_HOLD was set at start-up");
            log.warn("Outgoing mail is held (DISPATCH_MAIL_HOLD=true): nothing is sent until an owner or admin releases or discards it in the admin");
        }
    }

    public boolean held() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_holds").query(Long.class).single() > 0;
    }

    public void hold(String reason) {
        jdbc.sql("INSERT INTO mail_holds (id, held_at, reason) VALUES (1, :now, :reason) ON CONFLICT (id) DO NOTHING")
                .param("now", SqlTime.of(clock.instant())).param("reason", reason).update();
    }

    /** How many messages of each kind wait, in the order the admin shows them. */
    public Map<String, Long> waiting() {
        Map<String, Long> waiting = new LinkedHashMap<>();
        waiting.put("emails (confirmations, notices)", jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").query(Long.class).single());
        queues.forEach(q -> waiting.merge(q.label(), q.countWaiting(), Long::sum));
        return waiting;
    }

    /** Lifts the hold: everything queued goes out. */
    @Transactional
    public void release() {
        jdbc.sql("DELETE FROM mail_holds").update();
        log.warn("Outgoing mail released: queued mail is sent now");
    }

    /** Fails everything queued (it is never sent), then lifts the hold; returns how many messages were discarded. */
    @Transactional
    public int discardAndRelease() {
        int discarded = jdbc.sql("UPDATE outbox SET status = 'failed', last_error = :reason WHERE status = 'pending'").param("reason", DISCARDED)
                .update();
        discarded += queues.stream().mapToInt(q -> q.discardWaiting(DISCARDED)).sum();
        jdbc.sql("DELETE FROM mail_holds").update();
        log.warn("Outgoing mail released after discarding {} queued messages", discarded);
        return discarded;
    }
}
