package press.dispatch.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class CommentRepository {

    private static final String COLUMNS = """
            id, article_id, parent_id, depth, author_name, author_email, author_url, body, status, score, reasons, by_staff, created_at""";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code replyTo} is the comment the reader answered; {@code parentId} is where the reply sits in the thread, which is
     * that comment's own parent once the thread is at its depth limit.
     */
    long insert(long articleId, Long parentId, Long replyTo, int depth, String name, String email, String url, String body, String status,
                int score, String reasons, String ip, boolean notify, boolean byStaff, Instant now) {
        return jdbc.sql("""
                INSERT INTO comments (article_id, parent_id, reply_to_id, depth, author_name, author_email, author_url, body, status, score, reasons,
                                      ip, notify_replies, by_staff, created_at, approved_at)
                VALUES (:article, :parent, :replyTo, :depth, :name, :email, :url, :body, :status, :score, :reasons, :ip, :notify, :staff, :now,
                        :approvedAt)
                RETURNING id
                """).param("article", articleId).param("parent", parentId).param("replyTo", replyTo).param("depth", depth).param("name", name).param("email", email)
                .param("url", url).param("body", body).param("status", status).param("score", score).param("reasons", reasons).param("ip", ip)
                .param("notify", notify).param("staff", byStaff).param("now", SqlTime.of(now))
                .param("approvedAt", status.equals("approved") ? SqlTime.of(now) : null)
                .query(Long.class).single();
    }

    Optional<Comment> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE id = :id").param("id", id).query(this::comment).optional();
    }

    List<Comment> listApproved(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE article_id = :article AND status = 'approved' ORDER BY created_at, id")
                .param("article", articleId).query(this::comment).list();
    }

    List<Comment> listByStatus(String status, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE status = :status ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("status", status).param("limit", limit).param("offset", offset).query(this::comment).list();
    }

    long countByStatus(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM comments WHERE status = :status").param("status", status).query(Long.class).single();
    }

    Map<Long, Long> countApproved(Collection<Long> articleIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (articleIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT article_id, COUNT(*) AS n FROM comments WHERE status = 'approved' AND article_id IN (:ids) GROUP BY article_id")
                .param("ids", List.copyOf(articleIds)).query(rs -> {
                    counts.put(rs.getLong("article_id"), rs.getLong("n"));
                });
        return counts;
    }

    /** Both questions a new comment asks before it is scored, in one round trip. */
    record Precheck(boolean duplicate, boolean approvedBefore) {
    }

    Precheck precheck(long articleId, String email, String body) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM comments WHERE article_id = :article AND author_email = :email AND body = :body
                                                AND status <> 'trash' LIMIT 1) d) AS duplicate,
                       (SELECT COUNT(*) FROM (SELECT 1 FROM comments WHERE author_email = :email AND status = 'approved' LIMIT 1) a) AS approved
                """).param("article", articleId).param("email", email).param("body", body)
                .query((rs, n) -> new Precheck(rs.getInt("duplicate") > 0, rs.getInt("approved") > 0)).single();
    }

    boolean sameTextExists(long articleId, String email, String body) {
        return jdbc.sql("SELECT COUNT(*) FROM comments WHERE article_id = :article AND author_email = :email AND body = :body AND status <> 'trash'")
                .param("article", articleId).param("email", email).param("body", body).query(Long.class).single() > 0;
    }

    /**
     * True when this made the comment public for the first time. Only one of two moderators approving the same comment
     * at once sees true: the second UPDATE finds {@code approved_at} already set.
     */
    boolean setStatus(long id, String status, Instant now) {
        jdbc.sql("UPDATE comments SET status = :status WHERE id = :id").param("id", id).param("status", status).update();
        return status.equals("approved") && jdbc.sql("UPDATE comments SET approved_at = :now WHERE id = :id AND approved_at IS NULL")
                .param("id", id).param("now", SqlTime.of(now)).update() == 1;
    }

    /** Who to tell of a reply: the answered comment's author, if they asked, are not staff and did not write the reply themselves. */
    record ReplyNotice(long answeredId, String email) {
    }

    Optional<ReplyNotice> replyNotice(long replyId) {
        return jdbc.sql("""
                SELECT a.id, a.author_email FROM comments r JOIN comments a ON a.id = COALESCE(r.reply_to_id, r.parent_id)
                WHERE r.id = :reply AND a.notify_replies = TRUE AND a.by_staff = FALSE AND a.author_email <> '' AND a.author_email <> r.author_email
                """).param("reply", replyId).query((rs, n) -> new ReplyNotice(rs.getLong("id"), rs.getString("author_email"))).optional();
    }

    void editBody(long id, String body) {
        jdbc.sql("UPDATE comments SET body = :body WHERE id = :id").param("id", id).param("body", body).update();
    }

    void stopReplies(long id) {
        jdbc.sql("UPDATE comments SET notify_replies = FALSE WHERE id = :id").param("id", id).update();
    }

    int eraseIps(Instant before) {
        return jdbc.sql("UPDATE comments SET ip = NULL WHERE ip IS NOT NULL AND created_at < :before").param("before", SqlTime.of(before)).update();
    }

    /**
     * Deletes a person's comments that nobody replied to, repeating until none is left: deleting their own reply
     * can leave their earlier comment without replies. Returns how many were deleted.
     */
    int deleteUnreplied(String email) {
        int deleted = 0;
        int round;
        do {
            round = jdbc.sql("""
                    DELETE FROM comments WHERE author_email = :email AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id)
                    """).param("email", email).update();
            deleted += round;
        } while (round > 0);
        return deleted;
    }

    /**
     * Erases what is left of a person: comments others replied to keep their place in threads, but text, name, email,
     * website, IP and the reasons of the checks (which can quote them) are gone.
     */
    int erase(String email) {
        return jdbc.sql("""
                UPDATE comments SET author_name = 'Deleted', author_email = '', author_url = '', body = '(This comment was deleted at its author''s request.)',
                       ip = NULL, notify_replies = FALSE, reasons = '', status = CASE WHEN status = 'approved' THEN 'approved' ELSE 'trash' END
                WHERE author_email = :email
                """).param("email", email).update();
    }

    /** Everything stored with one person's comments, the IP and the reply-email choice included. */
    List<StoredComment> listStoredByEmail(String email) {
        return jdbc.sql("""
                SELECT id, article_id, parent_id, author_name, author_email, author_url, body, status, ip, notify_replies, by_staff, created_at,
                       approved_at
                FROM comments WHERE author_email = :email ORDER BY id
                """).param("email", email).query((rs, n) -> {
                    long parent = rs.getLong("parent_id");
                    Long parentId = rs.wasNull() ? null : parent;
                    return new StoredComment(rs.getLong("id"), rs.getLong("article_id"), parentId, rs.getString("author_name"),
                            rs.getString("author_email"), rs.getString("author_url"), rs.getString("body"), rs.getString("status"), rs.getString("ip"),
                            rs.getBoolean("notify_replies"), rs.getBoolean("by_staff"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "approved_at"));
                }).list();
    }

    List<Long> articleIdsOf(String email) {
        return jdbc.sql("SELECT DISTINCT article_id FROM comments WHERE author_email = :email").param("email", email).query(Long.class).list();
    }

    private Comment comment(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), parentId, rs.getInt("depth"), rs.getString("author_name"),
                rs.getString("author_email"), rs.getString("author_url"), rs.getString("body"), rs.getString("status"), rs.getInt("score"),
                rs.getString("reasons"), rs.getBoolean("by_staff"), SqlTime.read(rs, "created_at"));
    }
}
