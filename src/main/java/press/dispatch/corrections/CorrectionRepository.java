package press.dispatch.corrections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class CorrectionRepository {

    private static final String COLUMNS = "id, article_id, kind, body, created_at, staff_name, amended_at, emailed";

    private final JdbcClient jdbc;

    CorrectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long articleId, Correction.Kind kind, String text, Instant at, long staffId, String staffName) {
        return jdbc.sql("""
                INSERT INTO corrections (article_id, kind, body, created_at, staff_id, staff_name)
                VALUES (:article, :kind, :body, :at, :staff, :name) RETURNING id""")
                .param("article", articleId).param("kind", kind.column()).param("body", text).param("at", SqlTime.of(at))
                .param("staff", staffId).param("name", staffName).query(Long.class).single();
    }

    /** Keeps the current wording as an amendment, then replaces it. */
    void amend(Correction before, Correction.Kind kind, String text, Instant at, long staffId, String staffName) {
        jdbc.sql("""
                INSERT INTO correction_amendments (correction_id, kind, body, replaced_at, staff_id, staff_name)
                VALUES (:id, :kind, :body, :at, :staff, :name)
                """).param("id", before.id()).param("kind", before.kind().column()).param("body", before.text()).param("at", SqlTime.of(at))
                .param("staff", staffId).param("name", staffName).update();
        jdbc.sql("UPDATE corrections SET kind = :kind, body = :body, amended_at = :at WHERE id = :id")
                .param("kind", kind.column()).param("body", text).param("at", SqlTime.of(at)).param("id", before.id()).update();
    }

    void countEmailed(long id, int count) {
        jdbc.sql("UPDATE corrections SET emailed = emailed + :n WHERE id = :id").param("n", count).param("id", id).update();
    }

    Optional<Correction> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM corrections WHERE id = :id").param("id", id).query(CorrectionRepository::row).optional();
    }

    List<Correction> listByArticle(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM corrections WHERE article_id = :article ORDER BY created_at, id")
                .param("article", articleId).query(CorrectionRepository::row).list();
    }

    /** Newest first, across the site. */
    List<Correction> listNewest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM corrections ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("limit", limit).query(CorrectionRepository::row).list();
    }

    /** Earlier wordings, oldest first. */
    List<Correction.Amendment> amendments(long id) {
        return jdbc.sql("SELECT kind, body, replaced_at, staff_name FROM correction_amendments WHERE correction_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new Correction.Amendment(Correction.Kind.parse(rs.getString("kind")), rs.getString("body"),
                        SqlTime.read(rs, "replaced_at"), rs.getString("staff_name")))
                .list();
    }

    private static Correction row(ResultSet rs, int n) throws SQLException {
        return new Correction(rs.getLong("id"), rs.getLong("article_id"), Correction.Kind.parse(rs.getString("kind")), rs.getString("body"),
                SqlTime.read(rs, "created_at"), rs.getString("staff_name"), SqlTime.read(rs, "amended_at"), rs.getInt("emailed"));
    }
}
