package press.dispatch.newsletter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import press.dispatch.platform.MailHold;

/** Newsletter deliveries that wait while outgoing mail is held, and how an admin discards them. */
@Component
class HeldDeliveries implements MailHold.Queue {

    private final JdbcClient jdbc;

    HeldDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String label() {
        return "newsletter messages";
    }

    @Override
    public long countWaiting() {
        return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE status IN ('pending', 'sending')").query(Long.class).single();
    }

    /** A delivery still "sending" was claimed before the hold (or before the backup was taken): it is discarded too. */
    @Override
    public int discardWaiting(String reason) {
        return jdbc.sql("UPDATE deliveries SET status = 'failed', last_error = :reason WHERE status IN ('pending', 'sending')")
                .param("reason", reason).update();
    }
}
