package press.dispatch.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class NodesShutdownTest {

    /** A database that has gone away without refusing: asking for a connection waits until the test lets go. */
    private static final class UnansweringDatabase extends AbstractDataSource {
        final CountDownLatch asked = new CountDownLatch(1);
        final CountDownLatch letGo = new CountDownLatch(1);

        @Override
        public Connection getConnection() throws SQLException {
            asked.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("the database went away");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aNodeStoppingAfterItsDatabaseStoppedAnsweringStopsWithoutWaitingForIt() throws Exception {
        UnansweringDatabase database = new UnansweringDatabase();
        Nodes nodes = new Nodes(JdbcClient.create(database), Dialect.POSTGRESQL, Duration.ofSeconds(15), Duration.ofSeconds(5));
        try {
            nodes.destroy();

            assertThat(database.asked.await(30, TimeUnit.SECONDS)).as("the node tried to end its lease").isTrue();
            assertThat(database.letGo.getCount()).as("the database is still not answering when the shutdown is over").isEqualTo(1);
        } finally {
            database.letGo.countDown();
        }
    }
}
