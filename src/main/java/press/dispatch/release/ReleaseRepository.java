package press.dispatch.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class ReleaseRepository {

    private static final String REQUEST = """
            SELECT id, article_id, publish_at, status, requested_by, requested_by_name, requested_at, decided_by_name, decided_at, note
            FROM release_requests""";

    private final JdbcClient jdbc;

    ReleaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Hold> hold(long articleId) {
        return jdbc.sql("SELECT article_id, embargo_until, sensitive, changed_at, changed_by FROM article_holds WHERE article_id = :id")
                .param("id", articleId)
                .query((rs, n) -> new Hold(rs.getLong("article_id"), SqlTime.read(rs, "embargo_until"), rs.getBoolean("sensitive"),
                        SqlTime.read(rs, "changed_at"), rs.getString("changed_by")))
                .optional();
    }

    void saveHold(long articleId, Instant embargoUntil, boolean sensitive, Instant at, String by) {
        int updated = jdbc.sql("UPDATE article_holds SET embargo_until = :until, sensitive = :sensitive, changed_at = :at, changed_by = :by WHERE article_id = :id")
                .param("until", SqlTime.of(embargoUntil)).param("sensitive", sensitive).param("at", SqlTime.of(at)).param("by", by)
                .param("id", articleId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO article_holds (article_id, embargo_until, sensitive, changed_at, changed_by)
                    VALUES (:id, :until, :sensitive, :at, :by)""")
                    .param("until", SqlTime.of(embargoUntil)).param("sensitive", sensitive).param("at", SqlTime.of(at)).param("by", by)
                    .param("id", articleId).update();
        }
    }

    long insert(long articleId, Instant publishAt, String status, long staffId, String staffName, Instant at, String note) {
        return jdbc.sql("""
                INSERT INTO release_requests (article_id, publish_at, status, requested_by, requested_by_name, requested_at, note)
                VALUES (:article, :publishAt, :status, :staff, :name, :at, :note) RETURNING id""")
                .param("article", articleId).param("publishAt", SqlTime.of(publishAt)).param("status", status).param("staff", staffId)
                .param("name", staffName).param("at", SqlTime.of(at)).param("note", note).query(Long.class).single();
    }

    /** Moves a request on from {@code from}; false when it was not in that state (someone else decided first). */
    boolean decide(long id, String from, String to, long staffId, String staffName, Instant at, String note) {
        return jdbc.sql("""
                UPDATE release_requests SET status = :to, decided_by = :staff, decided_by_name = :name, decided_at = :at,
                       note = CASE WHEN :note = '' THEN note ELSE :note END
                WHERE id = :id AND status = :from""")
                .param("to", to).param("staff", staffId).param("name", staffName).param("at", SqlTime.of(at)).param("note", note)
                .param("id", id).param("from", from).update() == 1;
    }

    void setStatus(long id, String status) {
        jdbc.sql("UPDATE release_requests SET status = :status WHERE id = :id").param("status", status).param("id", id).update();
    }

    /** Whether the article's release is being granted in this transaction. */
    boolean approving(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM release_requests WHERE article_id = :id AND status = 'approving'").param("id", articleId)
                .query(Long.class).single() > 0;
    }

    Optional<ReleaseRequest> find(long id) {
        return jdbc.sql(REQUEST + " WHERE id = :id").param("id", id).query(ReleaseRepository::row).optional();
    }

    Optional<ReleaseRequest> waitingFor(long articleId) {
        return jdbc.sql(REQUEST + " WHERE article_id = :id AND status = 'waiting'").param("id", articleId).query(ReleaseRepository::row).optional();
    }

    List<ReleaseRequest> trail(long articleId) {
        return jdbc.sql(REQUEST + " WHERE article_id = :id ORDER BY id").param("id", articleId).query(ReleaseRepository::row).list();
    }

    List<ReleaseRequest> waiting() {
        return jdbc.sql(REQUEST + " WHERE status = 'waiting' ORDER BY requested_at, id").query(ReleaseRepository::row).list();
    }

    private static final String CHANGE = """
            SELECT id, article_id, from_until, to_until, status, requested_by, requested_by_name, requested_at, reason, decided_by_name, decided_at,
                   note
            FROM embargo_changes""";

    long insertChange(long articleId, Instant from, Instant to, String status, long staffId, String staffName, Instant at, String reason) {
        return jdbc.sql("""
                INSERT INTO embargo_changes (article_id, from_until, to_until, status, requested_by, requested_by_name, requested_at, reason)
                VALUES (:article, :from, :to, :status, :staff, :name, :at, :reason) RETURNING id""")
                .param("article", articleId).param("from", SqlTime.of(from)).param("to", SqlTime.of(to)).param("status", status)
                .param("staff", staffId).param("name", staffName).param("at", SqlTime.of(at)).param("reason", reason).query(Long.class).single();
    }

    /** Moves a change on from waiting; false when it was no longer waiting (someone else decided first). */
    boolean decideChange(long id, String to, long staffId, String staffName, Instant at, String note) {
        return jdbc.sql("""
                UPDATE embargo_changes SET status = :to, decided_by = :staff, decided_by_name = :name, decided_at = :at, note = :note
                WHERE id = :id AND status = 'waiting'""")
                .param("to", to).param("staff", staffId).param("name", staffName).param("at", SqlTime.of(at)).param("note", note)
                .param("id", id).update() == 1;
    }

    Optional<EmbargoChange> findChange(long id) {
        return jdbc.sql(CHANGE + " WHERE id = :id").param("id", id).query(ReleaseRepository::change).optional();
    }

    Optional<EmbargoChange> waitingChange(long articleId) {
        return jdbc.sql(CHANGE + " WHERE article_id = :id AND status = 'waiting'").param("id", articleId).query(ReleaseRepository::change).optional();
    }

    List<EmbargoChange> embargoHistory(long articleId) {
        return jdbc.sql(CHANGE + " WHERE article_id = :id ORDER BY id").param("id", articleId).query(ReleaseRepository::change).list();
    }

    List<EmbargoChange> waitingChanges() {
        return jdbc.sql(CHANGE + " WHERE status = 'waiting' ORDER BY requested_at, id").query(ReleaseRepository::change).list();
    }

    private static EmbargoChange change(ResultSet rs, int n) throws SQLException {
        return new EmbargoChange(rs.getLong("id"), rs.getLong("article_id"), SqlTime.read(rs, "from_until"), SqlTime.read(rs, "to_until"),
                rs.getString("status"), rs.getLong("requested_by"), rs.getString("requested_by_name"), SqlTime.read(rs, "requested_at"),
                rs.getString("reason"), rs.getString("decided_by_name"), SqlTime.read(rs, "decided_at"), rs.getString("note"));
    }

    private static ReleaseRequest row(ResultSet rs, int n) throws SQLException {
        return new ReleaseRequest(rs.getLong("id"), rs.getLong("article_id"), SqlTime.read(rs, "publish_at"), rs.getString("status"),
                rs.getLong("requested_by"), rs.getString("requested_by_name"), SqlTime.read(rs, "requested_at"), rs.getString("decided_by_name"),
                SqlTime.read(rs, "decided_at"), rs.getString("note"));
    }
}
