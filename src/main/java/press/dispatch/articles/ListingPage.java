package press.dispatch.articles;

import press.dispatch.metadata.HeadMetadata;
import press.dispatch.site.Shell;

/** A paginated list of stories under a heading: a section, a tag, an author (with their portrait, if any), or everything. */
public record ListingPage(Shell shell, String kind, String heading, String description, String path, StoryList list, Figure portrait,
                          HeadMetadata head) {

    public String kindLabel() {
        return switch (kind) {
            case "section" -> "Section";
            case "tag" -> "Tag";
            case "author" -> "Author";
            case "archive" -> "Archive";
            default -> "All stories";
        };
    }

    /** The address of this listing's feed; empty for the list of all stories, whose feed is the site's. */
    public String feed() {
        return kind.equals("section") || kind.equals("tag") || kind.equals("author") ? path + "/feed" : "";
    }

    public String pageHref(int page) {
        return page == 1 ? path : path + "?page=" + page;
    }
}
