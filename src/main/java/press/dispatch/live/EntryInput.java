package press.dispatch.live;

/**
 * What a staff member writes for an entry: at least one of text (Markdown), a photo from the library, a quote or an
 * embed link (kept as a link, never embedded as a frame).
 */
public record EntryInput(String text, Long mediaId, String quote, String quoteSource, String embedUrl, boolean pinned) {

    public EntryInput {
        text = text == null ? "" : text.strip();
        quote = quote == null ? "" : quote.strip();
        quoteSource = quoteSource == null ? "" : quoteSource.strip();
        embedUrl = embedUrl == null ? "" : embedUrl.strip();
    }

    static EntryInput text(String text) {
        return new EntryInput(text, null, "", "", "", false);
    }
}
