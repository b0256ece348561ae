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

    Tag insert(String slug, String name) {
        long id = jdbc.sql("INSERT INTO tags (slug, name) VALUES (:slug, :name) RETURNING id").param("slug", slug).param("name", name)
                .query(Long.class).single();
        return new Tag(id, slug, name);
    }
}
