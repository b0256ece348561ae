package press.dispatch.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import press.dispatch.articles.Stories;
import press.dispatch.platform.PageCache;

/**
 * This node's broadcasters, one per live article that has readers connected, and what feeds them: after a change
 * commits ({@link LiveChanged}), one thread reads the article's changes since the last one it sent from the database
 * (one query per change on each node, never one per reader), serialises each as SSE bytes once, and hands them to the
 * article's broadcaster. The article's cached page is purged at the same moment.
 *
 * <p>Several nodes: a change made on another node reaches this node's readers through that purge. On PostgreSQL
 * the purge of {@code article:{id}} is carried to every node ({@code LISTEN/NOTIFY}, within a fraction of a
 * second, see the page cache), and each node that has readers of the article then reads its changes as for one of
 * its own. When a node may have missed purges (its listening connection was lost), it catches every broadcaster up.
 */
@Component
class Broadcasters {

    private static final Logger log = LoggerFactory.getLogger(Broadcasters.class);

    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** The page-cache tag of an article's page, purged on every change to its coverage. */
    private static final String ARTICLE_TAG = "article:";
    static final byte[] HEARTBEAT_COMMENT = ":\n\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] ENDED = "event: ended\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);

    private final LiveRepository repository;
    private final Timeline timeline;
    private final Stories stories;
    private final PageCache cache;
    private final Map<Long, Broadcaster> broadcasters = new ConcurrentHashMap<>();
    /**
     * Articles found not live, each with whether readers can see it (true: a public article whose coverage ended or never
     * began; false: no such public article), so a stream opened to them does not read the database each time.
     */
    private final Cache<Long, Boolean> notLive = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(10)).build();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> daemon(r, "live-fan-out"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "live-heartbeat"));
    private final JsonMapper json = JsonMapper.builder().build();

    Broadcasters(LiveRepository repository, Timeline timeline, Stories stories, PageCache cache) {
        this.repository = repository;
        this.timeline = timeline;
        this.stories = stories;
        this.cache = cache;
        cache.followOtherNodes(this::purgedOnOtherNode);
        heartbeat.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @PreDestroy
    void stop() {
        fanOut.shutdownNow();
        heartbeat.shutdownNow();
        broadcasters.values().forEach(b -> b.end(ENDED));
    }

    /**
     * The broadcaster of a live, public article, made on the first reader's arrival; empty when it is not live (then
     * {@link #isPublic} tells an article that is not live from one readers cannot see at all).
     */
    Optional<Broadcaster> open(long articleId) {
        Broadcaster b = broadcasters.get(articleId);
        if (b != null) {
            return Optional.of(b);
        }
        if (notLive.getIfPresent(articleId) != null) {
            return Optional.empty();
        }
        synchronized (this) {
            b = broadcasters.get(articleId);
            if (b != null) {
                return Optional.of(b);
            }
            Optional<Coverage> coverage = repository.coverage(articleId).filter(Coverage::live);
            boolean isPublic = stories.findById(articleId).isPresent();
            if (coverage.isEmpty() || !isPublic) {
                notLive.put(articleId, isPublic);
                return Optional.empty();
            }
            b = new Broadcaster(articleId, coverage.get().lastSequence());
            broadcasters.put(articleId, b);
            // A change may have committed between reading the coverage and registering: catch up once.
            Broadcaster made = b;
            fanOut.execute(() -> catchUp(made));
            return Optional.of(b);
        }
    }

    /** Whether readers can see this article, live or not: as {@link #open} just found it when it found no stream. */
    boolean isPublic(long articleId) {
        Boolean found = notLive.getIfPresent(articleId);
        return found != null ? found : broadcasters.containsKey(articleId) || stories.findById(articleId).isPresent();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(LiveChanged changed) {
        cache.purge(List.of(ARTICLE_TAG + changed.articleId()));
        notLive.invalidate(changed.articleId());
        Broadcaster b = broadcasters.get(changed.articleId());
        if (b != null) {
            fanOut.execute(() -> catchUp(b));
        }
    }

    /** A purge from another node ({@code null}: everything): any live article among it may have changed there. */
    private void purgedOnOtherNode(List<String> tags) {
        if (tags == null) {
            notLive.invalidateAll();
            broadcasters.values().forEach(b -> fanOut.execute(() -> catchUp(b)));
            return;
        }
        for (String tag : tags) {
            if (!tag.startsWith(ARTICLE_TAG)) {
                continue;
            }
            long articleId;
            try {
                articleId = Long.parseLong(tag.substring(ARTICLE_TAG.length()));
            } catch (NumberFormatException e) {
                continue;
            }
            notLive.invalidate(articleId);
            Broadcaster b = broadcasters.get(articleId);
            if (b != null) {
                fanOut.execute(() -> catchUp(b));
            }
        }
    }

    private void catchUp(Broadcaster b) {
        try {
            Optional<Coverage> coverage = repository.coverage(b.articleId());
            if (coverage.isEmpty() || !coverage.get().live()) {
                broadcasters.remove(b.articleId(), b);
                b.end(ENDED);
                return;
            }
            b.publish(eventsSince(b.articleId(), b.lastSequence()));
        } catch (RuntimeException e) {
            log.warn("Live article {}: changes not sent to readers: {}", b.articleId(), e.toString());
        }
    }

    /** Reads what a reconnecting reader missed, when it is more than the broadcaster remembers. */
    interface Missed {
        List<Broadcaster.Event> since(long articleId, long sequence);
    }

    Missed missed() {
        return this::eventsSince;
    }

    /** Every change after {@code sequence}, as SSE events: each entry in its latest state, in the order of the changes. */
    List<Broadcaster.Event> eventsSince(long articleId, long sequence) {
        List<Entry> changed = repository.changedSince(articleId, sequence);
        if (changed.isEmpty()) {
            return List.of();
        }
        List<EntryView> shown = timeline.views(repository.shown(articleId));
        String keyEvents = timeline.keyEventsHtml(shown.stream().filter(EntryView::pinned).toList());
        Map<Long, EntryView> byId = new java.util.HashMap<>();
        shown.forEach(v -> byId.put(v.id(), v));
        List<Broadcaster.Event> events = new ArrayList<>(changed.size());
        for (Entry e : changed) {
            ObjectNode data = json.createObjectNode();
            data.put("id", e.id());
            data.put("keyEvents", keyEvents);
            EntryView view = byId.get(e.id());
            String type;
            if (e.deleted() || view == null) {
                type = "removed";
            } else {
                type = "entry";
                data.put("pinned", e.pinned());
                data.put("postedAt", e.postedAt().toEpochMilli());
                data.put("html", timeline.entryHtml(view));
            }
            // JSON has no raw line breaks, so the whole object is one data line.
            String event = "id: " + e.sequence() + "\nevent: " + type + "\ndata: " + json.writeValueAsString(data) + "\n\n";
            events.add(new Broadcaster.Event(e.sequence(), event.getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }

    private void heartbeat() {
        try {
            broadcasters.values().forEach(b -> b.heartbeat(HEARTBEAT_COMMENT));
        } catch (RuntimeException e) {
            log.warn("Live heartbeat failed: {}", e.toString());
        }
    }

    /** Readers connected on this node to this article's stream. */
    int readers(long articleId) {
        Broadcaster b = broadcasters.get(articleId);
        return b == null ? 0 : b.connections();
    }
}
