package press.dispatch.comments;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import press.dispatch.platform.SqlTime;

/**
 * The newest approved comments, for the comments feeds. Whether their article is public is the caller's check:
 * comments know articles only by id.
 */
@Service
public class PublishedComments {

    private final JdbcClient jdbc;

    PublishedComments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, on any article. */
    public List<PublishedComment> newest(int limit) {
        return jdbc.sql("""
                SELECT id, article_id, author_name, body, created_at FROM comments WHERE status = 'approved'
                ORDER BY created_at DESC, id DESC LIMIT :limit
                """).param("limit", limit).query((rs, n) -> new PublishedComment(rs.getLong("id"), rs.getLong("article_id"),
                rs.getString("author_name"), rs.getString("body"), SqlTime.read(rs, "created_at"))).list();
    }

    /** Newest first, on one article. */
    public List<PublishedComment> newestOn(long articleId, int limit) {
        return jdbc.sql("""
                SELECT id, article_id, author_name, body, created_at FROM comments WHERE status = 'approved' AND article_id = :article
                ORDER BY created_at DESC, id DESC LIMIT :limit
                """).param("article", articleId).param("limit", limit).query((rs, n) -> new PublishedComment(rs.getLong("id"),
                rs.getLong("article_id"), rs.getString("author_name"), rs.getString("body"), SqlTime.read(rs, "created_at"))).list();
    }
}
