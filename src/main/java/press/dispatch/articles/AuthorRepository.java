package press.dispatch.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class AuthorRepository {

    static final RowMapper<Author> ROW = (rs, n) -> {
        long photo = rs.getLong("photo_media_id");
        return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"), rs.getString("bio"), rs.wasNull() ? null : photo);
    };

    private final JdbcClient jdbc;

    AuthorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Author> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, display_name, bio, photo_media_id FROM authors WHERE slug = :slug").param("slug", slug).query(ROW).optional();
    }

    Optional<Author> find(long id) {
        return jdbc.sql("SELECT id, slug, display_name, bio, photo_media_id FROM authors WHERE id = :id").param("id", id).query(ROW).optional();
    }

    void update(long id, String displayName, String bio, Long photoMediaId) {
        jdbc.sql("UPDATE authors SET display_name = :name, bio = :bio, photo_media_id = :photo WHERE id = :id")
                .param("id", id).param("name", displayName).param("bio", bio).param("photo", photoMediaId).update();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM authors WHERE slug = :slug").param("slug", slug).query(Long.class).single() > 0;
    }

    Author insert(String slug, String displayName, String bio, Instant now) {
        long id = jdbc.sql("INSERT INTO authors (slug, display_name, bio, created_at) VALUES (:slug, :name, :bio, :now) RETURNING id")
                .param("slug", slug).param("name", displayName).param("bio", bio).param("now", SqlTime.of(now))
                .query(Long.class).single();
        return new Author(id, slug, displayName, bio, null);
    }
}
