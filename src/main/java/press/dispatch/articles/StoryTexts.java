package press.dispatch.articles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import press.dispatch.platform.SqlTime;

/**
 * The words of public stories as plain text, for features that index them (search). Only what readers may see:
 * an article that is not public has no text here.
 */
@Service
public class StoryTexts {

    private final Stories stories;
    private final JdbcClient jdbc;
    private final Clock clock;

    StoryTexts(Stories stories, JdbcClient jdbc, Clock clock) {
        this.stories = stories;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One story's searchable text.
     *
     * @param captions the featured photo's caption and credit (the article's own, else the library's)
     * @param updatedAt when the article last changed; a copy older than this is stale
     */
    public record StoryText(long id, String slug, String headline, String standfirst, String body, List<String> tags, Long sectionId,
                            String sectionName, String sectionSlug, String captions, Instant publishedAt, Instant updatedAt) {
    }

    /** A public story's id and when it last changed: enough to tell whether a copy of its text is current. */
    public record Stamp(long id, Instant updatedAt) {
    }

    public Optional<StoryText> find(long id) {
        return stories.findById(id).map(StoryTexts::text);
    }

    /** Public stories with an id above {@code afterId}, in id order, at most {@code limit}. */
    public List<Stamp> listPublic(long afterId, int limit) {
        return jdbc.sql("SELECT a.id, a.updated_at FROM articles a WHERE a.id > :after AND " + ArticleRepository.PUBLIC + " ORDER BY a.id LIMIT :limit")
                .param("after", afterId).param("now", SqlTime.of(clock.instant())).param("limit", limit)
                .query((rs, n) -> new Stamp(rs.getLong("id"), SqlTime.read(rs, "updated_at"))).list();
    }

    private static StoryText text(Story story) {
        Article a = story.article();
        List<String> tags = new ArrayList<>();
        story.tags().forEach(t -> tags.add(t.name()));
        String captions = story.featured() == null ? "" : (story.featured().caption() + " " + story.featured().credit()).strip();
        Section section = story.section();
        return new StoryText(a.id(), a.slug(), a.headline(), a.standfirst(), plain(a.bodyHtml()), tags, section == null ? null : section.id(),
                section == null ? "" : section.name(), section == null ? null : section.slug(), captions, a.publishedAt(), a.updatedAt());
    }

    /** The rendered body without its markup; block ends become spaces so words never run together. */
    static String plain(String html) {
        String text = html.replaceAll("<[^>]*>", " ");
        return HtmlUtils.htmlUnescape(text).replaceAll("\\s+", " ").strip();
    }
}
