package press.dispatch.pages;

/** The page editor's form, kept as typed so a refused save comes back with every field refilled. */
public record PageForm(String title, String slug, String body, int version) {

    public PageForm {
        title = title == null ? "" : title;
        slug = slug == null ? "" : slug;
        body = body == null ? "" : body;
    }

    static PageForm of(Page page) {
        return new PageForm(page.title(), page.slug(), page.bodyMarkdown(), page.version());
    }

    PageDraft draft() {
        return new PageDraft(title, slug, body);
    }
}
