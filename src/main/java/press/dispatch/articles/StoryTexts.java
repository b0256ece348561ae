package press.dispatch.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import press.dispatch.platform.SqlTime;

/**
 * The words of articles as plain text, for features that index them (search): public stories, and drafts and
 * scheduled articles with their status, so that the newsroom can search its own work. Whoever shows a text to
 * readers must check {@link StoryText#isPublic}.
 */
@Service
public class StoryTexts {

    private final Stories stories;
    private final ArticleRepository articles;
    private final JdbcClient jdbc;

    StoryTexts(Stories stories, ArticleRepository articles, JdbcClient jdbc) {
        this.stories = stories;
        this.articles = articles;
        this.jdbc = jdbc;
    }

    /**
     * One story's searchable text.
     *
     * @param captions    the featured photo's caption and credit (the article's own, else the library's)
     * @param status      draft, scheduled or published ({@link ArticleStatus#column()}); an article in the trash is a draft
     * @param publishedAt null for an article never published; for a scheduled one, when it goes live
     * @param updatedAt   when the article last changed; a copy older than this is stale
     */
    public record StoryText(long id, String slug, String headline, String standfirst, String body, List<String> tags, Long sectionId,
                            String sectionName, String sectionSlug, String captions, String status, Instant publishedAt, Instant updatedAt) {

        /** Whether readers may see it at this moment. */
        public boolean isPublic(Instant now) {
            return "published".equals(status) && publishedAt != null && !publishedAt.isAfter(now);
        }
    }

    /** An article's id, status and when it last changed: enough to tell whether a copy of its text is current. */
    public record Stamp(long id, String status, Instant updatedAt) {
    }

    /** Any article's searchable text (public or not; its live version when changes are kept for later). */
    public Optional<StoryText> find(long id) {
        return articles.find(id).map(a -> text(a, stories.preview(a)));
    }

    /** Articles of every status with an id above {@code afterId}, in id order, at most {@code limit}. */
    public List<Stamp> list(long afterId, int limit) {
        return jdbc.sql("SELECT a.id, a.status, a.updated_at FROM articles a WHERE a.id > :after ORDER BY a.id LIMIT :limit")
                .param("after", afterId).param("limit", limit)
                .query((rs, n) -> new Stamp(rs.getLong("id"), rs.getString("status"), SqlTime.read(rs, "updated_at"))).list();
    }

    private static StoryText text(Article a, Story story) {
        List<String> tags = new ArrayList<>();
        story.tags().forEach(t -> tags.add(t.name()));
        String captions = story.featured() == null ? "" : (story.featured().caption() + " " + story.featured().credit()).strip();
        Section section = story.section();
        return new StoryText(a.id(), a.slug(), a.headline(), a.standfirst(), plain(a.bodyHtml()), tags, section == null ? null : section.id(),
                section == null ? "" : section.name(), section == null ? null : section.slug(), captions, a.status().column(), a.publishedAt(), a.updatedAt());
    }

    /** The rendered body without its markup; block ends become spaces so words never run together. */
    static String plain(String html) {
        String text = html.replaceAll("<[^>]*>", " ");
        return HtmlUtils.htmlUnescape(text).replaceAll("\\s+", " ").strip();
    }
}
