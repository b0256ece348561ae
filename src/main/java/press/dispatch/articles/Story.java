package press.dispatch.articles;

import java.util.List;

import press.dispatch.metadata.SocialImage;

/**
 * A published article with everything its page shows. {@code updated} is set only when it changed after
 * publication in a way readers are told about; {@code search} is what the editor set for search and sharing;
 * {@code images} are the pictures its page gives search engines and sharing cards (the editor's social image, else the
 * featured photo, in each shape they ask for; empty for none).
 */
public record Story(Article article, Section section, List<Author> authors, List<Tag> tags, Figure featured, Dateline published,
                    Dateline updated, SearchOverrides search, List<SocialImage> images) {

    public String href() {
        return "/articles/" + article.slug();
    }
}
