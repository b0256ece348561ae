package press.dispatch.articles;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.platform.SqlTime;

/**
 * Articles brought in from another system's archive (a WordPress import), with the status and times they had there.
 * Unlike {@link Publishing} it announces no publication: an archived story that was public years ago must not become
 * a newsletter issue. Readers' pages and the search index are refreshed through {@link ArticleChanged} as usual.
 */
@Service
public class ArticleArchive {

    private final ArticleRepository articles;
    private final Newsdesk newsdesk;
    private final Markdown markdown;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ArticleArchive(ArticleRepository articles, Newsdesk newsdesk, Markdown markdown, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.articles = articles;
        this.newsdesk = newsdesk;
        this.markdown = markdown;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Stores an article with its own times; a slug already taken gets a number. {@code publishedAt} is required unless
     * the status is draft. Returns the new article's id.
     */
    @Transactional
    public long restore(ArticleDraft draft, ArticleStatus status, Instant publishedAt, Instant createdAt, Instant updatedAt) {
        check(draft, status, publishedAt);
        String wanted = draft.slug().isEmpty() || !Slugs.isValid(draft.slug()) ? Slugs.from(draft.headline()) : draft.slug();
        String slug = Slugs.unique(wanted, s -> articles.slugTaken(s, 0));
        long id = articles.insert(draft, slug, markdown.render(draft.bodyMarkdown()), createdAt);
        articles.replaceLinks(id, draft.authorIds(), draft.tags().stream().map(newsdesk::tagNamed).map(Tag::id).distinct().toList());
        setState(id, status, publishedAt, updatedAt);
        announce(null, articles.find(id).orElseThrow());
        return id;
    }

    /** Replaces an archived article's content, status and times (a newer export of the same story); its slug stays. */
    @Transactional
    public void replace(long id, ArticleDraft draft, ArticleStatus status, Instant publishedAt, Instant updatedAt) {
        check(draft, status, publishedAt);
        Article before = articles.find(id).orElseThrow(() -> new java.util.NoSuchElementException("No article " + id));
        articles.update(id, draft, before.slug(), markdown.render(draft.bodyMarkdown()), updatedAt);
        articles.replaceLinks(id, draft.authorIds(), draft.tags().stream().map(newsdesk::tagNamed).map(Tag::id).distinct().toList());
        setState(id, status, publishedAt, updatedAt);
        announce(before, articles.find(id).orElseThrow());
    }

    /** The article's current slug, for the addresses that point at it. */
    public String slugOf(long id) {
        return articles.find(id).map(Article::slug).orElseThrow(() -> new java.util.NoSuchElementException("No article " + id));
    }

    private void setState(long id, ArticleStatus status, Instant publishedAt, Instant updatedAt) {
        jdbc.sql("UPDATE articles SET status = :status, published_at = :publishedAt, updated_at = :updatedAt WHERE id = :id")
                .param("id", id).param("status", status.column())
                .param("publishedAt", status == ArticleStatus.DRAFT ? null : SqlTime.of(publishedAt))
                .param("updatedAt", SqlTime.of(updatedAt)).update();
    }

    private void announce(Article before, Article after) {
        Set<Long> sections = new HashSet<>();
        Set<Long> tags = new HashSet<>(after.tagIds());
        Set<Long> authors = new HashSet<>(after.authorIds());
        if (after.sectionId() != null) {
            sections.add(after.sectionId());
        }
        if (before != null) {
            if (before.sectionId() != null) {
                sections.add(before.sectionId());
            }
            tags.addAll(before.tagIds());
            authors.addAll(before.authorIds());
        }
        events.publishEvent(new ArticleChanged(after.id(), sections, tags, authors));
    }

    private static void check(ArticleDraft draft, ArticleStatus status, Instant publishedAt) {
        Map<String, String> problems = new java.util.LinkedHashMap<>(draft.problems());
        if (status != ArticleStatus.DRAFT && publishedAt == null) {
            problems.put("publishedAt", "A published or scheduled article needs its publication time.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidArticleException(problems);
        }
    }
}
