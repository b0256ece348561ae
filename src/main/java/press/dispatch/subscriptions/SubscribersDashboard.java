package press.dispatch.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.DashboardChart;
import press.dispatch.platform.SqlTime;

/** New confirmed subscribers and unsubscribes per day, for those who manage subscribers. */
@Component
class SubscribersDashboard implements DashboardChart {

    private final JdbcClient jdbc;

    SubscribersDashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Chart> chart(Staff staff, Window window) {
        if (!staff.can(Permission.SUBSCRIBERS)) {
            return Optional.empty();
        }
        return Optional.of(new Chart(10, "Subscribers per day", List.of("confirmed", "unsubscribed"),
                window.perDay(List.of(moments("confirmed_at", window), moments("unsubscribed_at", window)))));
    }

    /** {@code column} is one of two constants above, never input. */
    private List<Instant> moments(String column, Window window) {
        return jdbc.sql("SELECT " + column + " AS at FROM subscribers WHERE " + column + " >= :start AND " + column + " < :end")
                .param("start", SqlTime.of(window.start())).param("end", SqlTime.of(window.end()))
                .query((rs, n) -> SqlTime.read(rs, "at")).list();
    }
}
