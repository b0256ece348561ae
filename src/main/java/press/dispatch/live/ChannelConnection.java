package press.dispatch.live;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One reader's connection to the stream port ({@link StreamServer}). While it is open it holds only its socket and
 * this small state: the head of the request while it arrives (at most {@link #MAX_HEAD} bytes, dropped once read),
 * and a backlog only while the socket has not taken everything sent (views of the event bytes every reader shares,
 * never copies). Sending writes at once, on the sender's thread, without blocking; what the socket does not take
 * waits in the backlog and the server's selector thread writes it when the socket drains. A reader whose backlog
 * exceeds {@link #MAX_BACKLOG_BYTES} bytes or {@link #MAX_BACKLOG_WRITES} writes is disconnected; their browser
 * reconnects and resumes where it was.
 *
 * <p>The socket is written only under this object's lock; once closed, nothing touches it again.
 */
final class ChannelConnection implements Connection {

    /** A browser's request with its cookies fits easily; a longer one is refused (431). */
    static final int MAX_HEAD = 8 * 1024;
    static final int MAX_BACKLOG_BYTES = 1 << 20;
    static final int MAX_BACKLOG_WRITES = 1_024;
    /** A reader sends nothing after its request; one that keeps sending is cut off after this much. */
    private static final int MAX_DISCARDED = 16 * 1024;

    private final StreamServer server;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final InetAddress peer;
    private final long headDeadline;
    private byte[] head;
    private int headLength;
    private boolean requested;
    private int discarded;
    private ArrayDeque<ByteBuffer> backlog;
    private int backlogBytes;
    private long behindSince;
    private boolean finishing;
    private volatile boolean closed;
    private Runnable onClose = () -> { };
    /** The reader's address as counted against the limit per address, once the request was read; null before. */
    private volatile String address;

    ChannelConnection(StreamServer server, SocketChannel channel, SelectionKey key, InetAddress peer, long headDeadline) {
        this.server = server;
        this.channel = channel;
        this.key = key;
        this.peer = peer;
        this.headDeadline = headDeadline;
    }

    InetAddress peer() {
        return peer;
    }

    SelectionKey key() {
        return key;
    }

    String address() {
        return address;
    }

    void counted(String address) {
        this.address = address;
    }

    boolean headOverdue(long now) {
        return !requested && now - headDeadline > 0;
    }

    /** On the selector thread: reads what arrived with this (the thread's own) buffer. */
    void readable(ByteBuffer buffer) {
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            close();
            return;
        }
        if (n < 0) {
            close();
            return;
        }
        if (requested) {
            discarded += n;
            if (discarded > MAX_DISCARDED) {
                close();
            }
            return;
        }
        if (headLength + n > MAX_HEAD) {
            requested = true;
            head = null;
            finish(StreamServer.HEAD_TOO_LARGE);
            return;
        }
        head = head == null ? new byte[n] : Arrays.copyOf(head, headLength + n);
        buffer.flip();
        buffer.get(head, headLength, n);
        headLength += n;
        int end = StreamRequest.endOfHead(head, headLength);
        if (end < 0) {
            return;
        }
        requested = true;
        byte[] read = head;
        head = null;
        StreamRequest request;
        try {
            request = StreamRequest.parse(read, end);
        } catch (RuntimeException e) {
            request = null;
        }
        server.requested(this, request);
    }

    /**
     * Runs {@code onClose} when this connection closes.
     *
     * @return false when it closed already (then {@code onClose} never runs)
     */
    synchronized boolean onClose(Runnable onClose) {
        if (closed) {
            return false;
        }
        this.onClose = onClose;
        return true;
    }

    @Override
    public synchronized void send(byte[] bytes) {
        if (closed || finishing) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (backlog == null) {
            try {
                channel.write(buffer);
            } catch (IOException e) {
                close();
                return;
            }
            if (!buffer.hasRemaining()) {
                return;
            }
            backlog = new ArrayDeque<>(4);
            behindSince = System.nanoTime();
            server.behind(this);
        }
        if (backlog.size() >= MAX_BACKLOG_WRITES || backlogBytes + buffer.remaining() > MAX_BACKLOG_BYTES) {
            close();
            return;
        }
        backlog.add(buffer);
        backlogBytes += buffer.remaining();
    }

    @Override
    public synchronized void finish(byte[] last) {
        send(last);
        if (closed) {
            return;
        }
        finishing = true;
        if (backlog == null) {
            close();
        }
    }

    @Override
    public synchronized void heartbeat(byte[] comment) {
        if (backlog == null) {
            send(comment);
        }
    }

    /** On the selector thread, when the socket can take more: writes the backlog. */
    synchronized void writable() {
        if (closed || backlog == null) {
            return;
        }
        try {
            while (!backlog.isEmpty()) {
                ByteBuffer next = backlog.peek();
                backlogBytes -= channel.write(next);
                if (next.hasRemaining()) {
                    return;
                }
                backlog.poll();
            }
        } catch (IOException e) {
            close();
            return;
        }
        backlog = null;
        backlogBytes = 0;
        server.caughtUp(this);
        if (finishing) {
            close();
        }
    }

    /** How long the reader has had bytes waiting that the socket did not take (0: none waiting). */
    synchronized long behindFor(long now) {
        return backlog == null ? 0 : now - behindSince;
    }

    boolean closed() {
        return closed;
    }

    void close() {
        Runnable then;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            backlog = null;
            head = null;
            then = onClose;
        }
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closed either way.
        }
        then.run();
        server.closed(this);
    }
}
