package press.dispatch.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import press.dispatch.accounts.Staff;

/**
 * A feature's chart on the dashboard: a few series of counts, one bar group per day or per item. The dashboard
 * draws it as SVG on the server, with its figures as a table for screen readers.
 */
public interface DashboardChart {

    /** Empty when this staff member may not see it. */
    Optional<Chart> chart(Staff staff, Window window);

    /**
     * The days the dashboard shows, in the site's time zone, oldest first; {@code start} and {@code end} bound
     * them ({@code end} excluded).
     */
    record Window(List<LocalDate> days, ZoneId zone, Instant start, Instant end) {

        /** The last {@code count} days up to and including the day {@code now} falls on. */
        public static Window lastDays(int count, Instant now, ZoneId zone) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            List<LocalDate> days = new ArrayList<>();
            for (int i = count - 1; i >= 0; i--) {
                days.add(today.minusDays(i));
            }
            return new Window(List.copyOf(days), zone, days.get(0).atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant());
        }

        /** Which day a moment falls on, or -1 outside the window. */
        public int dayOf(Instant at) {
            return at.isBefore(start) || !at.isBefore(end) ? -1 : days.indexOf(LocalDate.ofInstant(at, zone));
        }

        /** Counts per day from the moments given, one list per series. */
        public List<Bar> perDay(List<List<Instant>> series) {
            long[][] counts = new long[days.size()][series.size()];
            for (int s = 0; s < series.size(); s++) {
                for (Instant at : series.get(s)) {
                    int day = dayOf(at);
                    if (day >= 0) {
                        counts[day][s]++;
                    }
                }
            }
            List<Bar> bars = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                List<Long> values = new ArrayList<>();
                for (long c : counts[d]) {
                    values.add(c);
                }
                bars.add(new Bar(days.get(d).toString(), List.copyOf(values)));
            }
            return bars;
        }
    }

    /**
     * @param position where it comes on the dashboard, lower first
     * @param series   the name of each value in a bar group, such as "confirmed" and "unsubscribed"
     */
    record Chart(int position, String title, List<String> series, List<Bar> bars) {
    }

    /** One group of bars: its label (a day as 2026-11-30, or an issue's subject) and one value per series. */
    record Bar(String label, List<Long> values) {
    }
}
