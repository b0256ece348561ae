package press.dispatch.accounts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

/** "Forgot your password?" requests waiting for the worker, as typed: nothing here says whether an account has the address. */
@Repository
class ResetRequests {

    record Request(long id, String email) {
    }

    private final JdbcClient jdbc;

    ResetRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String email, Instant at) {
        jdbc.sql("INSERT INTO password_reset_requests (email, requested_at) VALUES (:email, :at)")
                .param("email", email).param("at", SqlTime.of(at)).update();
    }

    List<Request> listWaiting(int limit) {
        return jdbc.sql("SELECT id, email FROM password_reset_requests ORDER BY id LIMIT :limit").param("limit", limit)
                .query((rs, n) -> new Request(rs.getLong("id"), rs.getString("email"))).list();
    }

    /** Takes a request for this node; false when another node took it first. */
    boolean claim(long id) {
        return jdbc.sql("DELETE FROM password_reset_requests WHERE id = :id").param("id", id).update() == 1;
    }
}
