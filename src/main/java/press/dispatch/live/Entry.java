package press.dispatch.live;

import java.time.Instant;

/**
 * One timestamped update of a live page. {@code bodyHtml} is the Markdown rendered with raw HTML escaped; the other
 * parts are empty (or null) when not used. {@code sequence} is the number of the entry's latest change.
 */
public record Entry(long id, long articleId, String bodyMarkdown, String bodyHtml, Long mediaId, String quoteText, String quoteSource,
                    String embedUrl, boolean pinned, long staffId, String staffName, Instant postedAt, Instant editedAt, Instant deletedAt,
                    long sequence) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
