package press.dispatch.articles;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes articles and moves them between draft, scheduled and published. Every transition that makes an article
 * public publishes {@link ArticlePublished} exactly once, whichever path caused it; every write publishes
 * {@link ArticleSaved}, and every change readers can see {@link ArticleChanged}.
 */
@Service
public class Publishing {

    private static final Logger log = LoggerFactory.getLogger(Publishing.class);

    private final ArticleRepository articles;
    private final Newsdesk newsdesk;
    private final Markdown markdown;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final press.dispatch.site.SiteSettings settings;
    private final press.dispatch.media.MediaLibrary media;
    /** Embargoes and release rules of other features, asked before any article goes public or is scheduled. */
    private final org.springframework.beans.factory.ObjectProvider<PublicationGate> gates;

    Publishing(ArticleRepository articles, Newsdesk newsdesk, Markdown markdown, Clock clock, ApplicationEventPublisher events,
               press.dispatch.site.SiteSettings settings, press.dispatch.media.MediaLibrary media,
               org.springframework.beans.factory.ObjectProvider<PublicationGate> gates) {
        this.gates = gates;
        this.settings = settings;
        this.media = media;
        this.articles = articles;
        this.newsdesk = newsdesk;
        this.markdown = markdown;
        this.clock = clock;
        this.events = events;
    }

    /** Saves a new draft and returns its id. */
    @Transactional
    public long draft(ArticleDraft draft) {
        check(draft);
        if (!draft.slug().isEmpty() && articles.slugTaken(draft.slug(), 0)) {
            // A slug someone typed is kept as typed or refused; only one made from the headline gets a number.
            throw new InvalidArticleException(Map.of("slug", "Another article already uses the slug '" + draft.slug() + "'."));
        }
        String slug = Slugs.unique(draft.slug().isEmpty() ? Slugs.from(draft.headline()) : draft.slug(), s -> articles.slugTaken(s, 0));
        long id = articles.insert(draft, slug, markdown.render(draft.bodyMarkdown()), clock.instant());
        articles.replaceLinks(id, draft.authorIds(), tagIds(draft));
        events.publishEvent(new ArticleSaved(id));
        return id;
    }

    /** Replaces an article's content, whatever its status. A public article's pages are refreshed. */
    @Transactional
    public void revise(long id, ArticleDraft draft) {
        check(draft);
        Article before = get(id);
        String wanted = draft.slug().isEmpty() ? before.slug() : draft.slug();
        if (articles.slugTaken(wanted, id)) {
            throw new InvalidArticleException(Map.of("slug", "Another article already uses the slug '" + wanted + "'."));
        }
        articles.update(id, draft, wanted, markdown.render(draft.bodyMarkdown()), clock.instant());
        articles.replaceLinks(id, draft.authorIds(), tagIds(draft));
        if (before.status() == ArticleStatus.PUBLISHED) {
            Article after = get(id);
            if (!before.publishedAt().isAfter(clock.instant()) && changedVisibly(before, after)) {
                articles.markRevised(id, clock.instant());
            }
            events.publishEvent(changed(before, after));
        }
        events.publishEvent(new ArticleSaved(id));
    }

    /** Whether the change touched a part that the setting {@code articles.updated_when} says readers are told about. */
    private boolean changedVisibly(Article before, Article after) {
        String parts = settings.current().get(press.dispatch.site.Setting.UPDATED_WHEN);
        for (String part : parts.split(",")) {
            boolean changed = switch (part.strip()) {
                case "headline" -> !before.headline().equals(after.headline());
                case "standfirst" -> !before.standfirst().equals(after.standfirst());
                case "body" -> !before.bodyMarkdown().equals(after.bodyMarkdown());
                case "photo" -> !java.util.Objects.equals(before.featuredMediaId(), after.featuredMediaId())
                        || !before.featuredCaption().equals(after.featuredCaption()) || !before.featuredCredit().equals(after.featuredCredit());
                case "section" -> !java.util.Objects.equals(before.sectionId(), after.sectionId());
                case "tags" -> !new HashSet<>(before.tagIds()).equals(new HashSet<>(after.tagIds()));
                default -> false;
            };
            if (changed) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets what search results and sharing cards show for the article instead of its headline, standfirst and
     * featured photo. Unlike its text, this applies at once, also on a published article (whose pages are refreshed).
     */
    @Transactional
    public void override(long id, SearchOverrides overrides) {
        Map<String, String> problems = problems(overrides);
        if (!problems.isEmpty()) {
            throw new InvalidArticleException(problems);
        }
        Article article = get(id);
        articles.override(id, overrides);
        if (article.status() == ArticleStatus.PUBLISHED) {
            events.publishEvent(changed(article, article));
        }
    }

    public SearchOverrides overrides(long id) {
        return articles.described(id).overrides();
    }

    /** What is wrong with these overrides, by form field; empty when nothing is. */
    Map<String, String> problems(SearchOverrides overrides) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (overrides.title().length() > SearchOverrides.MAX_TITLE) {
            problems.put("searchTitle", "The search title must be at most " + SearchOverrides.MAX_TITLE + " characters.");
        }
        if (overrides.description().length() > SearchOverrides.MAX_DESCRIPTION) {
            problems.put("searchDescription", "The search description must be at most " + SearchOverrides.MAX_DESCRIPTION + " characters.");
        }
        if (overrides.socialMediaId() != null && media.find(overrides.socialMediaId()).isEmpty()) {
            problems.put("socialMediaId", "That photo is not in the library.");
        }
        return problems;
    }

    /** Makes a draft or scheduled article public now. Publishing a published article changes nothing. */
    @Transactional
    public void publish(long id) {
        publishAt(id, clock.instant());
    }

    /**
     * Makes an article public with a publication time that has already passed (an import, a correction of the
     * record). A time in the future schedules it instead.
     */
    @Transactional
    public void publishAt(long id, Instant publishedAt) {
        Instant now = clock.instant();
        if (publishedAt.isAfter(now)) {
            schedule(id, publishedAt);
            return;
        }
        Article before = get(id);
        if (before.status() == ArticleStatus.PUBLISHED) {
            return;
        }
        Article gated = before;
        gates.orderedStream().forEach(gate -> gate.check(gated, now));
        if (articles.transition(id, before.status(), ArticleStatus.PUBLISHED, publishedAt, now)) {
            announce(before, get(id));
        }
    }

    /**
     * Something shown with the article changed without the article itself (a correction record, a live update): its
     * last-changed time moves on, so its sitemap {@code lastmod} and feed entry say it changed. Never back in time.
     */
    @Transactional
    public void touch(long id, Instant at) {
        articles.touch(id, at);
    }

    /** Publishes the article at a future moment (within a minute of it, across restarts). */
    @Transactional
    public void schedule(long id, Instant at) {
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            throw new InvalidArticleException(Map.of("publishAt", "A scheduled time must be in the future."));
        }
        if (!press.dispatch.platform.SqlTime.storable(at)) {
            throw new InvalidArticleException(Map.of("publishAt", "Choose a time before the year 10000."));
        }
        Article before = get(id);
        gates.orderedStream().forEach(gate -> gate.check(before, at));
        if (!articles.transition(id, before.status(), ArticleStatus.SCHEDULED, at, now)) {
            throw new IllegalStateException("Article " + id + " changed while it was being scheduled; try again.");
        }
        if (before.status() == ArticleStatus.PUBLISHED) {
            events.publishEvent(changed(before, get(id)));
        }
        events.publishEvent(new ArticleSaved(id));
    }

    /** Takes an article back to draft: it disappears from every public page. */
    @Transactional
    public void withdraw(long id) {
        Article before = get(id);
        if (before.status() == ArticleStatus.DRAFT) {
            return;
        }
        articles.transition(id, before.status(), ArticleStatus.DRAFT, null, clock.instant());
        if (before.status() == ArticleStatus.PUBLISHED) {
            events.publishEvent(changed(before, get(id)));
        }
        events.publishEvent(new ArticleSaved(id));
    }

    /** Publishes scheduled articles whose time has come. Each is claimed by one UPDATE, so it is announced once. */
    @Scheduled(fixedDelayString = "${dispatch.publishing.check-every:15s}", initialDelayString = "${dispatch.publishing.first-check:5s}")
    @Transactional
    public void publishDue() {
        List<Long> due = articles.publishDue(clock.instant());
        for (Long id : due) {
            Article article = get(id);
            log.info("Scheduled article {} '{}' is now published", id, article.slug());
            announce(article, article);
        }
    }

    public Article get(long id) {
        return articles.find(id).orElseThrow(() -> new NoSuchElementException("No article " + id));
    }

    public long countAll() {
        return articles.countAll();
    }

    private void announce(Article before, Article after) {
        events.publishEvent(new ArticlePublished(after.id()));
        events.publishEvent(changed(before, after));
        events.publishEvent(new ArticleSaved(after.id()));
    }

    private static ArticleChanged changed(Article before, Article after) {
        Set<Long> sections = new HashSet<>();
        if (before.sectionId() != null) {
            sections.add(before.sectionId());
        }
        if (after.sectionId() != null) {
            sections.add(after.sectionId());
        }
        Set<Long> tags = new HashSet<>(before.tagIds());
        tags.addAll(after.tagIds());
        Set<Long> authors = new HashSet<>(before.authorIds());
        authors.addAll(after.authorIds());
        return new ArticleChanged(after.id(), sections, tags, authors);
    }

    private List<Long> tagIds(ArticleDraft draft) {
        return draft.tags().stream().map(newsdesk::tagNamed).map(Tag::id).distinct().toList();
    }

    private void check(ArticleDraft draft) {
        Map<String, String> problems = new java.util.LinkedHashMap<>(draft.problems());
        problems.putAll(missingReferences(draft));
        if (!problems.isEmpty()) {
            throw new InvalidArticleException(problems);
        }
    }

    /**
     * The section, featured photo and authors a draft names that do not exist (an API script's stale or mistyped id):
     * refused by name, before the database would refuse the row.
     */
    Map<String, String> missingReferences(ArticleDraft draft) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (draft.sectionId() != null && newsdesk.sections().stream().noneMatch(s -> s.id() == draft.sectionId())) {
            problems.put("sectionId", "No section " + draft.sectionId() + ".");
        }
        if (draft.featuredMediaId() != null && media.find(draft.featuredMediaId()).isEmpty()) {
            problems.put("featuredMediaId", "No photo " + draft.featuredMediaId() + " in the library.");
        }
        List<Long> unknown = articles.unknownAuthors(draft.authorIds());
        if (!unknown.isEmpty()) {
            problems.put("authorIds", "No author " + unknown.get(0) + ".");
        }
        return problems;
    }
}
