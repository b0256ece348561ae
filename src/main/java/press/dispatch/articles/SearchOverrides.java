package press.dispatch.articles;

/**
 * What an editor set for search results and sharing cards instead of the defaults (the headline, the standfirst,
 * the featured photo). Empty texts and a null photo mean "use the default".
 */
public record SearchOverrides(String title, String description, Long socialMediaId) {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 300;
    static final SearchOverrides NONE = new SearchOverrides("", "", null);

    public SearchOverrides {
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description.strip().replaceAll("\\s+", " ");
    }
}
