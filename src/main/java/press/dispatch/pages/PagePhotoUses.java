package press.dispatch.pages;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import press.dispatch.articles.Markdown;
import press.dispatch.media.PhotoUses;

/** Static pages place library photos in their bodies (the working copy and the published one): those are in use. */
@Component
class PagePhotoUses implements PhotoUses {

    private final JdbcClient jdbc;

    PagePhotoUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PhotoUse> usesOf(long mediaId) {
        return jdbc.sql("""
                SELECT id, title, body_markdown, live_body FROM pages WHERE body_markdown LIKE :body OR live_body LIKE :body ORDER BY id
                """).param("body", "%photo:" + mediaId + "%")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("title"), rs.getString("body_markdown"), rs.getString("live_body"))).list()
                .stream().filter(row -> row.photos().contains(mediaId)) // LIKE finds photo:12 when asked for photo:1
                .map(row -> new PhotoUse("Page", row.title(), "/admin/pages/" + row.id())).toList();
    }

    @Override
    public Set<Long> photosInUse() {
        Set<Long> ids = new HashSet<>();
        jdbc.sql("SELECT id, title, body_markdown, live_body FROM pages WHERE body_markdown LIKE '%photo:%' OR live_body LIKE '%photo:%'")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("title"), rs.getString("body_markdown"), rs.getString("live_body"))).list()
                .forEach(row -> ids.addAll(row.photos()));
        return ids;
    }

    private record Row(long id, String title, String body, String liveBody) {

        Set<Long> photos() {
            Set<Long> ids = new HashSet<>(Markdown.photoIds(body));
            ids.addAll(Markdown.photoIds(liveBody));
            return ids;
        }
    }
}
