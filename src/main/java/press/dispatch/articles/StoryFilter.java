package press.dispatch.articles;

/** Which stories a feed lists: all of them, or those of one section, tag or author. */
public final class StoryFilter {

    private final ArticleRepository.Filter filter;

    private StoryFilter(ArticleRepository.Filter filter) {
        this.filter = filter;
    }

    public static StoryFilter everything() {
        return new StoryFilter(ArticleRepository.Filter.ALL);
    }

    public static StoryFilter section(long id) {
        return new StoryFilter(ArticleRepository.Filter.section(id));
    }

    public static StoryFilter tag(long id) {
        return new StoryFilter(ArticleRepository.Filter.tag(id));
    }

    public static StoryFilter author(long id) {
        return new StoryFilter(ArticleRepository.Filter.author(id));
    }

    ArticleRepository.Filter filter() {
        return filter;
    }
}
