package press.dispatch.newsletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.DashboardChart;
import press.dispatch.admin.DashboardPanel;

/** Newsletters on the dashboard: issues still sending, and messages sent and failed for each of the latest issues. */
@Component
class NewsletterDashboard implements DashboardChart, DashboardPanel {

    static final int ISSUES = 10;

    private final JdbcClient jdbc;

    NewsletterDashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String heading() {
        return "Newsletters";
    }

    @Override
    public List<Line> lines(Staff staff) {
        if (!staff.can(Permission.SUBSCRIBERS)) {
            return List.of();
        }
        long sending = jdbc.sql("SELECT COUNT(*) FROM newsletter_issues WHERE status IN ('preparing', 'sending')").query(Long.class).single();
        return List.of(new Line("issues sending", sending, "/admin/newsletters"));
    }

    /** The latest issues of the window, oldest of them first; "sent" means an SMTP server accepted the message. */
    @Override
    public Optional<Chart> chart(Staff staff, Window window) {
        if (!staff.can(Permission.SUBSCRIBERS)) {
            return Optional.empty();
        }
        List<Bar> bars = new ArrayList<>(jdbc.sql("""
                SELECT i.id, i.subject,
                       (SELECT COUNT(*) FROM deliveries d WHERE d.issue_id = i.id AND d.status = 'sent') AS sent,
                       (SELECT COUNT(*) FROM deliveries d WHERE d.issue_id = i.id AND d.status = 'failed') AS failed
                FROM newsletter_issues i WHERE i.created_at >= :start ORDER BY i.created_at DESC, i.id DESC LIMIT :limit
                """).param("start", press.dispatch.platform.SqlTime.of(window.start())).param("limit", ISSUES)
                .query((rs, n) -> new Bar("#" + rs.getLong("id") + " " + rs.getString("subject"), List.of(rs.getLong("sent"), rs.getLong("failed"))))
                .list());
        java.util.Collections.reverse(bars);
        return Optional.of(new Chart(40, "Newsletter delivery per issue", List.of("sent", "failed"), bars));
    }
}
