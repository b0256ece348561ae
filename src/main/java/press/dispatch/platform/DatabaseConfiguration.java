package press.dispatch.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DataFolder dataFolder(DispatchProperties properties) {
        return new DataFolder(properties.dataDir());
    }

    @Bean
    Dialect dialect(DispatchProperties properties) {
        return dialectOf(properties.database().url());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DispatchProperties properties, DataFolder dataFolder, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dispatch");
        if (dialect == Dialect.SQLITE) {
            Path file = dataFolder.root().resolve("dispatch.db");
            String url = blank(properties.database().url()) ? "jdbc:sqlite:" + file : properties.database().url();
            // IMMEDIATE transactions take the write lock up front, so two writers wait for each other
            // (busy_timeout) instead of failing with SQLITE_BUSY when a read lock cannot be upgraded.
            config.setJdbcUrl(url + (url.contains("?") ? "&" : "?")
                    + "journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE");
            config.setMaximumPoolSize(8);
            SqliteFileLock lock = SqliteFileLock.acquire(url);
            try {
                return new HikariDataSource(config) {
                    @Override
                    public void close() {
                        super.close();
                        lock.release();
                    }
                };
            } catch (RuntimeException e) {
                lock.release();
                throw e;
            }
        } else {
            checkReachable(properties.database());
            config.setJdbcUrl(properties.database().url());
            config.setUsername(properties.database().user());
            config.setPassword(properties.database().password());
            config.setMaximumPoolSize(properties.database().connections());
        }
        return new HikariDataSource(config);
    }

    /**
     * On PostgreSQL a request thread beyond the connection pool can only wait for a connection, and that wait is not
     * first come, first served: with Tomcat's 200 threads the slowest comment posts took half as long again as with
     * one thread per connection, at the same rate (bench/README.md). SQLite keeps Tomcat's default, as its writes
     * wait in the group commit, whose batches grow with the requests waiting. A set {@code server.tomcat.threads.max}
     * ({@code SERVER_TOMCAT_THREADS_MAX}) wins.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestThreads(Dialect dialect, Environment environment, DispatchProperties properties) {
        String set = environment.getProperty("server.tomcat.threads.max");
        if (set != null && !set.strip().matches("[1-9][0-9]{0,2}|1000")) {
            // Spring refuses what is not a number; 0 or a negative number would start a server that cannot answer
            throw new BadSettingException("SERVER_TOMCAT_THREADS_MAX", "is '" + set + "'", "set it to a whole number from 1 to 1000, such as 16");
        }
        return factory -> {
            if (dialect == Dialect.POSTGRESQL && !environment.containsProperty("server.tomcat.threads.max")) {
                factory.addConnectorCustomizers(connector -> connector.setProperty("maxThreads", String.valueOf(properties.database().connections())));
            }
        };
    }

    @Bean
    DataSourceTransactionManager transactionManager(HikariDataSource dataSource, Dialect dialect) {
        return dialect == Dialect.SQLITE ? new SqliteTransactionManager(dataSource) : new DataSourceTransactionManager(dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer migrationFolders(Dialect dialect) {
        return flyway -> flyway.locations(dialect.migrationLocation());
    }

    /**
     * Connects once before the pool does, so that an unreachable server, a refused password or a missing database
     * stops start-up with one line naming the setting (the pool would log a long stack trace instead).
     */
    static void checkReachable(DispatchProperties.Database database) {
        String url = database.url();
        String shown = url.replaceAll("\\?.*", "");
        Properties props = new Properties();
        if (!blank(database.user())) {
            props.setProperty("user", database.user());
        }
        if (database.password() != null) {
            props.setProperty("password", database.password());
        }
        props.setProperty("connectTimeout", "10");
        Properties parsed = org.postgresql.Driver.parseURL(url, null);
        String where = parsed == null ? shown : parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432");
        try (Connection connection = new org.postgresql.Driver().connect(url, props)) {
            if (connection == null) {
                throw new BadSettingException("DISPATCH_DATABASE_URL", "is '" + shown + "', which the PostgreSQL driver does not accept",
                        "set it to a jdbc:postgresql://host:5432/dbname URL");
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String reason = rootMessage(e);
            if (state.startsWith("28")) {
                throw new BadSettingException("DISPATCH_DATABASE_PASSWORD", "is not accepted by PostgreSQL at " + where + " for user '"
                        + database.user() + "' (" + reason + ")", "set DISPATCH_DATABASE_USER and DISPATCH_DATABASE_PASSWORD to an account of that server");
            }
            if (state.equals("3D000")) {
                throw new BadSettingException("DISPATCH_DATABASE_URL", "is '" + shown + "', but that database does not exist at " + where,
                        "create it (createdb " + (parsed == null ? "dispatch" : parsed.getProperty("PGDBNAME", "dispatch")) + ") or name an existing one");
            }
            throw new BadSettingException("DISPATCH_DATABASE_URL", "is '" + shown + "', but no PostgreSQL server answers at " + where + " (" + reason + ")",
                    "start PostgreSQL there, or set it to the address of a running server, such as jdbc:postgresql://localhost:5432/dispatch");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    static Dialect dialectOf(String url) {
        if (blank(url) || url.startsWith("jdbc:sqlite:")) {
            return Dialect.SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new BadSettingException("DISPATCH_DATABASE_URL", "is '" + url + "', which is neither PostgreSQL nor SQLite",
                "set it to a jdbc:postgresql://host:5432/dbname URL, or leave it empty for the SQLite file in the data folder");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
