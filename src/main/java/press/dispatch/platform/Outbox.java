package press.dispatch.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One-off emails (confirmations, notices) written to the database in the transaction that decides to send them,
 * and sent by a worker: a crash never loses one that was promised, and a slow SMTP server never slows a page. Each
 * email is claimed by one node before it is sent, so with several nodes none goes out twice (unless its node died
 * while sending it: then another node sends it again, marked uncertain).
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int MAX_ATTEMPTS = 8;

    private final JdbcClient jdbc;
    private final MailTransport transport;
    private final Clock clock;
    private final Sender sender;
    private final MailHold hold;
    private final Nodes nodes;
    private final Dialect dialect;

    Outbox(JdbcClient jdbc, MailTransport transport, Clock clock, Sender sender, MailHold hold, Nodes nodes, Dialect dialect) {
        this.hold = hold;
        this.nodes = nodes;
        this.dialect = dialect;
        this.jdbc = jdbc;
        this.transport = transport;
        this.clock = clock;
        this.sender = sender;
    }

    /** Who mail comes from; the site feature supplies it from its settings. */
    public interface Sender {
        InternetAddress from();

        InternetAddress replyTo();
    }

    public void enqueue(String recipient, String subject, String text) {
        enqueue(recipient, subject, text, Map.of());
    }

    /**
     * Queues an email with extra headers (such as {@code List-Unsubscribe}). A name must be a plain header name and
     * not one the outbox sets itself; a value must hold no line break.
     */
    public void enqueue(String recipient, String subject, String text, Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(headers).forEach((name, value) -> {
            if (!name.matches("[A-Za-z][A-Za-z0-9-]{0,60}") || RESERVED.contains(name.toLowerCase(Locale.ROOT))
                    || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("Not a header an email may carry: " + name);
            }
            lines.append(name).append(": ").append(value).append('\n');
        });
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO outbox (recipient, subject, text_body, headers, status, next_attempt_at, created_at)
                VALUES (:to, :subject, :text, :headers, 'pending', :now, :now)
                """).param("to", recipient).param("subject", subject).param("text", text).param("headers", lines.toString())
                .param("now", SqlTime.of(now)).update();
    }

    private static final java.util.Set<String> RESERVED = java.util.Set.of("from", "to", "cc", "bcc", "reply-to", "subject", "date",
            "message-id", "content-type", "content-transfer-encoding", "mime-version", "sender");

    /** One email as the outbox holds it, for a person's data export. */
    public record Message(String recipient, String subject, String text, String status, Instant createdAt, Instant sentAt) {
    }

    /**
     * The emails, sent or waiting, that hold a person's data: those to {@code address}, and those whose subject or
     * text contains the address or one of {@code mentions} (such as a link to their comment) as a whole word.
     */
    public List<Message> listHolding(String address, Collection<String> mentions) {
        return holding(address, mentions).stream().map(Held::message).toList();
    }

    /** Deletes every email {@link #listHolding} finds, sent or not; returns how many. */
    public int eraseHolding(String address, Collection<String> mentions) {
        int erased = 0;
        for (Held held : holding(address, mentions)) {
            erased += jdbc.sql("DELETE FROM outbox WHERE id = :id").param("id", held.id()).update();
        }
        return erased;
    }

    /**
     * Deletes the {@code .eml} files that mail without an SMTP server leaves in the data folder, when they hold the
     * address or one of {@code mentions} as {@link #listHolding} finds them; returns how many.
     */
    public int eraseFilesHolding(String address, Collection<String> mentions) {
        List<String> needles = needles(address, mentions);
        Predicate<String> holds = text -> needles.stream().anyMatch(needle -> mentions(text, needle));
        int erased = transport.eraseFiles(holds);
        // A round of sending may have claimed one of these emails before its row was deleted, and write its file after
        // the scan above. Once the erasure has committed no round can claim the deleted rows: sweep again when the round
        // in progress (if any) has ended.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sweepAfterRound(holds);
                }
            });
        }
        return erased;
    }

    /** Synchronized like {@link #sendDue()}: runs between rounds of sending. */
    private synchronized void sweepAfterRound(Predicate<String> holds) {
        int late = transport.eraseFiles(holds);
        if (late > 0) {
            log.info("Erased {} email file(s) written while the erasure ran", late);
        }
    }

    private static List<String> needles(String address, Collection<String> mentions) {
        return Stream.concat(Stream.of(address.strip()), mentions.stream())
                .map(m -> m.toLowerCase(Locale.ROOT)).filter(m -> !m.isBlank()).distinct().toList();
    }

    private record Held(long id, Message message) {
    }

    private List<Held> holding(String address, Collection<String> mentions) {
        String to = address.strip().toLowerCase(Locale.ROOT);
        List<String> needles = needles(address, mentions);
        Map<Long, Held> found = new TreeMap<>();
        // A bounded number of patterns per query: a prolific commenter has thousands of comments to look for.
        for (int from = 0; from < needles.size(); from += 100) {
            List<String> batch = needles.subList(from, Math.min(needles.size(), from + 100));
            // LIKE narrows the rows in the database; the whole-word check below drops "#comment-1" inside "#comment-12".
            StringBuilder where = new StringBuilder("LOWER(recipient) = :to");
            Map<String, Object> params = new HashMap<>();
            params.put("to", to);
            for (int i = 0; i < batch.size(); i++) {
                String pattern = "%" + batch.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
                where.append(" OR LOWER(subject) LIKE :n").append(i).append(" ESCAPE '!' OR LOWER(text_body) LIKE :n").append(i).append(" ESCAPE '!'");
                params.put("n" + i, pattern);
            }
            jdbc.sql("SELECT id, recipient, subject, text_body, status, created_at, sent_at FROM outbox WHERE " + where)
                    .params(params)
                    .query((rs, n) -> new Held(rs.getLong("id"), new Message(rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("text_body"), rs.getString("status"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "sent_at"))))
                    .list().stream()
                    .filter(h -> h.message().recipient().equalsIgnoreCase(to)
                            || batch.stream().anyMatch(n -> mentions(h.message().subject(), n) || mentions(h.message().text(), n)))
                    .forEach(h -> found.put(h.id(), h));
        }
        return List.copyOf(found.values());
    }

    /** True if {@code needle} stands whole in the text: "ana@x.org" is not in "joana@x.org", nor "#comment-1" in "#comment-12". */
    private static boolean mentions(String text, String needle) {
        String haystack = text.toLowerCase(Locale.ROOT);
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            boolean startsWhole = at == 0 || !Character.isLetterOrDigit(needle.charAt(0)) || !partOfAddress(haystack.charAt(at - 1));
            boolean endsWhole = end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end))
                    && !(".-".indexOf(haystack.charAt(end)) >= 0 && end + 1 < haystack.length() && Character.isLetterOrDigit(haystack.charAt(end + 1)));
            if (startsWhole && endsWhole) {
                return true;
            }
        }
        return false;
    }

    private static boolean partOfAddress(char c) {
        return Character.isLetterOrDigit(c) || "._%+-".indexOf(c) >= 0;
    }

    @Scheduled(fixedDelayString = "${dispatch.outbox.check-every:2s}", initialDelayString = "${dispatch.outbox.first-check:2s}")
    public synchronized void sendDue() {
        if (hold.held()) {
            return;
        }
        Instant now = clock.instant();
        // Looking takes no write lock, so an idle check costs SQLite's single writer nothing.
        boolean anyDue = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE status = 'pending' AND next_attempt_at <= :now LIMIT 1) due")
                .param("now", SqlTime.of(now)).query(Long.class).single() > 0;
        if (!anyDue) {
            return;
        }
        List<Row> due = claim(now);
        try {
            for (Row row : due) {
                send(row, now);
            }
        } finally {
            // What this node claimed and could not record (an unexpected error) waits for the next round.
            jdbc.sql("UPDATE outbox SET claimed_by = NULL WHERE claimed_by = :me").param("me", nodes.id()).update();
        }
    }

    /**
     * Claims the due emails for this node: those nobody claimed, and those claimed by a node whose lease ran out (it
     * died sending them: they may have gone out, so they are marked uncertain). Other nodes skip what one claims.
     */
    private List<Row> claim(Instant now) {
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        List<Row> due = new java.util.ArrayList<>(jdbc.sql("""
                UPDATE outbox SET claimed_by = :me, claimed_at = :now, uncertain = (uncertain OR claimed_by IS NOT NULL)
                WHERE id IN (
                    SELECT id FROM outbox
                    WHERE status = 'pending' AND next_attempt_at <= :now AND""" + " " + Nodes.claimedByGoneNode("claimed_by") + """
                    ORDER BY id LIMIT 50""" + lock + """
                )
                RETURNING id, recipient, subject, text_body, headers, attempts, uncertain
                """).param("now", SqlTime.of(now)).param("me", nodes.id()).param("leaseNow", nodes.leaseNow())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                        rs.getString("headers"), rs.getInt("attempts")))
                .list());
        due.sort(java.util.Comparator.comparingLong(Row::id));
        return due;
    }

    private void send(Row row, Instant now) {
        MailTransport.Outcome outcome;
        try {
            MimeMessage message = transport.newMessage("<outbox-" + row.id() + "@" + sender.from().getAddress().replaceAll(".*@", "") + ">");
            message.setFrom(sender.from());
            message.setReplyTo(new InternetAddress[] {sender.replyTo()});
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(row.recipient(), true));
            message.setSubject(row.subject(), "UTF-8");
            message.setText(row.text(), "UTF-8");
            message.setSentDate(java.util.Date.from(now));
            for (String line : row.headers().split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    MailTransport.setHeader(message, line.substring(0, colon), line.substring(colon + 2));
                }
            }
            outcome = transport.send(List.of(message)).get(0);
        } catch (MessagingException e) {
            outcome = new MailTransport.Outcome(MailTransport.Result.PERMANENT_FAILURE, e.getMessage());
        }
        record(row, outcome, now);
    }

    private void record(Row row, MailTransport.Outcome outcome, Instant now) {
        switch (outcome.result()) {
            case SUBMITTED -> jdbc.sql("UPDATE outbox SET status = 'sent', sent_at = :now, attempts = attempts + 1, claimed_by = NULL WHERE id = :id")
                    .param("now", SqlTime.of(now)).param("id", row.id()).update();
            case TEMPORARY_FAILURE -> {
                boolean last = row.attempts() + 1 >= MAX_ATTEMPTS;
                Instant next = now.plus(Duration.ofSeconds(30L << Math.min(row.attempts(), 8)));
                jdbc.sql("""
                        UPDATE outbox SET status = :status, claimed_by = NULL, attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE id = :id
                        """).param("status", last ? "failed" : "pending").param("next", SqlTime.of(next)).param("error", outcome.detail())
                        .param("id", row.id()).update();
                log.warn("Email {} not sent yet (attempt {}): {}", row.id(), row.attempts() + 1, outcome.detail());
            }
            case PERMANENT_FAILURE -> {
                jdbc.sql("UPDATE outbox SET status = 'failed', claimed_by = NULL, attempts = attempts + 1, last_error = :error WHERE id = :id")
                        .param("error", outcome.detail()).param("id", row.id()).update();
                log.warn("Email {} failed for good: {}", row.id(), outcome.detail());
            }
        }
    }

    private record Row(long id, String recipient, String subject, String text, String headers, int attempts) {
    }
}
