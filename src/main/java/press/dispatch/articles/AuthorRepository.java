package press.dispatch.articles;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class AuthorRepository {

    private static final RowMapper<Author> ROW = (rs, n) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"),
            rs.getString("bio"));

    private final JdbcClient jdbc;

    AuthorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Author> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, display_name, bio FROM authors WHERE slug = :slug").param("slug", slug).query(ROW).optional();
    }

    List<Author> listByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, slug, display_name, bio FROM authors WHERE id IN (:ids)").param("ids", List.copyOf(ids)).query(ROW).list();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM authors WHERE slug = :slug").param("slug", slug).query(Long.class).single() > 0;
    }

    Author insert(String slug, String displayName, String bio, Instant now) {
        long id = jdbc.sql("INSERT INTO authors (slug, display_name, bio, created_at) VALUES (:slug, :name, :bio, :now) RETURNING id")
                .param("slug", slug).param("name", displayName).param("bio", bio).param("now", SqlTime.of(now))
                .query(Long.class).single();
        return new Author(id, slug, displayName, bio);
    }
}
