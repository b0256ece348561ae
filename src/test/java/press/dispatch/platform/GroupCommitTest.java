package press.dispatch.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Many writers at once share commits, and one failing write takes nobody else's with it. */
class GroupCommitTest extends SiteTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    GroupCommit groupCommit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void concurrentWritesAreAllStoredAndAFailingOneFailsAlone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // Every tenth writer uses the same key: the first to run stores it, the rest break the primary key.
            String key = i % 10 == 0 ? "test.same" : "test.distinct." + i;
            futures.add(pool.submit(() -> {
                try {
                    groupCommit.write(() -> jdbc.sql("INSERT INTO site_settings (key, value, updated_at) VALUES (:key, 'v', :now)")
                            .param("key", key).param("now", SqlTime.of(clock.instant())).update());
                } catch (DataAccessException e) {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(refused.get()).isEqualTo(19);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM site_settings WHERE key LIKE 'test.%'").query(Long.class).single()).isEqualTo(181);
    }

    @Test
    void onSqliteASingleStatementIsBatchedLikeAnyOtherWrite() {
        assertThat(groupCommit.serial()).isTrue();
        boolean inTransaction = groupCommit.writeStatement(TransactionSynchronizationManager::isActualTransactionActive);
        assertThat(inTransaction).isTrue();
        assertThat(Thread.currentThread().getName()).isNotEqualTo("group-commit");
        String writer = groupCommit.writeStatement(() -> Thread.currentThread().getName());
        assertThat(writer).isEqualTo("group-commit");
    }

    @Test
    void onPostgresqlASingleStatementRunsOnItsOwnWithoutATransaction() {
        GroupCommit postgres = new GroupCommit(new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource), Dialect.POSTGRESQL);
        assertThat(postgres.serial()).isFalse();
        assertThat(postgres.writeStatement(TransactionSynchronizationManager::isActualTransactionActive)).isFalse();
        assertThat(postgres.write(TransactionSynchronizationManager::isActualTransactionActive)).isTrue();
    }
}
