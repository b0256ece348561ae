package press.dispatch.threads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class ThreadRepository {

    private static final String THREAD = "SELECT id, slug, title, summary, created_at, updated_at FROM story_threads";

    private final JdbcClient jdbc;

    ThreadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String slug, String title, String summary, Instant now) {
        return jdbc.sql("INSERT INTO story_threads (slug, title, summary, created_at, updated_at) VALUES (:slug, :title, :summary, :now, :now) RETURNING id")
                .param("slug", slug).param("title", title).param("summary", summary).param("now", SqlTime.of(now)).query(Long.class).single();
    }

    void update(long id, String slug, String title, String summary, Instant now) {
        jdbc.sql("UPDATE story_threads SET slug = :slug, title = :title, summary = :summary, updated_at = :now WHERE id = :id")
                .param("slug", slug).param("title", title).param("summary", summary).param("now", SqlTime.of(now)).param("id", id).update();
    }

    /** Deletes the thread with its parts list, followers and mailing record; the articles themselves stay. */
    boolean delete(long id) {
        for (String table : List.of("thread_articles", "thread_followers", "thread_mailings")) {
            jdbc.sql("DELETE FROM " + table + " WHERE thread_id = :id").param("id", id).update();
        }
        return jdbc.sql("DELETE FROM story_threads WHERE id = :id").param("id", id).update() == 1;
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM story_threads WHERE slug = :slug AND id <> :id").param("slug", slug).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    Optional<StoryThread> find(long id) {
        return jdbc.sql(THREAD + " WHERE id = :id").param("id", id).query(ThreadRepository::row).optional();
    }

    Optional<StoryThread> findBySlug(String slug) {
        return jdbc.sql(THREAD + " WHERE slug = :slug").param("slug", slug).query(ThreadRepository::row).optional();
    }

    Optional<StoryThread> findByArticle(long articleId) {
        return jdbc.sql(THREAD + " WHERE id = (SELECT thread_id FROM thread_articles WHERE article_id = :article)").param("article", articleId)
                .query(ThreadRepository::row).optional();
    }

    List<StoryThread> listAll() {
        return jdbc.sql(THREAD + " ORDER BY updated_at DESC, id DESC").query(ThreadRepository::row).list();
    }

    /** Moves the article into this thread (an article is in at most one). */
    void addArticle(long threadId, long articleId, Instant now) {
        jdbc.sql("DELETE FROM thread_articles WHERE article_id = :article").param("article", articleId).update();
        jdbc.sql("INSERT INTO thread_articles (thread_id, article_id, added_at) VALUES (:thread, :article, :now)")
                .param("thread", threadId).param("article", articleId).param("now", SqlTime.of(now)).update();
    }

    void removeArticle(long threadId, long articleId) {
        jdbc.sql("DELETE FROM thread_articles WHERE thread_id = :thread AND article_id = :article").param("thread", threadId).param("article", articleId).update();
    }

    List<Long> articleIds(long threadId) {
        return jdbc.sql("SELECT article_id FROM thread_articles WHERE thread_id = :thread ORDER BY added_at, article_id").param("thread", threadId)
                .query(Long.class).list();
    }

    /** A part and the place an editor gave it (null: none yet, it goes by publication time). */
    record Part(long articleId, Integer position) {
    }

    List<Part> parts(long threadId) {
        return jdbc.sql("SELECT article_id, position FROM thread_articles WHERE thread_id = :thread ORDER BY article_id").param("thread", threadId)
                .query((rs, n) -> new Part(rs.getLong("article_id"), rs.getObject("position") == null ? null : rs.getInt("position")))
                .list();
    }

    /** Gives every part of the thread its place: {@code order} lists all of them, first first. */
    void place(long threadId, List<Long> order) {
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("UPDATE thread_articles SET position = :position WHERE thread_id = :thread AND article_id = :article")
                    .param("position", i + 1).param("thread", threadId).param("article", order.get(i)).update();
        }
    }

    /** True the first time only: the part is announced once. */
    boolean markAnnounced(long threadId, long articleId, Instant now) {
        return jdbc.sql("INSERT INTO thread_mailings (thread_id, article_id, sent_at) VALUES (:thread, :article, :now) ON CONFLICT DO NOTHING")
                .param("thread", threadId).param("article", articleId).param("now", SqlTime.of(now)).update() == 1;
    }

    /** A new follower, or the existing row for this address (renewed to pending unless confirmed). Returns its token. */
    String follow(long threadId, String email, String token, Instant now) {
        Optional<String> known = jdbc.sql("SELECT token FROM thread_followers WHERE thread_id = :thread AND email = :email")
                .param("thread", threadId).param("email", email).query(String.class).optional();
        if (known.isPresent()) {
            jdbc.sql("UPDATE thread_followers SET status = 'pending' WHERE thread_id = :thread AND email = :email AND status = 'unfollowed'")
                    .param("thread", threadId).param("email", email).update();
            return known.get();
        }
        jdbc.sql("INSERT INTO thread_followers (thread_id, email, token, status, created_at) VALUES (:thread, :email, :token, 'pending', :now)")
                .param("thread", threadId).param("email", email).param("token", token).param("now", SqlTime.of(now)).update();
        return token;
    }

    record Follower(long id, long threadId, String email, String token, String status) {
    }

    Optional<Follower> follower(String token) {
        return jdbc.sql("SELECT id, thread_id, email, token, status FROM thread_followers WHERE token = :token").param("token", token)
                .query((rs, n) -> new Follower(rs.getLong("id"), rs.getLong("thread_id"), rs.getString("email"), rs.getString("token"), rs.getString("status")))
                .optional();
    }

    void setStatus(long followerId, String status, Instant now) {
        jdbc.sql("UPDATE thread_followers SET status = :status, confirmed_at = CASE WHEN :status = 'confirmed' THEN :now ELSE confirmed_at END WHERE id = :id")
                .param("status", status).param("now", SqlTime.of(now)).param("id", followerId).update();
    }

    List<Follower> confirmedFollowers(long threadId) {
        return jdbc.sql("SELECT id, thread_id, email, token, status FROM thread_followers WHERE thread_id = :thread AND status = 'confirmed' ORDER BY id")
                .param("thread", threadId)
                .query((rs, n) -> new Follower(rs.getLong("id"), rs.getLong("thread_id"), rs.getString("email"), rs.getString("token"), rs.getString("status")))
                .list();
    }

    long countFollowers(long threadId) {
        return jdbc.sql("SELECT COUNT(*) FROM thread_followers WHERE thread_id = :thread AND status = 'confirmed'").param("thread", threadId)
                .query(Long.class).single();
    }

    List<Threads.FollowRecord> followsOf(String email) {
        return jdbc.sql("""
                SELECT t.title, t.slug, f.status, f.created_at FROM thread_followers f JOIN story_threads t ON t.id = f.thread_id
                WHERE f.email = :email ORDER BY f.id""").param("email", email)
                .query((rs, n) -> new Threads.FollowRecord(rs.getString("title"), "/stories/" + rs.getString("slug"), rs.getString("status"),
                        SqlTime.read(rs, "created_at")))
                .list();
    }

    /** The threads this address follows (confirmed). */
    List<Long> followedThreadIds(String email) {
        return jdbc.sql("SELECT thread_id FROM thread_followers WHERE email = :email AND status = 'confirmed'").param("email", email)
                .query(Long.class).list();
    }

    int eraseFollower(String email) {
        return jdbc.sql("DELETE FROM thread_followers WHERE email = :email").param("email", email).update();
    }

    private static StoryThread row(ResultSet rs, int n) throws SQLException {
        return new StoryThread(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("summary"), SqlTime.read(rs, "created_at"),
                SqlTime.read(rs, "updated_at"));
    }
}
