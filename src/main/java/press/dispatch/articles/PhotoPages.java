package press.dispatch.articles;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.media.PhotoDescribed;
import press.dispatch.platform.PageCache;

/**
 * A photo corrected in the library shows its new caption and credit everywhere: bodies that place it are rendered
 * again (their HTML is kept rendered), and cached pages are purged, since any card, featured photo or figure may show it.
 */
@Component
class PhotoPages {

    private final JdbcClient jdbc;
    private final Markdown markdown;
    private final PageCache cache;

    PhotoPages(JdbcClient jdbc, Markdown markdown, PageCache cache) {
        this.jdbc = jdbc;
        this.markdown = markdown;
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(PagePurges.PURGE_ORDER)
    void photoDescribed(PhotoDescribed described) {
        jdbc.sql("SELECT id, body_markdown FROM articles WHERE body_markdown LIKE :like")
                .param("like", "%photo:" + described.mediaId() + "%")
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("body_markdown")}).list().stream()
                .filter(row -> BodyPhotos.idsIn((String) row[1]).contains(described.mediaId()))
                .forEach(row -> jdbc.sql("UPDATE articles SET body_html = :html WHERE id = :id")
                        .param("html", markdown.render((String) row[1])).param("id", row[0]).update());
        cache.purgeAll();
    }
}
