package press.dispatch.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class StaffRepository {

    /** An account with what sign-in needs. */
    record Row(Account account, String passwordHash, int sessionStamp) {
        Staff staff() {
            return new Staff(account.id(), account.email(), account.displayName(), account.role(), sessionStamp, null);
        }
    }

    private static final String COLUMNS = "id, email, display_name, role, status, password_hash, session_stamp, created_at";

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countActive() {
        return jdbc.sql("SELECT COUNT(*) FROM staff WHERE status = 'active'").query(Long.class).single();
    }

    Optional<Row> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE email = :email").param("email", email).query(this::row).optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE id = :id").param("id", id).query(this::row).optional();
    }

    List<Account> listAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff ORDER BY status, display_name, id").query(this::row).list().stream()
                .map(Row::account).toList();
    }

    long insert(String email, String displayName, Role role, String status, String passwordHash, Long invitedBy, Instant now) {
        return jdbc.sql("""
                INSERT INTO staff (email, display_name, role, status, password_hash, invited_by, created_at)
                VALUES (:email, :name, :role, :status, :hash, :invitedBy, :now) RETURNING id
                """).param("email", email).param("name", displayName).param("role", role.column()).param("status", status)
                .param("hash", passwordHash).param("invitedBy", invitedBy).param("now", SqlTime.of(now))
                .query(Long.class).single();
    }

    void reinvite(long id, String displayName, Role role) {
        jdbc.sql("UPDATE staff SET display_name = :name, role = :role WHERE id = :id AND status = 'invited'")
                .param("id", id).param("name", displayName).param("role", role.column()).update();
    }

    boolean activate(long id, String displayName, String passwordHash) {
        return jdbc.sql("""
                UPDATE staff SET status = 'active', display_name = :name, password_hash = :hash, session_stamp = session_stamp + 1
                WHERE id = :id AND status = 'invited'
                """).param("id", id).param("name", displayName).param("hash", passwordHash).update() == 1;
    }

    /** Sets a new password and a new session stamp, which signs out every session holding the old one. */
    void changePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE staff SET password_hash = :hash, session_stamp = session_stamp + 1 WHERE id = :id")
                .param("id", id).param("hash", passwordHash).update();
    }

    void rename(long id, String displayName) {
        jdbc.sql("UPDATE staff SET display_name = :name WHERE id = :id").param("id", id).param("name", displayName).update();
    }

    void changeRole(long id, Role role) {
        jdbc.sql("UPDATE staff SET role = :role, session_stamp = session_stamp + 1 WHERE id = :id").param("id", id).param("role", role.column())
                .update();
    }

    void changeStatus(long id, String status) {
        jdbc.sql("UPDATE staff SET status = :status, session_stamp = session_stamp + 1 WHERE id = :id AND status <> 'invited'")
                .param("id", id).param("status", status).update();
    }

    void deleteInvitation(long id) {
        jdbc.sql("DELETE FROM staff WHERE id = :id AND status = 'invited'").param("id", id).update();
    }

    /**
     * Keeps the row (API keys and invitations name it) but nothing of the person: a placeholder address, no name,
     * a password nothing matches, disabled, and every session signed out.
     */
    void anonymise(long id) {
        jdbc.sql("""
                UPDATE staff SET email = :placeholder, display_name = 'Erased account', status = 'disabled', password_hash = 'erased',
                       session_stamp = session_stamp + 1
                WHERE id = :id
                """).param("id", id).param("placeholder", "erased-" + id + "@erased.invalid").update();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Account account = new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), Role.ofColumn(rs.getString("role")),
                rs.getString("status"), SqlTime.read(rs, "created_at"));
        return new Row(account, rs.getString("password_hash"), rs.getInt("session_stamp"));
    }
}
