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
 * @param mail      how newsletters are handed to the SMTP server
 * @param admin     the owner account to create on first start without the set-up link (containers, tests)
 */
@ConfigurationProperties("dispatch")
public record DispatchProperties(Path dataDir, Database database, Boolean demo, Seed seed, PageCacheSettings pageCache, MailSettings mail,
                                 Admin admin) {

    public DispatchProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (database == null) {
            database = new Database(null, null, null, null);
        }
        if (seed == null) {
            seed = new Seed(0);
        }
        if (pageCache == null) {
            pageCache = new PageCacheSettings(true, 64);
        }
        if (mail == null) {
            mail = new MailSettings(4, 0, 50, null, false);
        }
        if (admin == null) {
            admin = new Admin(null, null);
        }
    }

    /** Both or neither: {@code DISPATCH_ADMIN_EMAIL} and {@code DISPATCH_ADMIN_PASSWORD}. */
    public record Admin(String email, String password) {
        public Admin {
            email = email == null || email.isBlank() ? null : email.strip();
            password = password == null || password.isEmpty() ? null : password;
            if ((email == null) != (password == null)) {
                throw new BadSettingException(email == null ? "DISPATCH_ADMIN_EMAIL" : "DISPATCH_ADMIN_PASSWORD", "is missing",
                        "set both DISPATCH_ADMIN_EMAIL and DISPATCH_ADMIN_PASSWORD, or neither");
            }
        }

        public boolean configured() {
            return email != null;
        }
    }

    /**
     * @param connections this node's connections to PostgreSQL (and, unless {@code server.tomcat.threads.max} is set,
     *                    its request threads); null for {@link #DEFAULT_CONNECTIONS}. Unused on SQLite.
     */
    public record Database(String url, String user, String password, Integer connections) {
        public static final int DEFAULT_CONNECTIONS = 16;
        static final int MAX_CONNECTIONS = 1_000;

        public Database {
            if (connections == null) {
                connections = DEFAULT_CONNECTIONS;
            }
            if (connections < 1 || connections > MAX_CONNECTIONS) {
                throw new BadSettingException("DISPATCH_DATABASE_CONNECTIONS", "is " + connections,
                        "set it to a number of connections from 1 to " + MAX_CONNECTIONS + " (PostgreSQL's max_connections is shared by every node)");
            }
        }
    }

    /** @param articles how many generated filler articles to add on first start, after the demo site */
    public record Seed(int articles) {
    }

    /** @param maxMegabytes memory for cached pages; 0: a quarter of the JVM's maximum heap, at most 64 MB */
    public record PageCacheSettings(boolean enabled, int maxMegabytes) {
        public PageCacheSettings {
            if (maxMegabytes < 0) {
                throw new BadSettingException("DISPATCH_PAGE_CACHE_MB", "is " + maxMegabytes,
                        "set it to 0 (a quarter of the Java heap, at most 64) or a number of megabytes");
            }
        }

        long maxBytes(long maxHeapBytes) {
            return maxMegabytes > 0 ? maxMegabytes * 1024L * 1024L : Math.min(64L * 1024 * 1024, maxHeapBytes / 4);
        }
    }

    /**
     * @param connections   SMTP connections used in parallel for newsletters
     * @param ratePerSecond at most this many messages a second (0: no limit)
     * @param batchSize     messages sent over one connection before it is closed and the ledger updated
     * @param smtp          the SMTP server; without a host, mail is written to files
     * @param hold          hold all outgoing mail from start-up until released in the admin (a restored backup)
     */
    public record MailSettings(int connections, int ratePerSecond, int batchSize, Smtp smtp, boolean hold) {
        public MailSettings {
            if (connections < 1 || connections > 64) {
                throw new BadSettingException("DISPATCH_MAIL_CONNECTIONS", "is " + connections, "set it to a number from 1 to 64");
            }
            if (ratePerSecond < 0) {
                throw new BadSettingException("DISPATCH_MAIL_RATE", "is " + ratePerSecond, "set it to 0 (no limit) or a positive number");
            }
            if (batchSize < 1 || batchSize > 1000) {
                throw new BadSettingException("DISPATCH_MAIL_BATCH", "is " + batchSize, "set it to a number from 1 to 1000");
            }
            if (smtp == null) {
                smtp = new Smtp(null, 25, null, null, false);
            }
        }
    }

    public record Smtp(String host, int port, String user, String password, boolean starttls) {
        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
