package press.dispatch.site;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.platform.SqlTime;

/** Reads and changes the site's settings. Reads come from memory; a change reloads them after commit. */
@Service
public class SiteSettings {

    private static final String DEMO_MARKER = "demo.loaded_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final press.dispatch.platform.MemoryCopy<Settings> current;
    private final Environment environment;
    private volatile String listeningAddress;
    private final org.springframework.beans.factory.ObjectProvider<SiteLogo> logos;

    SiteSettings(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, Environment environment, press.dispatch.platform.PageCache cache,
                 org.springframework.beans.factory.ObjectProvider<SiteLogo> logos) {
        this.logos = logos;
        // Settings saved on another node: its purge of every page arrives here, and they are read again.
        this.current = new press.dispatch.platform.MemoryCopy<>(this::load, cache);
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.environment = environment;
        String port = environment.getProperty("server.port", "8080");
        this.listeningAddress = address(port.matches("[1-9][0-9]{0,4}") ? Integer.parseInt(port) : 8080);
    }

    public Settings current() {
        return current.get();
    }

    /**
     * Saves every value or none; unknown keys and broken rules are reported together. The Settings screen and the Admin
     * API both come here, so they keep the same rules: each {@link Setting#problemWith}, and a logo photo that exists.
     */
    @Transactional
    public void update(Map<String, String> changes) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<Setting, String> accepted = new EnumMap<>(Setting.class);
        changes.forEach((key, value) -> Setting.ofKey(key).ifPresentOrElse(
                setting -> setting.problemWith(value).ifPresentOrElse(p -> problems.put(key, p), () -> accepted.put(setting, value.strip())),
                () -> problems.put(key, "is not a setting")));
        String logo = accepted.get(Setting.LOGO_PHOTO);
        SiteLogo library = logos.getIfAvailable();
        if (logo != null && !logo.isEmpty() && library != null && library.find(Long.parseLong(logo), SiteShell.LOGO_HEIGHT).isEmpty()) {
            problems.put(Setting.LOGO_PHOTO.key(), "names no photo in the library: choose one from Photos, or empty for none");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        Timestamp now = SqlTime.of(clock.instant());
        accepted.forEach((setting, value) -> upsert(setting.key(), value, now));
        events.publishEvent(new SiteSettingsChanged());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void reloadAfterCommit(SiteSettingsChanged changed) {
        current.forget();
    }

    /** Until the base URL is set, links follow the port the server actually opened (SERVER_PORT, or a random one). */
    @EventListener
    void serverStarted(WebServerInitializedEvent started) {
        if (started.getApplicationContext().getServerNamespace() == null) {
            listeningAddress = address(started.getWebServer().getPort());
            current.forget();
        }
    }

    private String address(int port) {
        String host = environment.getProperty("server.address", "localhost");
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "localhost";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, true) && (environment.containsProperty("server.ssl.bundle")
                || environment.containsProperty("server.ssl.key-store") || environment.containsProperty("server.ssl.certificate"));
        return (tls ? "https" : "http") + "://" + host + ":" + port;
    }

    public boolean demoLoaded() {
        return jdbc.sql("SELECT COUNT(*) FROM site_settings WHERE key = :key").param("key", DEMO_MARKER).query(Long.class).single() > 0;
    }

    @Transactional
    public void markDemoLoaded() {
        upsert(DEMO_MARKER, clock.instant().toString(), SqlTime.of(clock.instant()));
    }

    private void upsert(String key, String value, Timestamp now) {
        jdbc.sql("""
                INSERT INTO site_settings (key, value, updated_at) VALUES (:key, :value, :now)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """).param("key", key).param("value", value).param("now", now).update();
    }

    private Settings load() {
        Map<Setting, String> stored = new EnumMap<>(Setting.class);
        jdbc.sql("SELECT key, value FROM site_settings").query((rs, n) -> Map.entry(rs.getString("key"), rs.getString("value")))
                .list()
                .forEach(e -> Setting.ofKey(e.getKey()).ifPresent(s -> stored.put(s, e.getValue())));
        return new Settings(stored, listeningAddress);
    }
}
