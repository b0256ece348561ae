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
 */
public record ArticleFacts(String path, String headline, String searchTitle, String description, List<SocialImage> images, Link section,
                           List<String> tags, List<Link> authors, Instant published, Instant modified) {

    /** A named page of the site: a section, an author. */
    public record Link(String name, String path) {
    }
}
