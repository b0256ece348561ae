package press.dispatch.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for small, frequent writes from many requests at once (a comment, say). Each caller hands over a
 * unit of work and waits; one writer thread runs every unit waiting at that moment in one transaction, each unit
 * inside its own savepoint, and commits once. A caller returns only after the commit, so nothing it was told is
 * stored can be lost to a crash; a unit that fails rolls back to its savepoint and only its caller sees the error.
 *
 * <p>One durable commit (an fsync) then carries many writes instead of one, which is what limits write rates on
 * SQLite, where only one writer runs at a time anyway. PostgreSQL runs concurrent transactions and groups their
 * WAL flushes itself, so there each unit simply runs in its own transaction on the caller's thread.
 */
@Component
public class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    static final int MAX_BATCH = 128;

    private record Unit(Supplier<?> work, CompletableFuture<Object> done) {
    }

    private final BlockingQueue<Unit> queue = new ArrayBlockingQueue<>(10_000);
    private final TransactionTemplate outer;
    private final TransactionTemplate savepoint;
    private final Thread writer;
    private volatile boolean running = true;

    private final boolean batched;

    GroupCommit(PlatformTransactionManager transactions, Dialect dialect) {
        this.batched = dialect == Dialect.SQLITE;
        this.outer = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.writer = new Thread(this::run, "group-commit");
        this.writer.setDaemon(true);
        if (batched) {
            this.writer.start();
        }
    }

    /**
     * Runs {@code work}, which is a single statement (atomic by itself), and returns its result once committed: on
     * SQLite batched like {@link #write}; on PostgreSQL as one auto-committed statement, without the two extra
     * round trips of a transaction of its own.
     */
    public <T> T writeStatement(Supplier<T> work) {
        return batched ? write(work) : work.get();
    }

    /**
     * Whether every write runs one after another (SQLite), so a check made inside {@link #write} holds until the
     * write commits. On PostgreSQL writes run side by side in read-committed transactions.
     */
    public boolean serial() {
        return batched;
    }

    /** Runs {@code work} in a transaction shared with other callers' work and returns its result once committed. */
    @SuppressWarnings("unchecked")
    public <T> T write(Supplier<T> work) {
        if (!batched) {
            return outer.execute(status -> work.get());
        }
        CompletableFuture<Object> done = new CompletableFuture<>();
        try {
            if (!running || !queue.offer(new Unit(work, done), 5, TimeUnit.SECONDS)) {
                throw new RejectedExecutionException("The database is not keeping up with writes; try again shortly.");
            }
            return (T) done.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a commit", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No commit within 60 s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Unit> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Unit first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("A group commit failed; its {} writes were refused", batch.size(), e);
                batch.forEach(u -> u.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Unit> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        outer.executeWithoutResult(status -> {
            for (int i = 0; i < batch.size(); i++) {
                Unit unit = batch.get(i);
                try {
                    results[i] = savepoint.execute(s -> unit.work().get());
                } catch (RuntimeException e) {
                    failures[i] = e;
                }
            }
        });
        // Committed: only now does each caller hear its answer.
        for (int i = 0; i < batch.size(); i++) {
            if (failures[i] != null) {
                batch.get(i).done().completeExceptionally(failures[i]);
            } else {
                batch.get(i).done().complete(results[i]);
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
        List<Unit> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(u -> u.done().completeExceptionally(new RejectedExecutionException("Shutting down")));
    }
}
