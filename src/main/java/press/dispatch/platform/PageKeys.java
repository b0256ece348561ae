package press.dispatch.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The key a page is cached under: its path, and of its query only the parameters that path's pages read. So
 * {@code /articles/x?fbclid=…} or {@code ?utm_source=…} (every share link has its own) and a made-up
 * {@code ?anything=random} are answered with the cached {@code /articles/x}, instead of each being rendered and stored
 * anew, pushing the pages readers want out of the cache.
 *
 * <p>Which parameters a path's pages read is learned from its renders ({@link PageCacheFilter} records every
 * parameter a render asks for; a render that asks for all of them, or for the query string, makes every parameter
 * count on that path). Until a path has been rendered and stored once, its whole query counts. Pages read their
 * parameters through Spring MVC's {@code @RequestParam}, which reads each declared one on every request, so what a
 * render reads does not depend on the values it is given; should a later render of a path read more, the union counts.
 * Parameters that always count, whatever the page read ({@link #keep}), are those a filter in front of the pages
 * answers to (old WordPress addresses such as {@code /?p=123} redirect).
 */
final class PageKeys {

    /** What a path's renders read: every parameter. */
    static final Set<String> EVERY = Set.of("\0every");
    /** Paths remembered; one forgotten is learned again at its next render. */
    static final int PATHS = 20_000;

    private final Cache<String, Set<String>> readByPath = Caffeine.newBuilder().maximumSize(PATHS).build();
    private final Set<String> kept = new CopyOnWriteArraySet<>();

    /** These parameters always tell pages apart, on every path. */
    void keep(Collection<String> names) {
        kept.addAll(names);
    }

    String keyOf(String path, String query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        Set<String> read = readByPath.getIfPresent(path);
        if (read == null || read == EVERY) {
            return path + "?" + query;
        }
        return path + canonical(query, read);
    }

    /** What a render of this path read ({@link #EVERY} for all of it). */
    void learn(String path, Set<String> read) {
        readByPath.asMap().merge(path, read.isEmpty() ? Set.of() : Set.copyOf(read), (before, now) -> {
            if (before == EVERY || now == EVERY) {
                return EVERY;
            }
            if (before.containsAll(now)) {
                return before;
            }
            Set<String> both = new HashSet<>(before);
            both.addAll(now);
            return Set.copyOf(both);
        });
    }

    /** The pairs of the query whose names count, in order of name (a stable sort: repeated names keep their order); "" for none. */
    private String canonical(String query, Set<String> read) {
        List<Map.Entry<String, String>> counted = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (read.contains(name) || kept.contains(name)) {
                counted.add(Map.entry(name, pair));
            }
        }
        if (counted.isEmpty()) {
            return "";
        }
        counted.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        StringBuilder key = new StringBuilder();
        for (Map.Entry<String, String> pair : counted) {
            key.append(key.isEmpty() ? '?' : '&').append(pair.getValue());
        }
        return key.toString();
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
