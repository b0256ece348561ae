package press.dispatch.articles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import press.dispatch.media.PhotoUses;

/**
 * Articles use a photo as their featured photo, their social image, or in their body ({@code ![alt](photo:12)});
 * bylines use one as the author's portrait.
 */
@Component
class ArticlePhotoUses implements PhotoUses {

    private final JdbcClient jdbc;

    ArticlePhotoUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PhotoUse> usesOf(long mediaId) {
        List<PhotoUse> found = new ArrayList<>();
        jdbc.sql("""
                SELECT id, headline, featured_media_id, social_media_id, body_markdown FROM articles
                WHERE featured_media_id = :id OR social_media_id = :id OR body_markdown LIKE :body
                ORDER BY id DESC
                """)
                .param("id", mediaId).param("body", "%photo:" + mediaId + "%")
                .query(rs -> {
                    // LIKE finds photo:12 when asked for photo:1; the body's own list of photos decides
                    if (rs.getLong("featured_media_id") == mediaId || rs.getLong("social_media_id") == mediaId
                            || BodyPhotos.idsIn(rs.getString("body_markdown")).contains(mediaId)) {
                        found.add(new PhotoUse("Article", rs.getString("headline"), "/admin/articles/" + rs.getLong("id")));
                    }
                });
        // Changes kept for later (a published article's pending revision) go live with their photos
        jdbc.sql("""
                SELECT a.id, a.headline, r.featured_media_id, r.body_markdown FROM articles a
                JOIN article_revisions r ON r.article_id = a.id AND r.number = a.pending_revision
                WHERE r.featured_media_id = :id OR r.body_markdown LIKE :body
                """).param("id", mediaId).param("body", "%photo:" + mediaId + "%")
                .query(rs -> {
                    if (rs.getLong("featured_media_id") == mediaId || BodyPhotos.idsIn(rs.getString("body_markdown")).contains(mediaId)) {
                        found.add(new PhotoUse("Article, changes kept for later", rs.getString("headline"), "/admin/articles/" + rs.getLong("id")));
                    }
                });
        found.addAll(jdbc.sql("SELECT slug, display_name FROM authors WHERE photo_media_id = :id ORDER BY id").param("id", mediaId)
                .query((rs, n) -> new PhotoUse("Byline", rs.getString("display_name"), "/authors/" + rs.getString("slug"))).list());
        return found;
    }

    @Override
    public Set<Long> photosInUse() {
        Set<Long> ids = new HashSet<>(jdbc.sql("""
                SELECT featured_media_id FROM articles WHERE featured_media_id IS NOT NULL
                UNION SELECT social_media_id FROM articles WHERE social_media_id IS NOT NULL
                UNION SELECT photo_media_id FROM authors WHERE photo_media_id IS NOT NULL
                """).query(Long.class).list());
        jdbc.sql("SELECT body_markdown FROM articles WHERE body_markdown LIKE '%photo:%'").query(String.class).list()
                .forEach(body -> ids.addAll(BodyPhotos.idsIn(body)));
        jdbc.sql("""
                SELECT r.featured_media_id, r.body_markdown FROM articles a
                JOIN article_revisions r ON r.article_id = a.id AND r.number = a.pending_revision
                """).query(rs -> {
                    long featured = rs.getLong("featured_media_id");
                    if (!rs.wasNull()) {
                        ids.add(featured);
                    }
                    ids.addAll(BodyPhotos.idsIn(rs.getString("body_markdown")));
                });
        return ids;
    }
}
