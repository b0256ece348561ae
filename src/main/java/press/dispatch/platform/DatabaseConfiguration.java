package press.dispatch.platform;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
        } else {
            config.setJdbcUrl(properties.database().url());
            config.setUsername(properties.database().user());
            config.setPassword(properties.database().password());
            config.setMaximumPoolSize(16);
        }
        return new HikariDataSource(config);
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
