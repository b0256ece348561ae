package press.dispatch.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import jakarta.servlet.http.HttpServletRequest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * Whole public pages, kept as bytes (plain and gzip) with their ETag. A controller marks a page cacheable by
 * tagging it with what it shows ({@code article:42}, {@code section:3}, {@code front}); a change purges exactly
 * the pages that carry its tags.
 *
 * <p>Invariant: a page rendered before a purge is never stored after it. Each render remembers the purge
 * generation it started in and is not stored if any purge happened meanwhile.
 */
public final class PageCache {

    static final String TAGS_ATTRIBUTE = PageCache.class.getName() + ".tags";

    private final boolean enabled;
    private final Cache<String, Page> pages;
    private final Map<String, Set<String>> keysByTag = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final List<java.util.function.Consumer<List<String>>> followers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile java.util.function.Consumer<List<String>> broadcast = tags -> {
    };
    private volatile boolean stored = true;
    private final PageKeys keys = new PageKeys();

    PageCache(boolean enabled, long maxBytes) {
        this.enabled = enabled;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                // Pages carry a signed form token with the time they were made; comment forms accept tokens up to a
                // day old, so no cached page may be older than half of that.
                .expireAfterWrite(java.time.Duration.ofHours(12))
                .<String, Page>weigher((key, page) -> page.weight())
                .removalListener((String key, Page page, RemovalCause cause) -> {
                    if (page != null && (cause.wasEvicted() || cause == RemovalCause.EXPIRED)) {
                        page.tags().forEach(tag -> untag(tag, key));
                    }
                })
                .build();
    }

    /**
     * Marks the response to this request as a public page showing these things; only tagged pages are cached. Tags
     * add up: a part of the page rendered by another feature (a gallery in an article) may add its own.
     */
    @SuppressWarnings("unchecked")
    public static void tag(HttpServletRequest request, String... tags) {
        List<String> all = new ArrayList<>();
        if (request.getAttribute(TAGS_ATTRIBUTE) instanceof List<?> earlier) {
            all.addAll((List<String>) earlier);
        }
        all.addAll(List.of(tags));
        request.setAttribute(TAGS_ATTRIBUTE, List.copyOf(all));
    }

    public boolean enabled() {
        return enabled;
    }

    /** Purges the pages carrying any of these tags, here and (through the broadcast, if any) on every other node. */
    public void purge(Collection<String> tags) {
        purgeHere(tags);
        broadcast.accept(List.copyOf(tags));
    }

    /** Purges every page, here and on every other node. */
    public void purgeAll() {
        purgeAllHere();
        broadcast.accept(null);
    }

    /**
     * Where purges go besides this node: {@code null} for "everything". Set once by the purge listener on PostgreSQL
     * (see {@link PurgeListener}); on SQLite there is only one node.
     */
    void broadcastTo(java.util.function.Consumer<List<String>> broadcast) {
        this.broadcast = broadcast;
    }

    /**
     * Runs {@code follower} on each purge that came from another node ({@code null}: everything), before the pages are
     * purged here, so state kept in memory besides this cache (settings, section navigation, the bare articles behind
     * comment posts) follows the same changes and a page rendered after the purge is rendered from it.
     */
    public void followOtherNodes(java.util.function.Consumer<List<String>> follower) {
        followers.add(follower);
    }

    void purgeFromOtherNode(List<String> tags) {
        followers.forEach(f -> f.accept(tags));
        if (tags == null) {
            purgeAllHere();
        } else {
            purgeHere(tags);
        }
    }

    /**
     * While purges from other nodes may be missed (the listening connection is lost), nothing is stored: the whole
     * cache is dropped and pages are rendered for each request until {@link #resume()}.
     */
    void suspend() {
        stored = false;
        purgeFromOtherNode(null);
    }

    /** Purges from other nodes are heard again; what was cached before may have missed some, so it is dropped. */
    void resume() {
        purgeFromOtherNode(null);
        stored = true;
    }

    private void purgeHere(Collection<String> tags) {
        generation.incrementAndGet();
        for (String tag : tags) {
            Set<String> keys = keysByTag.remove(tag);
            if (keys != null) {
                keys.forEach(pages::invalidate);
            }
        }
    }

    private void purgeAllHere() {
        generation.incrementAndGet();
        pages.invalidateAll();
        keysByTag.clear();
    }

    /** The key of the page this request asks for: its path and the query parameters that path's pages read (see {@link PageKeys}). */
    String keyOf(String path, String query) {
        return keys.keyOf(path, query);
    }

    /** What a stored render of this path read of its query. */
    void learn(String path, Set<String> read) {
        keys.learn(path, read);
    }

    /**
     * These query parameters always tell pages apart, whatever the pages read: for a filter in front of the pages that
     * answers to them (an old address's redirect).
     */
    public void keepParameters(Collection<String> names) {
        keys.keep(names);
    }

    long generation() {
        return generation.get();
    }

    Page find(String key) {
        return enabled ? pages.getIfPresent(key) : null;
    }

    /**
     * Stores the page unless a purge began after its render did. Without a lock (a lock here became a convoy with many
     * renders on few cores): the page is put and tagged first, and the generation checked after. A purge raises the
     * generation before it takes the tagged keys, so either the purge found this key or the check sees the purge, and
     * the page is taken back out.
     */
    void store(String key, Page page, long renderedInGeneration) {
        if (!enabled || !stored || generation.get() != renderedInGeneration) {
            return;
        }
        pages.put(key, page);
        page.tags().forEach(tag -> keysByTag.computeIfAbsent(tag, t -> ConcurrentHashMap.newKeySet()).add(key));
        if (generation.get() != renderedInGeneration) {
            pages.asMap().remove(key, page);
        }
    }

    private void untag(String tag, String key) {
        keysByTag.computeIfPresent(tag, (t, keys) -> {
            keys.remove(key);
            return keys.isEmpty() ? null : keys;
        });
    }

    /**
     * @param encodedHeaders the headers again as ISO-8859-1 bytes, name and value in turn, with the ETag's: a cache
     *                       hit hands them to Tomcat as they are instead of Tomcat encoding each value again
     */
    record Page(int status, List<Map.Entry<String, String>> headers, byte[] body, byte[] gzipped, String etag, List<String> tags,
                List<byte[]> encodedHeaders) {

        Page(int status, List<Map.Entry<String, String>> headers, byte[] body, byte[] gzipped, String etag, List<String> tags) {
            this(status, headers, body, gzipped, etag, tags, encode(headers, etag));
        }

        private static List<byte[]> encode(List<Map.Entry<String, String>> headers, String etag) {
            List<byte[]> encoded = new ArrayList<>();
            for (Map.Entry<String, String> header : headers) {
                encoded.add(header.getKey().getBytes(ISO_8859_1));
                encoded.add(header.getValue().getBytes(ISO_8859_1));
            }
            encoded.add("ETag".getBytes(ISO_8859_1));
            encoded.add(etag.getBytes(ISO_8859_1));
            return List.copyOf(encoded);
        }

        int weight() {
            return body.length + (gzipped == null ? 0 : gzipped.length) + 1536;
        }
    }
}
