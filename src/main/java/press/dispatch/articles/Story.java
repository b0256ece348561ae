package press.dispatch.articles;

import java.util.List;

/**
 * A published article with everything its page shows. {@code updated} is set only when it changed after
 * publication in a way readers are told about; {@code search} is what the editor set for search and sharing.
 */
public record Story(Article article, Section section, List<Author> authors, List<Tag> tags, Figure featured, Dateline published,
                    Dateline updated, SearchOverrides search) {

    public String href() {
        return "/articles/" + article.slug();
    }
}
