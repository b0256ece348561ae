package press.dispatch.live;

import java.io.IOException;
import java.util.ArrayDeque;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * One reader's open stream held by the servlet container (on the site's own port). Writes never block: bytes wait
 * in this connection's queue until the socket takes them (the container calls {@link #onWritePossible} when it can),
 * so one slow reader never holds up the others. A reader who falls {@link #MAX_QUEUED} bytes behind is
 * disconnected; their browser reconnects and resumes where it was.
 *
 * <p>Every use of the response happens under this object's lock, and the container's completion and error callbacks
 * take the same lock and close it: once the container has finished the request (and may reuse its objects for another
 * reader's request), nothing here touches them again.
 */
final class ServletConnection implements Connection, WriteListener, AsyncListener {

    static final int MAX_QUEUED = 1 << 20;

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int queued;
    private boolean listening;
    private boolean finishing;
    private boolean unflushed;
    private volatile boolean closed;
    private Runnable onClose = () -> { };

    ServletConnection(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Starts non-blocking writing; from here on the container calls back when the socket can take more. */
    synchronized void listen(Runnable onClose) {
        this.onClose = onClose;
        out.setWriteListener(this);
        listening = true;
    }

    @Override
    public synchronized void send(byte[] bytes) {
        if (closed) {
            return;
        }
        queued += bytes.length;
        if (queued > MAX_QUEUED) {
            close(true);
            return;
        }
        queue.add(bytes);
        drain();
    }

    /** Sends these last bytes, then ends the response once the socket has taken them. */
    @Override
    public synchronized void finish(byte[] last) {
        send(last);
        finishing = true;
        drain();
    }

    boolean closed() {
        return closed;
    }

    private void drain() {
        if (!listening || closed) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = queue.poll();
                if (next == null) {
                    if (unflushed) {
                        unflushed = false;
                        out.flush();
                        continue;
                    }
                    if (finishing) {
                        close(true);
                    }
                    return;
                }
                queued -= next.length;
                out.write(next);
                unflushed = true;
            }
            // The socket is full: the container calls onWritePossible when it drains.
        } catch (IOException | RuntimeException e) {
            // The reader went away; the container completes the request itself.
            close(false);
        }
    }

    synchronized void close() {
        close(true);
    }

    private void close(boolean complete) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        onClose.run();
        if (complete) {
            complete();
        }
    }

    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // Already completed by the container.
        }
    }

    @Override
    public synchronized void onWritePossible() {
        drain();
    }

    @Override
    public synchronized void onError(Throwable t) {
        close(false);
    }

    @Override
    public synchronized void onComplete(AsyncEvent event) {
        close(false);
    }

    @Override
    public synchronized void onTimeout(AsyncEvent event) {
        close(true);
    }

    @Override
    public synchronized void onError(AsyncEvent event) {
        close(false);
        // Completed here even when a failed write closed it already: a request nobody completes in onError is sent to
        // the error page, which cannot write its answer on an event stream and logs two warnings for each reader who left.
        complete();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
