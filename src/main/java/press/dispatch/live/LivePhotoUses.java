package press.dispatch.live;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import press.dispatch.articles.Markdown;
import press.dispatch.media.PhotoUses;

/** A live update that shows a library photo (its picture, or one placed in its text) keeps the photo in use. */
@Component
class LivePhotoUses implements PhotoUses {

    private final JdbcClient jdbc;

    LivePhotoUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PhotoUse> usesOf(long mediaId) {
        return jdbc.sql("""
                SELECT e.article_id, e.media_id, e.body_markdown, a.headline FROM live_entries e JOIN articles a ON a.id = e.article_id
                WHERE e.deleted_at IS NULL AND (e.media_id = :id OR e.body_markdown LIKE :body) ORDER BY e.id
                """).param("id", mediaId).param("body", "%photo:" + mediaId + "%")
                .query((rs, n) -> {
                    long media = rs.getLong("media_id");
                    boolean shown = !rs.wasNull() && media == mediaId || Markdown.photoIds(rs.getString("body_markdown")).contains(mediaId);
                    return shown ? new PhotoUse("Live update", rs.getString("headline"), "/admin/live/" + rs.getLong("article_id")) : null;
                }).list().stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    @Override
    public Set<Long> photosInUse() {
        Set<Long> ids = new HashSet<>(jdbc.sql("SELECT DISTINCT media_id FROM live_entries WHERE deleted_at IS NULL AND media_id IS NOT NULL")
                .query(Long.class).list());
        jdbc.sql("SELECT body_markdown FROM live_entries WHERE deleted_at IS NULL AND body_markdown LIKE '%photo:%'").query(String.class).list()
                .forEach(body -> ids.addAll(Markdown.photoIds(body)));
        return ids;
    }
}
