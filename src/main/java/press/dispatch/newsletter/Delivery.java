package press.dispatch.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import press.dispatch.platform.Dialect;
import press.dispatch.platform.DispatchProperties;
import press.dispatch.platform.MailHold;
import press.dispatch.platform.MailTransport;
import press.dispatch.platform.Nodes;
import press.dispatch.platform.SqlTime;
import press.dispatch.subscriptions.Cadence;
import press.dispatch.subscriptions.Recipient;
import press.dispatch.subscriptions.Subscriptions;

/**
 * Works through the delivery ledger. Each worker claims a batch (pending → sending) in one statement, sends it
 * over one SMTP connection, then records every outcome. A delivery is only ever marked sent after the SMTP
 * server accepted it. A batch carries the id of the node that claimed it: once that node's lease has run out
 * (see {@link Nodes}) the batch is taken over by any node and sent again as uncertain. With several nodes on
 * PostgreSQL each claims its own batches of one issue ({@code SKIP LOCKED}), so more nodes send faster. On SQLite, which only one process uses, every "sending" delivery found at start-up belongs to a
 * process that died, so it is sent again at once instead of after the lease.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 8;
    /** Audiences from this size on have the ledger's statistics brought up to date before they are sent. */
    private static final int ANALYZE_FROM = 1000;

    private final JdbcClient jdbc;
    private final Subscriptions subscriptions;
    private final IssueEmails emails;
    private final MailTransport transport;
    private final Clock clock;
    private final Dialect dialect;
    private final int connections;
    private final int batchSize;
    private final ExecutorService workers;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ApplicationEventPublisher events;
    private final MailHold hold;
    private final Nodes nodes;

    Delivery(JdbcClient jdbc, Subscriptions subscriptions, IssueEmails emails, MailTransport transport, Clock clock, Dialect dialect,
             DispatchProperties properties, ApplicationEventPublisher events, MailHold hold, Nodes nodes) {
        this.hold = hold;
        this.nodes = nodes;
        this.events = events;
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.emails = emails;
        this.transport = transport;
        this.clock = clock;
        this.dialect = dialect;
        this.connections = properties.mail().connections();
        this.batchSize = properties.mail().batchSize();
        this.workers = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "newsletter-delivery");
            t.setDaemon(true);
            return t;
        });
    }

    /** Set once the claims of a dead process are resolved; no batch is claimed before. */
    private volatile boolean started;

    @EventListener(ApplicationStartedEvent.class)
    void recoverAtStart() {
        if (dialect == Dialect.SQLITE) {
            int recovered = jdbc.sql("UPDATE deliveries SET status = 'pending', uncertain = TRUE, next_attempt_at = :now WHERE status = 'sending'")
                    .param("now", SqlTime.of(clock.instant())).update();
            if (recovered > 0) {
                log.warn("{} newsletter deliveries were being sent when Dispatch stopped; sending them again now (they are reported as uncertain)",
                        recovered);
            }
        }
        started = true;
    }

    @Scheduled(fixedDelayString = "${dispatch.newsletter.check-every:1s}", initialDelayString = "${dispatch.newsletter.first-check:3s}")
    void tick() {
        if (!started || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (hold.held()) {
                // Nothing is sent; audiences are still frozen into the ledger, so a discard covers every issue.
                prepareIssues();
                return;
            }
            recoverInterrupted();
            prepareIssues();
            sendDue();
            completeIssues();
        } finally {
            running.set(false);
        }
    }

    /**
     * Deliveries claimed and never recorded because their sender died between claim and record: those of a node
     * whose lease ran out (seconds after it died), and any claimed longer than {@link #STALE_AFTER} ago (a worker of
     * a live node that failed between claim and record, or a claim made before nodes held leases).
     */
    int recoverInterrupted() {
        Instant now = clock.instant();
        int recovered = jdbc.sql("""
                UPDATE deliveries SET status = 'pending', uncertain = TRUE, next_attempt_at = :now, claimed_by = NULL
                WHERE status = 'sending'
                  AND (claimed_at < :stale
                       OR claimed_by <> :me AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = deliveries.claimed_by AND n.lease_until > :leaseNow))
                """).param("now", SqlTime.of(now)).param("stale", SqlTime.of(now.minus(STALE_AFTER)))
                .param("me", nodes.id()).param("leaseNow", nodes.leaseNow()).update();
        if (recovered > 0) {
            log.warn("{} newsletter deliveries were interrupted mid-send; sending them again (they are reported as uncertain)", recovered);
        }
        return recovered;
    }

    /**
     * Freezes each new issue's audience into the ledger. One node does it ({@code prepared_by}); the others leave the
     * issue to it while its lease lasts. Idempotent: a crash halfway is finished by the next run, here or, once the
     * lease has run out, on another node.
     */
    void prepareIssues() {
        record Preparing(long id, String kind, Long sectionId, Instant frozen, Instant windowStart, Instant windowEnd) {
        }
        List<Preparing> preparing = jdbc.sql("""
                SELECT id, kind, section_id, audience_frozen_at, window_start, window_end FROM newsletter_issues
                WHERE status = 'preparing' ORDER BY id
                """).query((rs, n) -> {
                    long section = rs.getLong("section_id");
                    return new Preparing(rs.getLong("id"), rs.getString("kind"), rs.wasNull() ? null : section, SqlTime.read(rs, "audience_frozen_at"),
                            SqlTime.read(rs, "window_start"), SqlTime.read(rs, "window_end"));
                }).list();
        for (Preparing issue : preparing) {
            if (!claimPreparation(issue.id())) {
                continue;
            }
            List<Recipient> chunk = new ArrayList<>(1000);
            List<String> variants = new ArrayList<>(1000);
            int[] frozen = {0};
            java.util.function.BiConsumer<Recipient, String> add = (recipient, variant) -> {
                frozen[0]++;
                chunk.add(recipient);
                variants.add(variant);
                if (chunk.size() == 1000) {
                    insertDeliveries(issue.id(), chunk, variants);
                    chunk.clear();
                    variants.clear();
                }
            };
            if ("post".equals(issue.kind())) {
                subscriptions.forEachPostRecipient(issue.sectionId(), issue.frozen(), recipient -> add.accept(recipient, ""));
            } else {
                Set<Long> sectionsWithStories = emails.digestSections(issue.id(), issue.windowStart(), issue.windowEnd());
                Cadence cadence = Cadence.valueOf(issue.kind().toUpperCase(java.util.Locale.ROOT));
                subscriptions.forEachDigestRecipient(cadence, issue.frozen(), (recipient, follows) -> {
                    // A reader who follows only sections with nothing new gets no digest at all.
                    if (follows.isEmpty() || sectionsWithStories.contains(-1L) || follows.stream().anyMatch(sectionsWithStories::contains)) {
                        add.accept(recipient, IssueEmails.variantOf(follows));
                    }
                });
            }
            insertDeliveries(issue.id(), chunk, variants);
            if (dialect == Dialect.POSTGRESQL && frozen[0] >= ANALYZE_FROM) {
                // PostgreSQL's statistics still say the new issue has no deliveries until autovacuum comes by, so it
                // would mark each batch sent by reading all of the issue's deliveries (30 ms per batch of 100 at
                // 100,000 recipients). ANALYZE reads a fixed sample, whatever the table's size.
                jdbc.sql("ANALYZE deliveries").update();
            }
            jdbc.sql("UPDATE newsletter_issues SET status = 'sending' WHERE id = :id AND status = 'preparing'").param("id", issue.id()).update();
            log.info("Newsletter issue {} ({}) is sending", issue.id(), issue.kind());
        }
    }

    /** True when this node is to prepare the issue: nobody is, it is this node already, or its node is gone. */
    private boolean claimPreparation(long issueId) {
        return jdbc.sql("UPDATE newsletter_issues SET prepared_by = :me WHERE id = :id AND status = 'preparing' AND (prepared_by = :me OR "
                        + Nodes.claimedByGoneNode("prepared_by") + ")")
                .param("me", nodes.id()).param("leaseNow", nodes.leaseNow()).param("id", issueId).update() == 1;
    }

    private void insertDeliveries(long issueId, List<Recipient> recipients, List<String> variants) {
        if (recipients.isEmpty()) {
            return;
        }
        var now = SqlTime.of(clock.instant());
        StringBuilder sql = new StringBuilder("INSERT INTO deliveries (issue_id, subscriber_id, email, variant, status, attempts, next_attempt_at) VALUES ");
        for (int i = 0; i < recipients.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:issue, :s").append(i).append(", :e").append(i).append(", :v").append(i).append(", 'pending', 0, :now)");
        }
        sql.append(" ON CONFLICT (issue_id, subscriber_id) DO NOTHING");
        var statement = jdbc.sql(sql.toString()).param("issue", issueId).param("now", now);
        for (int i = 0; i < recipients.size(); i++) {
            statement = statement.param("s" + i, recipients.get(i).subscriberId()).param("e" + i, recipients.get(i).email())
                    .param("v" + i, variants.get(i));
        }
        statement.update();
    }

    /**
     * Runs one worker per connection until nothing is due. One look at the ledger first: on most ticks nothing is due,
     * and every node would otherwise wake all its workers for a claim each, every second.
     */
    void sendDue() {
        if (!anythingDue()) {
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            running.add(workers.submit(this::drain));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("Newsletter worker failed; its claimed deliveries will be retried", e.getCause());
            }
        }
    }

    private void drain() {
        while (true) {
            List<Claimed> batch = claim();
            if (batch.isEmpty()) {
                return;
            }
            send(batch);
        }
    }

    private boolean anythingDue() {
        return jdbc.sql("SELECT 1 FROM deliveries WHERE status = 'pending' AND next_attempt_at <= :now LIMIT 1")
                .param("now", SqlTime.of(clock.instant())).query(Integer.class).optional().isPresent();
    }

    /** A claimed delivery; {@code articleId} is null for a digest, whose {@code variant} names the reader's sections. */
    record Claimed(long issueId, Long articleId, String variant, long subscriberId, String email, int attempts) {
    }

    /**
     * Claims the next batch, earliest due first, in the order of the {@code deliveries_due} index so that the claim
     * reads only the batch it takes. Ordering by the primary key instead made every claim read and sort all of an
     * issue's pending deliveries: a send of 100,000 cost PostgreSQL a millisecond of CPU per message.
     */
    List<Claimed> claim() {
        Instant now = clock.instant();
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return jdbc.sql("""
                UPDATE deliveries SET status = 'sending', claimed_at = :now, claimed_by = :me, attempts = attempts + 1
                WHERE (issue_id, subscriber_id) IN (
                    SELECT d.issue_id, d.subscriber_id FROM deliveries d
                    WHERE d.status = 'pending' AND d.next_attempt_at <= :now
                    ORDER BY d.next_attempt_at LIMIT :n""" + lock + """
                )
                RETURNING issue_id, subscriber_id, email, attempts, variant,
                          (SELECT i.article_id FROM newsletter_issues i WHERE i.id = deliveries.issue_id) AS article_id
                """).param("now", SqlTime.of(now)).param("me", nodes.id()).param("n", batchSize)
                .query((rs, n) -> {
                    long article = rs.getLong("article_id");
                    Long articleId = rs.wasNull() ? null : article;
                    return new Claimed(rs.getLong("issue_id"), articleId, rs.getString("variant"), rs.getLong("subscriber_id"), rs.getString("email"),
                            rs.getInt("attempts"));
                })
                .list();
    }

    void send(List<Claimed> batch) {
        List<MimeMessage> messages = new ArrayList<>(batch.size());
        List<Claimed> built = new ArrayList<>(batch.size());
        for (Claimed c : batch) {
            try {
                messages.add(emails.message(c.issueId(), c.articleId(), c.variant(), new Recipient(c.subscriberId(), c.email(), subscriptions.linkToken(c.subscriberId()))));
                built.add(c);
            } catch (MessagingException | RuntimeException e) {
                recordFailure(c, "Could not build the message: " + e.getMessage(), true);
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        List<MailTransport.Outcome> outcomes = transport.send(messages);
        // A batch may span issues: record each issue's sent deliveries separately.
        Map<Long, List<Long>> sentByIssue = new HashMap<>();
        for (int i = 0; i < built.size(); i++) {
            Claimed c = built.get(i);
            MailTransport.Outcome outcome = outcomes.get(i);
            switch (outcome.result()) {
                case SUBMITTED -> sentByIssue.computeIfAbsent(c.issueId(), k -> new ArrayList<>()).add(c.subscriberId());
                case TEMPORARY_FAILURE -> recordFailure(c, outcome.detail(), c.attempts() >= MAX_ATTEMPTS);
                case PERMANENT_FAILURE -> {
                    recordFailure(c, outcome.detail(), true);
                    subscriptions.suppress(c.subscriberId(), outcome.detail());
                }
            }
        }
        sentByIssue.forEach((issue, ids) -> jdbc.sql("""
                        UPDATE deliveries SET status = 'sent', sent_at = :now, last_error = NULL WHERE issue_id = :issue AND subscriber_id IN (:ids)
                        """).param("now", SqlTime.of(clock.instant())).param("issue", issue).param("ids", ids).update());
    }

    private void recordFailure(Claimed c, String reason, boolean permanent) {
        Instant next = clock.instant().plus(Duration.ofSeconds(30L << Math.min(c.attempts(), 8)));
        jdbc.sql("""
                UPDATE deliveries SET status = :status, next_attempt_at = :next, last_error = :error
                WHERE issue_id = :issue AND subscriber_id = :subscriber
                """).param("status", permanent ? "failed" : "pending").param("next", SqlTime.of(next))
                .param("error", reason == null || reason.isEmpty() ? "unknown failure" : reason)
                .param("issue", c.issueId()).param("subscriber", c.subscriberId()).update();
    }

    void completeIssues() {
        List<Long> done = jdbc.sql("""
                UPDATE newsletter_issues SET status = 'sent', completed_at = :now
                WHERE status = 'sending'
                  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.issue_id = newsletter_issues.id AND d.status IN ('pending', 'sending'))
                RETURNING id
                """).param("now", SqlTime.of(clock.instant())).query(Long.class).list();
        done.forEach(id -> {
            emails.forget(id);
            log.info("Newsletter issue {} is sent", id);
            events.publishEvent(new IssueSent(id));
        });
    }
}
