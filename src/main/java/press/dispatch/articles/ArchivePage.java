package press.dispatch.articles;

import java.util.List;

import press.dispatch.metadata.HeadMetadata;
import press.dispatch.site.Shell;

/** The archive index: every year with stories, newest first, and its months with their counts. */
public record ArchivePage(Shell shell, List<Year> years, HeadMetadata head) {

    public record Year(int year, String href, long count, List<Month> months) {
    }

    public record Month(String name, String href, long count) {
    }

    /** A date archive's address: {@code /2026/} for a year ({@code month} 0), {@code /2026/11/} for a month. */
    static String href(int year, int month) {
        return month == 0 ? String.format("/%04d/", year) : String.format("/%04d/%02d/", year, month);
    }
}
