package press.dispatch.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.platform.Dialect;

/** One index per database: FTS5 on SQLite, a weighted tsvector on PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    SearchIndex searchIndex(Dialect dialect, JdbcClient jdbc) {
        return dialect == Dialect.SQLITE ? new SqliteSearchIndex(jdbc) : new PostgresSearchIndex(jdbc);
    }
}
