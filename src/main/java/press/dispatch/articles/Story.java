package press.dispatch.articles;

import java.util.List;

/** A published article with everything its page shows. */
public record Story(Article article, Section section, List<Author> authors, List<Tag> tags, Figure featured, Dateline published,
                    Dateline updated) {

    public String href() {
        return "/articles/" + article.slug();
    }
}
