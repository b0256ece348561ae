package press.dispatch.site;

import java.util.Locale;

/** The WCAG 2 contrast ratio between two {@code #rrggbb} colours, from 1:1 (the same) to 21:1 (black on white). */
public final class Contrast {

    /** The background of the public pages ({@code --paper} in site.css). */
    public static final String PAGE_BACKGROUND = "#ffffff";

    /** WCAG AA for normal-size text. */
    public static final double AA_TEXT = 4.5;

    private Contrast() {
    }

    public static double ratio(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /**
     * The ratio written as WCAG tools write it, rounded down to two decimals so that a refused colour never reads
     * as exactly the 4.5:1 it failed to reach.
     */
    public static String written(double ratio) {
        return String.format(Locale.ROOT, "%.2f:1", Math.floor(ratio * 100) / 100);
    }

    private static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
