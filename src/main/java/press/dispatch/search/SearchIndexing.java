package press.dispatch.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import press.dispatch.articles.ArticleChanged;
import press.dispatch.articles.ArticleSaved;
import press.dispatch.articles.StoryTexts;
import press.dispatch.platform.PageCache;

/**
 * Keeps the documents equal to the articles, drafts included. Each article change is indexed inside the transaction
 * that made it (before it commits, once per article however many events it published), so a search run after the
 * change sees it, and a change that rolls back leaves no trace. At start-up, articles the index lacks or holds in an
 * older state (an import, a database restored from backup, a node that was down, an upgrade) are indexed in batches,
 * and documents of articles that no longer exist are removed.
 *
 * <p>Search pages are kept in the page cache under the tag {@value #TAG}; every change to the documents purges them all,
 * on every node, after it commits (a page rendered from the old documents is never stored after that purge).
 */
@Component
class SearchIndexing {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);
    static final int BATCH = 500;
    /** The page-cache tag of every public search page. */
    static final String TAG = "search";

    private final SearchIndex index;
    private final StoryTexts texts;
    private final TransactionTemplate transactions;
    private final PageCache pages;

    SearchIndexing(SearchIndex index, StoryTexts texts, PlatformTransactionManager transactions, PageCache pages) {
        this.index = index;
        this.texts = texts;
        this.transactions = new TransactionTemplate(transactions);
        this.pages = pages;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void articleChanged(ArticleChanged changed) {
        reindexOnce(changed.articleId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void articleSaved(ArticleSaved saved) {
        reindexOnce(saved.articleId());
    }

    /** Both events of one change, or several changes in one transaction (an import's batch), index the article once. */
    private void reindexOnce(long articleId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            @SuppressWarnings("unchecked")
            Set<Long> done = (Set<Long>) TransactionSynchronizationManager.getResource(this);
            if (done == null) {
                Set<Long> fresh = new HashSet<>();
                TransactionSynchronizationManager.bindResource(this, fresh);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        purgeSearchPages();
                    }

                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(SearchIndexing.this);
                    }
                });
                done = fresh;
            }
            if (!done.add(articleId)) {
                return;
            }
            reindex(articleId);
        } else {
            reindex(articleId);
            purgeSearchPages();
        }
    }

    private void purgeSearchPages() {
        pages.purge(List.of(TAG));
    }

    void reindex(long articleId) {
        texts.find(articleId).ifPresentOrElse(index::put, () -> index.remove(articleId));
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        long started = System.nanoTime();
        long after = 0;
        int seen = 0;
        int indexed = 0;
        int nextReport = 10_000;
        while (true) {
            List<StoryTexts.Stamp> stamps = texts.list(after, BATCH);
            if (stamps.isEmpty()) {
                break;
            }
            long from = after;
            long upTo = stamps.get(stamps.size() - 1).id();
            Integer done = transactions.execute(tx -> catchUp(stamps, from, upTo));
            if (done != null && done > 0) {
                purgeSearchPages();
            }
            indexed += done == null ? 0 : done;
            seen += stamps.size();
            after = upTo;
            if (seen >= nextReport) {
                log.info("Search index: checked {} articles, indexed {} so far", seen, indexed);
                nextReport += 10_000;
            }
        }
        long last = after;
        transactions.executeWithoutResult(tx -> index.removeAbove(last));
        // Pages of this node were rendered while the documents were catching up; other nodes may hold pages older still.
        purgeSearchPages();
        if (indexed > 0) {
            log.info("Search index: indexed {} of {} articles in {} ms", indexed, seen, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Indexes the articles of one batch whose document is missing, older or of another status, and drops documents in its id range of articles gone. */
    private int catchUp(List<StoryTexts.Stamp> stamps, long afterId, long upToId) {
        Map<Long, SearchIndex.Copy> have = index.stamps(afterId, upToId);
        int indexed = 0;
        for (StoryTexts.Stamp stamp : stamps) {
            SearchIndex.Copy copied = have.remove(stamp.id());
            if (copied == null || copied.updatedAt().isBefore(stamp.updatedAt()) || !copied.status().equals(stamp.status())) {
                reindex(stamp.id());
                indexed++;
            }
        }
        have.keySet().forEach(index::remove);
        return indexed;
    }
}
