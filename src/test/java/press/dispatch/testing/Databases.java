package press.dispatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real databases for tests: a fresh SQLite file, or a fresh database on one embedded PostgreSQL server that
 * lives as long as the test JVM.
 */
public final class Databases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    /** A new data folder; the SQLite file is made inside it. */
    public static Path sqlite(DynamicPropertyRegistry registry) {
        Path dir = tempDir();
        registry.add("dispatch.data-dir", dir::toString);
        registry.add("dispatch.database.url", () -> "");
        return dir;
    }

    /** A new data folder and a new, empty PostgreSQL database. */
    public static Path postgres(DynamicPropertyRegistry registry) {
        Path dir = tempDir();
        String name = "dispatch_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        EmbeddedPostgres server = server();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        registry.add("dispatch.data-dir", dir::toString);
        registry.add("dispatch.database.url", () -> server.getJdbcUrl("postgres", name));
        registry.add("dispatch.database.user", () -> "postgres");
        registry.add("dispatch.database.password", () -> "postgres");
        return dir;
    }

    /**
     * A new, empty database on the embedded server, for tests that start several nodes on one database: its JDBC
     * URL (user and password are both {@code postgres}).
     */
    public static String newPostgresDatabase() {
        String name = "dispatch_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        EmbeddedPostgres server = server();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            // Stopped at exit only after Spring has closed every node still open (its shutdown hook runs these handlers
            // last). A JVM hook of its own ran alongside Spring's and took the database away from nodes still closing,
            // whose last queries then waited 30 s for a connection, until Surefire killed the test JVM.
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the server's folder is temporary.
                }
            });
        }
        return postgres;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("dispatch-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
