package press.dispatch.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import press.dispatch.articles.ArticlePublished;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.platform.SqlTime;

/** Creates one issue per published article and reports on issues. */
@Service
public class Newsletters {

    private final JdbcClient jdbc;
    private final Stories stories;
    private final Clock clock;
    private final press.dispatch.subscriptions.Subscriptions subscriptions;

    Newsletters(JdbcClient jdbc, Stories stories, Clock clock, press.dispatch.subscriptions.Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
        this.stories = stories;
        this.clock = clock;
    }

    /**
     * Runs inside the transaction that publishes, so the issue exists exactly when the publication does: a crash
     * can lose neither alone. The unique article id makes a second publish of the same article create nothing.
     */
    @EventListener
    void articlePublished(ArticlePublished published) {
        Optional<Story> story = stories.findById(published.articleId());
        if (story.isEmpty() || story.get().article().webOnly()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO newsletter_issues (article_id, section_id, subject, status, audience_frozen_at, created_at)
                VALUES (:article, :section, :subject, 'preparing', :now, :now)
                ON CONFLICT (article_id) DO NOTHING
                """).param("article", published.articleId()).param("section", story.get().article().sectionId())
                .param("subject", story.get().article().headline()).param("now", SqlTime.of(now)).update();
    }

    public Optional<Long> issueForArticle(long articleId) {
        return jdbc.sql("SELECT id FROM newsletter_issues WHERE article_id = :id").param("id", articleId).query(Long.class).optional();
    }

    public long countIssuesForArticle(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM newsletter_issues WHERE article_id = :id").param("id", articleId).query(Long.class).single();
    }

    public Optional<IssueReport> report(long issueId) {
        return jdbc.sql("SELECT id, article_id, subject, status FROM newsletter_issues WHERE id = :id").param("id", issueId)
                .query((rs, n) -> {
                    long article = rs.getLong("article_id");
                    Long articleId = rs.wasNull() ? null : article;
                    // A delivery still "sending" is uncertain from the start: whether the mail server accepted it is not known until
                    // the outcome is recorded, and if the sender died it never will be.
                    return new IssueReport(issueId, articleId, rs.getString("subject"), rs.getString("status"),
                            count(issueId, null), count(issueId, "sent"), count(issueId, "failed"), count(issueId, "pending"), count(issueId, "sending"),
                            jdbc.sql("SELECT email FROM deliveries WHERE issue_id = :id AND (uncertain = TRUE OR status = 'sending') ORDER BY email")
                                    .param("id", issueId).query(String.class).list(),
                            jdbc.sql("SELECT email || ': ' || COALESCE(last_error, '') FROM deliveries WHERE issue_id = :id AND status = 'failed' ORDER BY email")
                                    .param("id", issueId).query(String.class).list());
                })
                .optional();
    }

    private long count(long issueId, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE issue_id = :id" + (status == null ? "" : " AND status = :status"))
                .param("id", issueId).param("status", status == null ? "" : status).query(Long.class).single();
    }

    /** Every delivery of every issue to this address (for a data-access request). */
    public List<DeliveryRecord> deliveriesTo(String email) {
        return jdbc.sql("""
                SELECT d.issue_id, i.subject, d.email, d.status, d.attempts, d.uncertain, d.last_error, d.sent_at
                FROM deliveries d JOIN newsletter_issues i ON i.id = d.issue_id WHERE d.email = :email ORDER BY d.issue_id
                """).param("email", normal(email))
                .query((rs, n) -> new DeliveryRecord(rs.getLong("issue_id"), rs.getString("subject"), rs.getString("email"), rs.getString("status"),
                        rs.getInt("attempts"), rs.getBoolean("uncertain"), rs.getString("last_error"), SqlTime.read(rs, "sent_at")))
                .list();
    }

    /**
     * Takes this address out of the ledger (for an erasure request): a delivery not yet made is deleted, so nothing
     * more is sent; one sent or failed keeps its line, so an issue's report still adds up, with the address and
     * the server's answer (which can quote it) gone. Returns how many lines held the address.
     */
    @org.springframework.transaction.annotation.Transactional
    public int eraseDeliveriesTo(String email) {
        String address = normal(email);
        int deleted = jdbc.sql("DELETE FROM deliveries WHERE email = :email AND status IN ('pending', 'sending')").param("email", address).update();
        return deleted + jdbc.sql("UPDATE deliveries SET email = '(erased)', last_error = NULL WHERE email = :email").param("email", address).update();
    }

    /**
     * The addresses the article's issue was sent to (the ledger says the mail server accepted it) that are still
     * subscribed, for a correction email: the earlier recipients, never anyone subscribed since, and nobody who
     * unsubscribed or whose address bounced since.
     */
    public List<String> recipientsOf(long articleId) {
        List<String> sent = jdbc.sql("""
                SELECT d.email FROM deliveries d JOIN newsletter_issues i ON i.id = d.issue_id
                WHERE i.article_id = :article AND d.status = 'sent' AND d.email <> '(erased)' ORDER BY d.email
                """).param("article", articleId).query(String.class).list();
        java.util.Set<String> subscribed = subscriptions.stillSubscribed(sent);
        return sent.stream().filter(email -> subscribed.contains(normal(email))).distinct().toList();
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The newest issues first, for the newsroom's newsletter screen: those with recipients, or not yet addressed. An issue whose
     * frozen audience was empty (nobody was subscribed) sent nothing and is not listed; {@link #countUnaddressed} counts them.
     */
    public List<Long> recentIssueIds(int limit) {
        return jdbc.sql("SELECT id FROM newsletter_issues i WHERE " + ADDRESSED + " ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query(Long.class).list();
    }

    /** Issues that are done and had nobody to go to. */
    public long countUnaddressed() {
        return jdbc.sql("SELECT COUNT(*) FROM newsletter_issues i WHERE NOT (" + ADDRESSED + ")").query(Long.class).single();
    }

    private static final String ADDRESSED = "(i.status <> 'sent' OR EXISTS (SELECT 1 FROM deliveries d WHERE d.issue_id = i.id))";
}
