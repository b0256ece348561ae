package press.dispatch.platform;

import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * SQLite lets one writer in at a time. Left to itself, a second writer sleeps in SQLite's busy handler in growing
 * steps (up to 100 ms), which puts whole tenths of a second on the slowest requests. Queuing transactions on a
 * fair lock in the JVM first hands the database from one to the next without sleeping.
 */
final class SqliteTransactionManager extends DataSourceTransactionManager {

    private final ReentrantLock writer = new ReentrantLock(true);

    SqliteTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        writer.lock();
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException | Error e) {
            writer.unlock();
            throw e;
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            if (writer.isHeldByCurrentThread()) {
                writer.unlock();
            }
        }
    }
}
