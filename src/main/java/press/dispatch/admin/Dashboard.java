package press.dispatch.admin;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import press.dispatch.accounts.Staff;
import press.dispatch.site.SiteSettings;

/** Gathers the features' charts and recent activity for the dashboard, over the last 30 days in the site's time zone. */
@Component
class Dashboard {

    static final int DAYS = 30;
    static final int ACTIVITY = 15;

    private final List<DashboardChart> charts;
    private final List<DashboardActivity> activity;
    private final SiteSettings settings;
    private final Clock clock;

    Dashboard(List<DashboardChart> charts, List<DashboardActivity> activity, SiteSettings settings, Clock clock) {
        this.charts = charts;
        this.activity = activity;
        this.settings = settings;
        this.clock = clock;
    }

    List<ChartDrawing> charts(Staff staff) {
        DashboardChart.Window window = DashboardChart.Window.lastDays(DAYS, clock.instant(), settings.current().zone());
        List<DashboardChart.Chart> shown = charts.stream().map(c -> c.chart(staff, window)).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(DashboardChart.Chart::position)).toList();
        return java.util.stream.IntStream.range(0, shown.size()).mapToObj(i -> ChartDrawing.of("chart-" + (i + 1), shown.get(i))).toList();
    }

    List<DashboardActivity.Event> activity(Staff staff) {
        return activity.stream().flatMap(a -> a.recent(staff, ACTIVITY).stream())
                .sorted(Comparator.comparing(DashboardActivity.Event::at).reversed()).limit(ACTIVITY).toList();
    }
}
