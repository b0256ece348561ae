package press.dispatch.live;

/**
 * An entry as a page shows it. {@code bodyHtml} is safe to emit (Markdown with raw HTML escaped); {@code photo} is
 * null without one; {@code edited} is null unless the entry was edited.
 */
public record EntryView(long id, String anchor, Moment posted, Moment edited, String staffName, String bodyHtml, Photo photo, String quote,
                        String quoteSource, String embedUrl, String embedLabel, boolean pinned, String summary) {

    /** A moment: for {@code <time datetime>}, and in words in the site's time zone. */
    public record Moment(String iso, String display) {
    }

    public record Photo(String src, String srcset, int width, int height, String alt, String caption, String credit) {
    }
}
