package press.dispatch.subscriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class SubscriberRepository {

    private static final String COLUMNS = "id, email, status, cadence, confirmed_at, confirmations_sent, confirmation_window";

    private final JdbcClient jdbc;

    SubscriberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscribers WHERE email = :email").param("email", email).query(this::row).optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscribers WHERE id = :id").param("id", id).query(this::row).optional();
    }

    List<Row> list(String status, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscribers WHERE (:status = '' OR status = :status) ORDER BY id LIMIT :limit OFFSET :offset")
                .param("status", status == null ? "" : status).param("limit", limit).param("offset", offset).query(this::row).list();
    }

    long insertPending(String email, String form, String ip, Instant now) {
        return jdbc.sql("""
                INSERT INTO subscribers (email, status, cadence, consent_at, consent_form, consent_ip, confirmations_sent, confirmation_window,
                                         created_at, updated_at)
                VALUES (:email, 'pending', 'each', :now, :form, :ip, 0, :now, :now, :now)
                RETURNING id
                """).param("email", email).param("form", form).param("ip", ip).param("now", SqlTime.of(now)).query(Long.class).single();
    }

    /** A new consent for an address we know (it had unsubscribed, or never confirmed). */
    void renewConsent(long id, String form, String ip, Instant now) {
        jdbc.sql("""
                UPDATE subscribers SET status = 'pending', consent_at = :now, consent_form = :form, consent_ip = :ip, updated_at = :now
                WHERE id = :id AND status IN ('pending', 'unsubscribed')
                """).param("id", id).param("form", form).param("ip", ip).param("now", SqlTime.of(now)).update();
    }

    /** Counts a confirmation email against the address's daily allowance; false when it is used up. */
    boolean countConfirmationEmail(Row row, int perDay, Instant now) {
        Instant window = row.confirmationWindow();
        if (window == null || window.isBefore(now.minusSeconds(86_400))) {
            jdbc.sql("UPDATE subscribers SET confirmations_sent = 1, confirmation_window = :now WHERE id = :id")
                    .param("id", row.id()).param("now", SqlTime.of(now)).update();
            return true;
        }
        if (row.confirmationsSent() >= perDay) {
            return false;
        }
        jdbc.sql("UPDATE subscribers SET confirmations_sent = confirmations_sent + 1 WHERE id = :id").param("id", row.id()).update();
        return true;
    }

    boolean confirm(long id, Instant now) {
        return jdbc.sql("UPDATE subscribers SET status = 'confirmed', confirmed_at = :now, updated_at = :now WHERE id = :id AND status = 'pending'")
                .param("id", id).param("now", SqlTime.of(now)).update() == 1;
    }

    boolean unsubscribe(long id, Instant now) {
        return jdbc.sql("""
                UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = :now, updated_at = :now
                WHERE id = :id AND status IN ('pending', 'confirmed')
                """).param("id", id).param("now", SqlTime.of(now)).update() == 1;
    }

    void suppress(long id, String reason, Instant now) {
        jdbc.sql("UPDATE subscribers SET status = 'suppressed', suppressed_reason = :reason, updated_at = :now WHERE id = :id")
                .param("id", id).param("reason", reason).param("now", SqlTime.of(now)).update();
    }

    void choose(long id, Cadence cadence, Set<Long> sectionIds, Instant now) {
        jdbc.sql("UPDATE subscribers SET cadence = :cadence, updated_at = :now WHERE id = :id")
                .param("id", id).param("cadence", cadence.column()).param("now", SqlTime.of(now)).update();
        jdbc.sql("DELETE FROM subscriber_sections WHERE subscriber_id = :id").param("id", id).update();
        for (Long section : sectionIds) {
            jdbc.sql("INSERT INTO subscriber_sections (subscriber_id, section_id) VALUES (:id, :section)")
                    .param("id", id).param("section", section).update();
        }
    }

    /** Whoever followed {@code gone} follows {@code into} instead (once, even if they already followed both). */
    void moveFollowers(long gone, long into) {
        jdbc.sql("""
                INSERT INTO subscriber_sections (subscriber_id, section_id)
                SELECT f.subscriber_id, :into FROM subscriber_sections f
                WHERE f.section_id = :gone
                  AND NOT EXISTS (SELECT 1 FROM subscriber_sections g WHERE g.subscriber_id = f.subscriber_id AND g.section_id = :into)
                """).param("gone", gone).param("into", into).update();
        dropFollowers(gone);
    }

    void dropFollowers(long gone) {
        jdbc.sql("DELETE FROM subscriber_sections WHERE section_id = :gone").param("gone", gone).update();
    }

    Set<Long> sections(long id) {
        return new HashSet<>(jdbc.sql("SELECT section_id FROM subscriber_sections WHERE subscriber_id = :id").param("id", id)
                .query(Long.class).list());
    }

    /**
     * Confirmed before {@code frozenAt}, still confirmed, wanting every post, and either following every section
     * or this one. Streams rows so a large audience is not held in memory at once.
     */
    void eachPostAudience(Long sectionId, Instant frozenAt, Consumer<Audience> sink) {
        jdbc.sql("""
                SELECT s.id, s.email FROM subscribers s
                WHERE s.status = 'confirmed' AND s.cadence = 'each' AND s.confirmed_at < :frozen
                  AND (NOT EXISTS (SELECT 1 FROM subscriber_sections f WHERE f.subscriber_id = s.id)
                       OR EXISTS (SELECT 1 FROM subscriber_sections f WHERE f.subscriber_id = s.id AND f.section_id = :section))
                ORDER BY s.id
                """).param("frozen", SqlTime.of(frozenAt)).param("section", sectionId == null ? -1L : sectionId)
                .query(rs -> {
                    sink.accept(new Audience(rs.getLong("id"), rs.getString("email")));
                });
    }

    /** Confirmed before {@code frozenAt}, still confirmed, on this digest cadence; with the sections each follows. */
    void digestAudience(Cadence cadence, Instant frozenAt, java.util.function.BiConsumer<Audience, Set<Long>> sink) {
        java.util.Map<Long, Set<Long>> follows = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT f.subscriber_id, f.section_id FROM subscriber_sections f JOIN subscribers s ON s.id = f.subscriber_id
                WHERE s.status = 'confirmed' AND s.cadence = :cadence
                """).param("cadence", cadence.column())
                .query(rs -> {
                    follows.computeIfAbsent(rs.getLong("subscriber_id"), k -> new HashSet<>()).add(rs.getLong("section_id"));
                });
        jdbc.sql("""
                SELECT s.id, s.email FROM subscribers s
                WHERE s.status = 'confirmed' AND s.cadence = :cadence AND s.confirmed_at < :frozen ORDER BY s.id
                """).param("cadence", cadence.column()).param("frozen", SqlTime.of(frozenAt))
                .query(rs -> {
                    long id = rs.getLong("id");
                    sink.accept(new Audience(id, rs.getString("email")), follows.getOrDefault(id, Set.of()));
                });
    }

    int eraseConsentIps(Instant before) {
        return jdbc.sql("UPDATE subscribers SET consent_ip = NULL WHERE consent_ip IS NOT NULL AND consent_at < :before")
                .param("before", SqlTime.of(before)).update();
    }

    Optional<SubscriberRecord> record(String email) {
        return jdbc.sql("""
                SELECT id, email, status, cadence, consent_at, consent_form, consent_ip, confirmed_at, unsubscribed_at, suppressed_reason,
                       created_at, updated_at
                FROM subscribers WHERE email = :email
                """).param("email", email)
                .query((rs, n) -> new SubscriberRecord(rs.getString("email"), rs.getString("status"), rs.getString("cadence"), sections(rs.getLong("id")),
                        SqlTime.read(rs, "consent_at"), rs.getString("consent_form"), rs.getString("consent_ip"), SqlTime.read(rs, "confirmed_at"),
                        SqlTime.read(rs, "unsubscribed_at"), rs.getString("suppressed_reason"), SqlTime.read(rs, "created_at"),
                        SqlTime.read(rs, "updated_at")))
                .optional();
    }

    /** Deletes the subscriber and the sections they follow; false if there was none. */
    boolean delete(String email) {
        jdbc.sql("DELETE FROM subscriber_sections WHERE subscriber_id IN (SELECT id FROM subscribers WHERE email = :email)").param("email", email)
                .update();
        return jdbc.sql("DELETE FROM subscribers WHERE email = :email").param("email", email).update() > 0;
    }

    List<Object[]> counts() {
        return jdbc.sql("SELECT status, COUNT(*) AS n FROM subscribers GROUP BY status")
                .query((rs, n) -> new Object[] {rs.getString("status"), rs.getLong("n")}).list();
    }

    record Audience(long id, String email) {
    }

    record Row(long id, String email, String status, Cadence cadence, Instant confirmedAt, int confirmationsSent, Instant confirmationWindow) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("email"), rs.getString("status"), Cadence.ofColumn(rs.getString("cadence")),
                SqlTime.read(rs, "confirmed_at"), rs.getInt("confirmations_sent"), SqlTime.read(rs, "confirmation_window"));
    }

    /** Those of these addresses (normalised) whose subscription is confirmed now: not pending, unsubscribed or suppressed. */
    java.util.Set<String> confirmedAmong(java.util.Collection<String> emails) {
        java.util.Set<String> confirmed = new java.util.HashSet<>();
        List<String> all = List.copyOf(emails);
        for (int from = 0; from < all.size(); from += 500) {
            confirmed.addAll(jdbc.sql("SELECT email FROM subscribers WHERE status = 'confirmed' AND email IN (:emails)")
                    .param("emails", all.subList(from, Math.min(all.size(), from + 500))).query(String.class).list());
        }
        return confirmed;
    }
}
