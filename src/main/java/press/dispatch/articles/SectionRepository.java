package press.dispatch.articles;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SectionRepository {

    private static final RowMapper<Section> ROW = (rs, n) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
            rs.getString("description"), rs.getInt("position"));

    private final JdbcClient jdbc;

    SectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Section> listAll() {
        return jdbc.sql("SELECT id, slug, name, description, position FROM sections ORDER BY position, id").query(ROW).list();
    }

    Optional<Section> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name, description, position FROM sections WHERE slug = :slug").param("slug", slug).query(ROW).optional();
    }

    Optional<Section> find(long id) {
        return jdbc.sql("SELECT id, slug, name, description, position FROM sections WHERE id = :id").param("id", id).query(ROW).optional();
    }

    /** The section that once had this slug, if it has another now. */
    Optional<Section> findByOldSlug(String slug) {
        return jdbc.sql("""
                SELECT s.id, s.slug, s.name, s.description, s.position FROM section_slugs o JOIN sections s ON s.id = o.section_id
                WHERE o.slug = :slug""").param("slug", slug).query(ROW).optional();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM sections WHERE slug = :slug AND id <> :id").param("slug", slug).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    /** Published, scheduled and draft articles filed in each section (trashed ones too: they come back to it). */
    java.util.Map<Long, Long> articleCounts() {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT section_id, COUNT(*) AS n FROM articles WHERE section_id IS NOT NULL GROUP BY section_id")
                .query((rs, n) -> counts.put(rs.getLong("section_id"), rs.getLong("n"))).list();
        return counts;
    }

    /** Changes name, slug and description; the old slug, if it changed, is kept to redirect from. */
    void update(Section before, String slug, String name, String description) {
        if (!before.slug().equals(slug)) {
            keepOldSlug(before.slug(), before.id());
            jdbc.sql("DELETE FROM section_slugs WHERE slug = :slug").param("slug", slug).update();
        }
        jdbc.sql("UPDATE sections SET slug = :slug, name = :name, description = :description WHERE id = :id")
                .param("slug", slug).param("name", name).param("description", description).param("id", before.id()).update();
    }

    void reorder(List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("UPDATE sections SET position = :position WHERE id = :id").param("position", i + 1).param("id", ids.get(i)).update();
        }
    }

    /** Moves the section's articles (and its addresses) to another, then deletes it. */
    void delete(Section gone, long into) {
        jdbc.sql("UPDATE articles SET section_id = :into WHERE section_id = :id").param("into", into).param("id", gone.id()).update();
        // A revision restored or published later must not name a section that is gone.
        jdbc.sql("UPDATE article_revisions SET section_id = :into WHERE section_id = :id").param("into", into).param("id", gone.id()).update();
        jdbc.sql("UPDATE section_slugs SET section_id = :into WHERE section_id = :id").param("into", into).param("id", gone.id()).update();
        jdbc.sql("DELETE FROM sections WHERE id = :id").param("id", gone.id()).update();
        keepOldSlug(gone.slug(), into);
    }

    /** Deletes a section no article is filed in. */
    void delete(Section gone) {
        jdbc.sql("UPDATE article_revisions SET section_id = NULL WHERE section_id = :id").param("id", gone.id()).update();
        jdbc.sql("DELETE FROM sections WHERE id = :id").param("id", gone.id()).update();
    }

    private void keepOldSlug(String slug, long sectionId) {
        jdbc.sql("DELETE FROM section_slugs WHERE slug = :slug").param("slug", slug).update();
        jdbc.sql("INSERT INTO section_slugs (slug, section_id) VALUES (:slug, :id)").param("slug", slug).param("id", sectionId).update();
    }

    Section insert(String slug, String name, String description) {
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM sections").query(Integer.class).single();
        jdbc.sql("DELETE FROM section_slugs WHERE slug = :slug").param("slug", slug).update();
        long id = jdbc.sql("INSERT INTO sections (slug, name, description, position) VALUES (:slug, :name, :description, :position) RETURNING id")
                .param("slug", slug).param("name", name).param("description", description).param("position", position)
                .query(Long.class).single();
        return new Section(id, slug, name, description, position);
    }
}
