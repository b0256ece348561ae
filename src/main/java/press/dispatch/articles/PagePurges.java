package press.dispatch.articles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.platform.PageCache;
import press.dispatch.site.SiteSettingsChanged;

/** Purges cached pages after the change behind them has committed, and only those pages. */
@Component
class PagePurges {

    /** After the listeners that reload in-memory settings and navigation, so a purged page is rebuilt from new data. */
    static final int PURGE_ORDER = 100;

    private final PageCache cache;
    private final ArticleRepository articles;

    PagePurges(PageCache cache, ArticleRepository articles, Stories stories) {
        this.cache = cache;
        this.articles = articles;
        // An article changed on another node: the bare articles comment posts read follow its page purges.
        cache.followOtherNodes(tags -> {
            if (tags == null || tags.stream().anyMatch(tag -> tag.startsWith("article:"))) {
                stories.forgetBareArticles();
            }
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void articleChanged(ArticleChanged changed) {
        purge(changed.articleId(), changed.sectionIds(), changed.tagIds(), changed.authorIds());
    }

    /**
     * The article's page and every listing it is in (they show its comment count). Its section, tags and authors
     * are read after the commit, in one query on the connection the change used.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void discussionChanged(DiscussionChanged changed) {
        ArticleRepository.Links links = articles.links(changed.articleId());
        purge(changed.articleId(), links.sectionId() == null ? List.of() : List.of(links.sectionId()), links.tagIds(), links.authorIds());
    }

    private void purge(long articleId, Collection<Long> sectionIds, Collection<Long> tagIds, Collection<Long> authorIds) {
        List<String> tags = new ArrayList<>();
        tags.add("article:" + articleId);
        tags.add("front");
        sectionIds.forEach(id -> tags.add("section:" + id));
        tagIds.forEach(id -> tags.add("tag:" + id));
        authorIds.forEach(id -> tags.add("author:" + id));
        cache.purge(tags);
    }

    /** A byline is on every page of its articles and in listings: rare enough to refresh everything. */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void bylineChanged(Editing.BylineChanged changed) {
        cache.purgeAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void sectionsChanged(Newsdesk.SectionsChanged changed) {
        cache.purgeAll();
    }

    /** A tag's name is on its articles' pages and cards in every listing. */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void tagsChanged(Tags.TagsChanged changed) {
        cache.purgeAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(PURGE_ORDER)
    void settingsChanged(SiteSettingsChanged changed) {
        cache.purgeAll();
    }
}
