package press.dispatch.comments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.DashboardActivity;
import press.dispatch.admin.DashboardChart;
import press.dispatch.platform.SqlTime;

/** Comments on the dashboard, for moderators: comments received per day (spam left out) and the latest ones. */
@Component
class CommentsDashboard implements DashboardChart, DashboardActivity {

    private final JdbcClient jdbc;

    CommentsDashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Chart> chart(Staff staff, Window window) {
        if (!staff.can(Permission.MODERATE)) {
            return Optional.empty();
        }
        List<Instant> received = jdbc.sql("SELECT created_at FROM comments WHERE status <> 'spam' AND created_at >= :start AND created_at < :end")
                .param("start", SqlTime.of(window.start())).param("end", SqlTime.of(window.end()))
                .query((rs, n) -> SqlTime.read(rs, "created_at")).list();
        return Optional.of(new Chart(20, "Comments per day", List.of("comments"), window.perDay(List.of(received))));
    }

    @Override
    public List<Event> recent(Staff staff, int limit) {
        if (!staff.can(Permission.MODERATE)) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT author_name, body, status, created_at FROM comments WHERE status IN ('pending', 'approved')
                ORDER BY created_at DESC, id DESC LIMIT :limit
                """).param("limit", limit)
                .query((rs, n) -> new Event(SqlTime.read(rs, "created_at"), "commented", rs.getString("author_name") + ": " + excerpt(rs.getString("body")),
                        "/admin/comments?status=" + rs.getString("status"))).list();
    }

    private static String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }
}
