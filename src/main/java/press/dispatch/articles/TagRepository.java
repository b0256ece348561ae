package press.dispatch.articles;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository {

    private static final RowMapper<Tag> ROW = (rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"));

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Tag> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name FROM tags WHERE slug = :slug").param("slug", slug).query(ROW).optional();
    }

    List<Tag> listByArticle(long articleId) {
        return jdbc.sql("SELECT t.id, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = :id ORDER BY t.name")
                .param("id", articleId).query(ROW).list();
    }

    Optional<Tag> find(long id) {
        return jdbc.sql("SELECT id, slug, name FROM tags WHERE id = :id").param("id", id).query(ROW).optional();
    }

    /** The tag that once had this slug (renamed, or merged into it). */
    Optional<Tag> findByOldSlug(String slug) {
        return jdbc.sql("SELECT t.id, t.slug, t.name FROM tag_slugs o JOIN tags t ON t.id = o.tag_id WHERE o.slug = :slug")
                .param("slug", slug).query(ROW).optional();
    }

    record Counted(Tag tag, long articles) {
    }

    /** Every tag with the number of articles (in any state) that carry it, by name. */
    List<Counted> listCounted() {
        return jdbc.sql("""
                SELECT t.id, t.slug, t.name, (SELECT COUNT(*) FROM article_tags at WHERE at.tag_id = t.id) AS n
                FROM tags t ORDER BY LOWER(t.name), t.id""")
                .query((rs, n) -> new Counted(ROW.mapRow(rs, n), rs.getLong("n"))).list();
    }

    /** Ids of the articles carrying this tag: their pages show it. */
    List<Long> articleIds(long tagId) {
        return jdbc.sql("SELECT article_id FROM article_tags WHERE tag_id = :id").param("id", tagId).query(Long.class).list();
    }

    void rename(Tag before, String slug, String name) {
        if (!before.slug().equals(slug)) {
            keepOldSlug(before.slug(), before.id());
            jdbc.sql("DELETE FROM tag_slugs WHERE slug = :slug").param("slug", slug).update();
        }
        jdbc.sql("UPDATE tags SET slug = :slug, name = :name WHERE id = :id").param("slug", slug).param("name", name).param("id", before.id())
                .update();
    }

    /** Every article of {@code gone} carries {@code into} instead; gone's addresses redirect to into's. */
    void merge(Tag gone, Tag into) {
        jdbc.sql("""
                INSERT INTO article_tags (article_id, tag_id)
                SELECT article_id, :into FROM article_tags WHERE tag_id = :gone
                AND article_id NOT IN (SELECT article_id FROM article_tags WHERE tag_id = :into)""")
                .param("into", into.id()).param("gone", gone.id()).update();
        jdbc.sql("UPDATE tag_slugs SET tag_id = :into WHERE tag_id = :gone").param("into", into.id()).param("gone", gone.id()).update();
        delete(gone);
        keepOldSlug(gone.slug(), into.id());
    }

    /** Takes the tag off every article (their other tags stay) and deletes it. */
    void delete(Tag gone) {
        jdbc.sql("DELETE FROM article_tags WHERE tag_id = :id").param("id", gone.id()).update();
        jdbc.sql("DELETE FROM tag_slugs WHERE tag_id = :id").param("id", gone.id()).update();
        jdbc.sql("DELETE FROM tags WHERE id = :id").param("id", gone.id()).update();
    }

    private void keepOldSlug(String slug, long tagId) {
        jdbc.sql("DELETE FROM tag_slugs WHERE slug = :slug").param("slug", slug).update();
        jdbc.sql("INSERT INTO tag_slugs (slug, tag_id) VALUES (:slug, :id)").param("slug", slug).param("id", tagId).update();
    }

    Tag insert(String slug, String name) {
        jdbc.sql("DELETE FROM tag_slugs WHERE slug = :slug").param("slug", slug).update();
        long id = jdbc.sql("INSERT INTO tags (slug, name) VALUES (:slug, :name) RETURNING id").param("slug", slug).param("name", name)
                .query(Long.class).single();
        return new Tag(id, slug, name);
    }
}
