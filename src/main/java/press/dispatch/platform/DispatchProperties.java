package press.dispatch.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings read at start-up. Environment variables are mapped onto these names in
 * {@code application.properties}; the README lists every one.
 *
 * @param dataDir   folder holding the SQLite file, media and outgoing mail
 * @param database  connection; an empty URL means the SQLite file in the data folder
 * @param demo      load the demo site into an empty database; {@code null} means "only on the embedded default"
 * @param seed      generated filler content for benchmarks
 * @param pageCache the in-process cache of whole public pages
 */
@ConfigurationProperties("dispatch")
public record DispatchProperties(Path dataDir, Database database, Boolean demo, Seed seed, PageCacheSettings pageCache) {

    public DispatchProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (database == null) {
            database = new Database(null, null, null);
        }
        if (seed == null) {
            seed = new Seed(0);
        }
        if (pageCache == null) {
            pageCache = new PageCacheSettings(true, 64);
        }
    }

    public record Database(String url, String user, String password) {
    }

    /** @param articles how many generated filler articles to add on first start, after the demo site */
    public record Seed(int articles) {
    }

    public record PageCacheSettings(boolean enabled, int maxMegabytes) {
    }
}
