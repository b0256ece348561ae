package press.dispatch.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DashboardChart.Chart} laid out as SVG shapes: grouped bars over a baseline, a top tick at the largest
 * value. Colours come from CSS classes per series and text uses currentColor, so it reads in dark and light.
 */
public record ChartDrawing(String id, DashboardChart.Chart chart, int width, int height, long max, List<Rect> rects, List<Label> labels) {

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    static final int LEFT = 40;
    static final int BOTTOM = 28;
    static final int TOP = 12;

    public record Rect(double x, double y, double width, double height, int series, String title) {
    }

    public record Label(double x, String text) {
    }

    public int baseline() {
        return HEIGHT - BOTTOM;
    }

    public int left() {
        return LEFT;
    }

    public int top() {
        return TOP;
    }

    public long total(int series) {
        return chart.bars().stream().mapToLong(b -> b.values().get(series)).sum();
    }

    static ChartDrawing of(String id, DashboardChart.Chart chart) {
        List<DashboardChart.Bar> bars = chart.bars();
        long max = Math.max(1, bars.stream().flatMap(b -> b.values().stream()).mapToLong(Long::longValue).max().orElse(0));
        int seriesCount = chart.series().size();
        double plotWidth = WIDTH - LEFT - 8;
        double plotHeight = HEIGHT - BOTTOM - TOP;
        double group = bars.isEmpty() ? plotWidth : plotWidth / bars.size();
        double bar = group * 0.8 / Math.max(1, seriesCount);
        List<Rect> rects = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(bars.size() / 6.0));
        for (int i = 0; i < bars.size(); i++) {
            DashboardChart.Bar b = bars.get(i);
            double x0 = LEFT + i * group + group * 0.1;
            for (int s = 0; s < seriesCount; s++) {
                long value = b.values().get(s);
                double h = value * plotHeight / max;
                rects.add(new Rect(round(x0 + s * bar), round(HEIGHT - BOTTOM - h), round(Math.max(bar - 1, 1)), round(h), s,
                        b.label() + ": " + value + " " + chart.series().get(s)));
            }
            if (i % every == 0 || i == bars.size() - 1) {
                labels.add(new Label(round(LEFT + i * group + group / 2), shortLabel(b.label())));
            }
        }
        return new ChartDrawing(id, chart, WIDTH, HEIGHT, max, rects, labels);
    }

    /** A day as "30 Nov"; anything else cut to fit. */
    private static String shortLabel(String label) {
        if (label.matches("\\d{4}-\\d{2}-\\d{2}")) {
            java.time.LocalDate day = java.time.LocalDate.parse(label);
            return day.getDayOfMonth() + " " + day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        }
        return label.length() > 14 ? label.substring(0, 13) + "…" : label;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
