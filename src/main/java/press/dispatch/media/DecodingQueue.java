package press.dispatch.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Uploads take turns to be decoded, in order of arrival: only as many at once as the heap has room for (one on a
 * 128 MB heap), so that any number of simultaneous uploads cannot exhaust memory. An upload waiting for its turn
 * holds no pixels (its file stays where the web server put it); one that waits longer than the configured time is
 * refused with "busy, try again" instead of failing later.
 */
@Component
class DecodingQueue {

    /** What one turn may occupy: the cached upload, its decoded pixels, and the variants scaled from them. */
    static final long TURN_BYTES = Photos.MAX_BYTES + Photos.DECODED_BYTES + 12L * 1024 * 1024;

    private final Semaphore turns;
    private final int size;
    private final Duration wait;

    @Autowired
    DecodingQueue(MediaSettings settings) {
        this(turnsFor(Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors()), settings.queueWait());
    }

    DecodingQueue(int turns, Duration wait) {
        this.turns = new Semaphore(turns, true);
        this.size = turns;
        this.wait = wait;
    }

    /** A quarter of the heap for decoding, and no more decodes at once than there are processors. */
    static int turnsFor(long maxHeapBytes, int processors) {
        return (int) Math.max(1, Math.min(processors, maxHeapBytes / 4 / TURN_BYTES));
    }

    /** One upload's turn; closing it lets the next in line start. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    Turn await(String name) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw RejectedUploadException.busy(name + " was not processed: the server is busy with other photos. Try again in a minute.");
        }
        return turns::release;
    }

    int size() {
        return size;
    }
}
