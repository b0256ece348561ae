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

    Section insert(String slug, String name, String description) {
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM sections").query(Integer.class).single();
        long id = jdbc.sql("INSERT INTO sections (slug, name, description, position) VALUES (:slug, :name, :description, :position) RETURNING id")
                .param("slug", slug).param("name", name).param("description", description).param("position", position)
                .query(Long.class).single();
        return new Section(id, slug, name, description, position);
    }
}
