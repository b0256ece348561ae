package press.dispatch.articles;

/** A story in a list: home page, section, tag and author pages. */
public record StoryCard(long id, String href, String headline, String standfirst, Dateline published, Section section, Figure photo,
                        long comments) {
}
