package press.dispatch.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import press.dispatch.articles.ArticleChanged;
import press.dispatch.articles.StoryTexts;

/**
 * Keeps the documents equal to the public stories. Each article change is indexed inside the transaction that made
 * it (before it commits), so a search run after the change sees it, and a change that rolls back leaves no trace. At
 * start-up, stories the index lacks or holds in an older state (an import, a database restored from backup, a node
 * that was down) are indexed in batches, and documents of stories no longer public are removed.
 */
@Component
class SearchIndexing {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);
    static final int BATCH = 500;

    private final SearchIndex index;
    private final StoryTexts texts;
    private final TransactionTemplate transactions;

    SearchIndexing(SearchIndex index, StoryTexts texts, PlatformTransactionManager transactions) {
        this.index = index;
        this.texts = texts;
        this.transactions = new TransactionTemplate(transactions);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void articleChanged(ArticleChanged changed) {
        reindex(changed.articleId());
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
            List<StoryTexts.Stamp> stamps = texts.listPublic(after, BATCH);
            if (stamps.isEmpty()) {
                break;
            }
            long from = after;
            long upTo = stamps.get(stamps.size() - 1).id();
            Integer done = transactions.execute(tx -> catchUp(stamps, from, upTo));
            indexed += done == null ? 0 : done;
            seen += stamps.size();
            after = upTo;
            if (seen >= nextReport) {
                log.info("Search index: checked {} stories, indexed {} so far", seen, indexed);
                nextReport += 10_000;
            }
        }
        long last = after;
        transactions.executeWithoutResult(tx -> index.removeAbove(last));
        if (indexed > 0) {
            log.info("Search index: indexed {} of {} public stories in {} ms", indexed, seen, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Indexes the stories of one batch whose document is missing or older, and drops documents in its id range that are not public. */
    private int catchUp(List<StoryTexts.Stamp> stamps, long afterId, long upToId) {
        Map<Long, Instant> have = index.stamps(afterId, upToId);
        int indexed = 0;
        for (StoryTexts.Stamp stamp : stamps) {
            Instant copied = have.remove(stamp.id());
            if (copied == null || copied.isBefore(stamp.updatedAt())) {
                reindex(stamp.id());
                indexed++;
            }
        }
        have.keySet().forEach(index::remove);
        return indexed;
    }
}
