package press.dispatch.metadata;

import java.time.Instant;
import java.util.List;

/**
 * What an article page is about, as its head describes it. Paths are site-relative.
 *
 * @param searchTitle   the editor's search title, or empty for the headline
 * @param description   the search description (the editor's, else the standfirst)
 * @param images        the same picture in several sizes, largest first; empty for none
 * @param section       null when the article has no section
 * @param modified      when the article last changed in a way readers are told about (the publication time if never)
 * @param corrections   corrections published on the article, oldest first
 */
public record ArticleFacts(String path, String headline, String searchTitle, String description, List<SocialImage> images, Link section,
                           List<String> tags, List<Link> authors, Instant published, Instant modified, List<Correction> corrections) {

    public ArticleFacts(String path, String headline, String searchTitle, String description, List<SocialImage> images, Link section,
                        List<String> tags, List<Link> authors, Instant published, Instant modified) {
        this(path, headline, searchTitle, description, images, section, tags, authors, published, modified, List.of());
    }

    /** A correction as structured data gives it ({@code CorrectionComment}): its text and when it was published. */
    public record Correction(String text, Instant published) {
    }

    /** A named page of the site: a section, an author. */
    public record Link(String name, String path) {
    }
}
