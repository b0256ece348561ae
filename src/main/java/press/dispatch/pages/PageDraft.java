package press.dispatch.pages;

/** What an editor writes: an empty slug is made from the title. */
public record PageDraft(String title, String slug, String body) {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 200_000;

    public PageDraft {
        title = title == null ? "" : title.strip();
        slug = slug == null ? "" : slug.strip();
        body = body == null ? "" : body;
    }
}
