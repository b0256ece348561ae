package press.dispatch.importer;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import press.dispatch.platform.PageCache;
import press.dispatch.platform.SqlTime;

/**
 * Old addresses that answer with a permanent redirect to a new one. An address is kept as WordPress links it, in one
 * normal form: the path without its trailing slash, percent-decoded, plus the query only for WordPress's numeric links
 * ({@code /?p=12}, {@code /?page_id=3}, {@code /?cat=4}, {@code /?attachment_id=5}). Lookups are cached for a short
 * while (other nodes see an edit within {@link #CACHE_FOR}); a change here empties this node's cache and page cache.
 */
@Service
public class Redirects {

    static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final List<String> NUMERIC_QUERIES = List.of("p", "page_id", "cat", "tag", "author", "attachment_id", "feed");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PageCache pageCache;
    private final Cache<String, Optional<String>> lookups = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(CACHE_FOR).build();

    Redirects(JdbcClient jdbc, Clock clock, PageCache pageCache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.pageCache = pageCache;
        // "/?p=123" is an old address to redirect, not the front page: the page cache keeps these apart.
        pageCache.keepParameters(NUMERIC_QUERIES);
    }

    /**
     * The normal form of an address given as a full URL or a path with an optional query; empty when it is not one
     * we redirect (another host's URL is still reduced to its path: an export's links name the old site).
     */
    static Optional<String> normalise(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String path;
        String query;
        try {
            URI uri = URI.create(address.strip().replace(" ", "%20"));
            path = uri.getRawPath();
            query = uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return normalise(path, query);
    }

    static Optional<String> normalise(String rawPath, String rawQuery) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.equals("/index.php")) {
            path = "/";
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            Map<String, String> kept = new TreeMap<>();
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (NUMERIC_QUERIES.contains(key)) {
                    kept.put(key, URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            if (!kept.isEmpty() && path.equals("/")) {
                StringBuilder q = new StringBuilder();
                kept.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(v));
                return Optional.of("/?" + q);
            }
        }
        if (path.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(path);
    }

    /** Whether the address is an old query on the site's root ({@code /?p=123}) rather than an old path. */
    static boolean isRootQuery(String rawPath, String rawQuery) {
        return rawQuery != null && ("/".equals(rawPath) || "/index.php".equals(rawPath)) && normalise(rawPath, rawQuery).isPresent();
    }

    /** Where this request should go instead, if anywhere. */
    public Optional<String> find(String rawPath, String rawQuery) {
        Optional<String> address = normalise(rawPath, rawQuery);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        return lookups.get(address.get(), a -> jdbc.sql("SELECT target FROM redirects WHERE old_address = :a").param("a", a).query(String.class)
                .optional().or(() -> a.equals(a.toLowerCase(Locale.ROOT)) ? Optional.empty()
                        : jdbc.sql("SELECT target FROM redirects WHERE old_address = :a").param("a", a.toLowerCase(Locale.ROOT)).query(String.class).optional()));
    }

    /**
     * Adds or replaces the redirect from this old address (any form {@link #normalise(String)} takes); false if it is not
     * one. A target equal to the address is kept too: it sends {@code /about/} to {@code /about}.
     */
    @Transactional
    public boolean put(String oldAddress, String target, String origin) {
        Optional<String> address = normalise(oldAddress);
        if (address.isEmpty()) {
            return false;
        }
        int updated = jdbc.sql("UPDATE redirects SET target = :target, origin = :origin WHERE old_address = :a")
                .param("a", address.get()).param("target", target).param("origin", origin).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO redirects (old_address, target, origin, created_at) VALUES (:a, :target, :origin, :now)")
                    .param("a", address.get()).param("target", target).param("origin", origin).param("now", SqlTime.of(clock.instant())).update();
        }
        changed();
        return true;
    }

    public List<Redirect> list(String containing, int offset, int limit) {
        String like = "%" + (containing == null ? "" : containing.strip().replace("%", "").replace("_", "")) + "%";
        return jdbc.sql("""
                SELECT id, old_address, target, origin, created_at FROM redirects
                WHERE old_address LIKE :like OR target LIKE :like ORDER BY old_address LIMIT :limit OFFSET :offset
                """).param("like", like).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Redirect(rs.getLong("id"), rs.getString("old_address"), rs.getString("target"), rs.getString("origin"),
                        SqlTime.read(rs, "created_at"))).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM redirects").query(Long.class).single();
    }

    /** Points an old address somewhere else: a path on this site ({@code /articles/…}) or an http(s) URL. */
    @Transactional
    public void retarget(long id, String target) {
        String clean = target == null ? "" : target.strip();
        if (!(clean.startsWith("/") && !clean.startsWith("//")) && !clean.startsWith("https://") && !clean.startsWith("http://")) {
            throw new IllegalArgumentException("A target is a path on this site, such as /articles/my-story, or an http(s) address.");
        }
        if (clean.length() > 2000 || clean.chars().anyMatch(c -> c < 0x21)) {
            throw new IllegalArgumentException("A target has no spaces and at most 2000 characters.");
        }
        if (jdbc.sql("UPDATE redirects SET target = :t WHERE id = :id").param("t", clean).param("id", id).update() == 0) {
            throw new java.util.NoSuchElementException("No redirect " + id);
        }
        changed();
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("DELETE FROM redirects WHERE id = :id").param("id", id).update() == 0) {
            throw new java.util.NoSuchElementException("No redirect " + id);
        }
        changed();
    }

    private void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Once per transaction: an import adds tens of thousands of redirects in one.
            if (TransactionSynchronizationManager.hasResource(this)) {
                return;
            }
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Redirects.this);
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        lookups.invalidateAll();
        pageCache.purgeAll();
    }
}
