package press.dispatch.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.DashboardActivity;
import press.dispatch.admin.DashboardChart;
import press.dispatch.platform.SqlTime;

/**
 * Articles on the dashboard: published articles per day, and the latest published, scheduled and submitted ones
 * (scheduled and submitted only for editors, who act on them).
 */
@Component
class ArticlesDashboard implements DashboardChart, DashboardActivity {

    private final JdbcClient jdbc;

    ArticlesDashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Chart> chart(Staff staff, Window window) {
        List<Instant> published = jdbc.sql("""
                SELECT published_at FROM articles
                WHERE status = 'published' AND trashed_at IS NULL AND published_at >= :start AND published_at < :end
                """).param("start", SqlTime.of(window.start())).param("end", SqlTime.of(window.end()))
                .query((rs, n) -> SqlTime.read(rs, "published_at")).list();
        return Optional.of(new Chart(30, "Articles published per day", List.of("published"), window.perDay(List.of(published))));
    }

    @Override
    public List<Event> recent(Staff staff, int limit) {
        List<Event> events = new ArrayList<>(jdbc.sql("""
                SELECT slug, headline, published_at FROM articles WHERE status = 'published' AND trashed_at IS NULL
                ORDER BY published_at DESC, id DESC LIMIT :limit
                """).param("limit", limit)
                .query((rs, n) -> new Event(SqlTime.read(rs, "published_at"), "published", rs.getString("headline"), "/articles/" + rs.getString("slug")))
                .list());
        if (staff.can(Permission.PUBLISH_ANY)) {
            events.addAll(jdbc.sql("""
                    SELECT id, headline, updated_at FROM articles WHERE status = 'scheduled' AND trashed_at IS NULL
                    ORDER BY updated_at DESC, id DESC LIMIT :limit
                    """).param("limit", limit)
                    .query((rs, n) -> new Event(SqlTime.read(rs, "updated_at"), "scheduled", rs.getString("headline"), "/admin/articles/" + rs.getLong("id")))
                    .list());
            events.addAll(jdbc.sql("""
                    SELECT id, headline, updated_at FROM articles WHERE review_state = 'submitted' AND trashed_at IS NULL
                    ORDER BY updated_at DESC, id DESC LIMIT :limit
                    """).param("limit", limit)
                    .query((rs, n) -> new Event(SqlTime.read(rs, "updated_at"), "submitted", rs.getString("headline"), "/admin/review")).list());
        }
        return events;
    }
}
