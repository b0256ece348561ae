package press.dispatch.platform;

import java.nio.file.Path;

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

    /** Connections to PostgreSQL per node (and, unless {@code server.tomcat.threads.max} is set, request threads). */
    static final int POSTGRESQL_CONNECTIONS = 16;

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
        } else {
            config.setJdbcUrl(properties.database().url());
            config.setUsername(properties.database().user());
            config.setPassword(properties.database().password());
            config.setMaximumPoolSize(POSTGRESQL_CONNECTIONS);
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
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestThreads(Dialect dialect, Environment environment) {
        return factory -> {
            if (dialect == Dialect.POSTGRESQL && !environment.containsProperty("server.tomcat.threads.max")) {
                factory.addConnectorCustomizers(connector -> connector.setProperty("maxThreads", String.valueOf(POSTGRESQL_CONNECTIONS)));
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
