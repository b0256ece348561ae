package press.dispatch.pages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class PageRepository {

    private static final String COLUMNS = "id, slug, title, body_markdown, status, live_title, live_body, published_at, created_at, updated_at, version";
    private static final RowMapper<Page> ROW = (rs, n) -> new Page(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
            rs.getString("body_markdown"), rs.getString("status"), rs.getString("live_title"), rs.getString("live_body"),
            SqlTime.read(rs, "published_at"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"), rs.getInt("version"));
    private static final RowMapper<PageRevision> REVISION = (rs, n) -> new PageRevision(rs.getInt("number"), rs.getString("staff_name"),
            SqlTime.read(rs, "created_at"), rs.getString("title"), rs.getString("slug"), rs.getString("body_markdown"));

    private final JdbcClient jdbc;

    PageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Page> listAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pages ORDER BY title, id").query(ROW).list();
    }

    List<Page> listPublished() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pages WHERE status = 'published' ORDER BY title, id").query(ROW).list();
    }

    Optional<Page> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pages WHERE id = :id").param("id", id).query(ROW).optional();
    }

    Optional<Page> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pages WHERE slug = :slug").param("slug", slug).query(ROW).optional();
    }

    /** The first published page among these slugs, in their order. */
    Optional<String> firstPublished(List<String> slugs) {
        List<String> found = jdbc.sql("SELECT slug FROM pages WHERE status = 'published' AND slug IN (:slugs)").param("slugs", slugs)
                .query(String.class).list();
        return slugs.stream().filter(found::contains).findFirst();
    }

    boolean slugTaken(String slug, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM pages WHERE slug = :slug AND id <> :id").param("slug", slug).param("id", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    long insert(PageDraft draft, String slug, Instant now) {
        return jdbc.sql("""
                        INSERT INTO pages (slug, title, body_markdown, status, created_at, updated_at, version)
                        VALUES (:slug, :title, :body, 'draft', :now, :now, 1) RETURNING id""")
                .param("slug", slug).param("title", draft.title()).param("body", draft.body()).param("now", SqlTime.of(now))
                .query(Long.class).single();
    }

    /** False when the page is no longer at {@code version}. */
    boolean update(long id, PageDraft draft, String slug, int version, Instant now) {
        return jdbc.sql("""
                        UPDATE pages SET slug = :slug, title = :title, body_markdown = :body, updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("slug", slug).param("title", draft.title()).param("body", draft.body()).param("now", SqlTime.of(now))
                .param("id", id).param("version", version).update() == 1;
    }

    /** Copies the working copy to the live one. */
    void publish(long id, Instant now) {
        jdbc.sql("""
                        UPDATE pages SET status = 'published', live_title = title, live_body = body_markdown,
                            published_at = COALESCE(published_at, :now), updated_at = :now, version = version + 1
                        WHERE id = :id""")
                .param("now", SqlTime.of(now)).param("id", id).update();
    }

    void unpublish(long id, Instant now) {
        jdbc.sql("""
                        UPDATE pages SET status = 'draft', live_title = NULL, live_body = NULL, published_at = NULL, updated_at = :now,
                            version = version + 1
                        WHERE id = :id""")
                .param("now", SqlTime.of(now)).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM page_revisions WHERE page_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM pages WHERE id = :id").param("id", id).update();
    }

    int addRevision(long pageId, Long staffId, String staffName, PageDraft draft, String slug, Instant now) {
        int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM page_revisions WHERE page_id = :id").param("id", pageId)
                .query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO page_revisions (page_id, number, staff_id, staff_name, created_at, title, slug, body_markdown)
                        VALUES (:page, :number, :staff, :name, :now, :title, :slug, :body)""")
                .param("page", pageId).param("number", number).param("staff", staffId).param("name", staffName).param("now", SqlTime.of(now))
                .param("title", draft.title()).param("slug", slug).param("body", draft.body()).update();
        return number;
    }

    List<PageRevision> revisions(long pageId) {
        return jdbc.sql("""
                        SELECT number, staff_name, created_at, title, slug, body_markdown FROM page_revisions
                        WHERE page_id = :id ORDER BY number DESC""")
                .param("id", pageId).query(REVISION).list();
    }

    Optional<PageRevision> revision(long pageId, int number) {
        return jdbc.sql("""
                        SELECT number, staff_name, created_at, title, slug, body_markdown FROM page_revisions
                        WHERE page_id = :id AND number = :number""")
                .param("id", pageId).param("number", number).query(REVISION).optional();
    }
}
