package press.dispatch.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import press.dispatch.platform.BadSettingException;
import press.dispatch.platform.SecurityHeaders;

/**
 * The readers' live streams on a port of their own ({@code dispatch.live.stream-port}), for a site with thousands of
 * readers on a live page: a small HTTP server that answers only {@code GET /live/{articleId}/events}, on one selector
 * thread, where an open stream costs its socket and a few hundred bytes (see {@link ChannelConnection}) instead of a
 * servlet container's request with its buffers. The events are the same bytes the site's own port sends, from the
 * same broadcasters; a reader resumes after their {@code Last-Event-ID} (or the page's {@code ?after=}) the same way.
 *
 * <p>Limits, so that no client can exhaust it: the request head must arrive within {@link #HEAD_TIMEOUT} and fit in
 * {@link ChannelConnection#MAX_HEAD} bytes; at most {@code max-readers} connections in all and {@code max-per-address}
 * streams per reader's address; a reader that does not take what is sent is dropped when its backlog is full or
 * has waited {@link #STALL_LIMIT}. Nothing from the request is written back in an answer.
 *
 * <p>Without a stream port (the default) this does nothing, and the site's own port serves the streams.
 */
@Component
class StreamServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamServer.class);

    static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);
    static final Duration STALL_LIMIT = Duration.ofSeconds(60);
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    static final byte[] STREAM_HEAD = head("200 OK", "Content-Type: text/event-stream;charset=UTF-8\r\nX-Accel-Buffering: no\r\n");
    static final byte[] NOT_LIVE = head("204 No Content", "");
    static final byte[] BAD_REQUEST = head("400 Bad Request", "Content-Length: 0\r\n");
    static final byte[] NOT_FOUND = head("404 Not Found", "Content-Length: 0\r\n");
    static final byte[] NOT_ALLOWED = head("405 Method Not Allowed", "Allow: GET\r\nContent-Length: 0\r\n");
    static final byte[] TOO_MANY = head("429 Too Many Requests", "Retry-After: 60\r\nContent-Length: 0\r\n");
    static final byte[] HEAD_TOO_LARGE = head("431 Request Header Fields Too Large", "Content-Length: 0\r\n");
    static final byte[] UNAVAILABLE = head("503 Service Unavailable", "Retry-After: 10\r\nContent-Length: 0\r\n");

    private final Broadcasters broadcasters;
    private final Broadcasters.Missed missed;
    private final LiveSettings settings;
    /** Connections whose request has not all arrived: closed when it is overdue. */
    private final Set<ChannelConnection> requesting = ConcurrentHashMap.newKeySet();
    /** Connections with a backlog: dropped when it has waited too long. */
    private final Set<ChannelConnection> behind = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> streamsPerAddress = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running;
    private volatile long fullSince;
    private Selector selector;
    private ServerSocketChannel server;
    private Thread thread;
    private ExecutorService openers;

    StreamServer(Broadcasters broadcasters, LiveSettings settings) {
        this.broadcasters = broadcasters;
        this.missed = broadcasters.missed();
        this.settings = settings;
    }

    /** An answer's head: constant bytes, the same security headers as the site's pages, and the end of the connection. */
    private static byte[] head(String status, String headers) {
        return ("HTTP/1.1 " + status + "\r\n" + headers + "Cache-Control: no-store\r\nContent-Security-Policy: "
                + SecurityHeaders.CONTENT_SECURITY_POLICY + "\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: SAMEORIGIN\r\n"
                + "Referrer-Policy: strict-origin-when-cross-origin\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void start() {
        if (!settings.ownPort()) {
            return;
        }
        try {
            selector = Selector.open();
            server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            InetSocketAddress address = settings.streamAddress() == null ? new InetSocketAddress(settings.streamPort())
                    : new InetSocketAddress(InetAddress.getByName(settings.streamAddress()), settings.streamPort());
            server.bind(address, 1_024);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new BadSettingException("DISPATCH_LIVE_STREAM_PORT", "is " + settings.streamPort() + ", which cannot be listened on ("
                    + e.getMessage() + ")", "set it to a free port, or 0 to serve streams on the site's own port");
        }
        openers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "live-stream-open");
            t.setDaemon(true);
            return t;
        });
        running = true;
        thread = new Thread(this::run, "live-stream-port");
        thread.setDaemon(true);
        thread.start();
        log.info("Live streams served on port {}", port());
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        openers.shutdownNow();
        List<ChannelConnection> connections = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof ChannelConnection c) {
                connections.add(c);
            }
        }
        connections.forEach(ChannelConnection::close);
        try {
            server.close();
            selector.close();
        } catch (IOException ignored) {
            // Stopping anyway.
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The port streams are served on, or 0 when they are served on the site's own port. */
    int port() {
        try {
            return server == null ? 0 : ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connections open on the stream port, streams and requests still arriving alike. */
    int connections() {
        return open.get();
    }

    private void run() {
        // Twice the longest head: a request refused as too long has usually been read whole, so closing sends no reset.
        ByteBuffer buffer = ByteBuffer.allocateDirect(2 * ChannelConnection.MAX_HEAD);
        long nextSweep = System.nanoTime() + SWEEP_NANOS;
        while (running) {
            try {
                selector.select(key -> ready(key, buffer), 1_000);
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + SWEEP_NANOS;
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Live stream port: {}", e.toString());
            }
        }
    }

    private void ready(SelectionKey key, ByteBuffer buffer) {
        try {
            if (key.isAcceptable()) {
                accept();
                return;
            }
            ChannelConnection c = (ChannelConnection) key.attachment();
            if (key.isReadable()) {
                c.readable(buffer);
            }
            if (key.isValid() && key.isWritable()) {
                c.writable();
            }
        } catch (CancelledKeyException e) {
            // Closed by another thread meanwhile.
        }
    }

    private void accept() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // Out of file descriptors, most likely: the next round tries again.
                log.warn("Live stream port cannot accept: {}", e.toString());
                return;
            }
            if (channel == null) {
                return;
            }
            try {
                if (open.get() >= settings.maxReaders()) {
                    full();
                    channel.close();
                    continue;
                }
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                InetAddress peer = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                ChannelConnection c = new ChannelConnection(this, channel, key, peer, System.nanoTime() + HEAD_TIMEOUT.toNanos());
                key.attach(c);
                open.incrementAndGet();
                requesting.add(c);
            } catch (IOException e) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Gone already.
                }
            }
        }
    }

    private void full() {
        long now = System.nanoTime();
        if (fullSince == 0 || now - fullSince > TimeUnit.MINUTES.toNanos(1)) {
            fullSince = now;
            log.warn("Live stream port holds {} connections, its limit (DISPATCH_LIVE_MAX_READERS): new readers are turned away", open.get());
        }
    }

    private void sweep(long now) {
        for (ChannelConnection c : requesting) {
            if (c.headOverdue(now)) {
                c.close();
            }
        }
        for (ChannelConnection c : behind) {
            if (c.behindFor(now) > STALL_LIMIT.toNanos()) {
                c.close();
            }
        }
    }

    /** On the selector thread, once a connection's request head has arrived ({@code null}: it was not HTTP). */
    void requested(ChannelConnection c, StreamRequest request) {
        requesting.remove(c);
        if (request == null) {
            c.finish(BAD_REQUEST);
            return;
        }
        if (!request.method().equals("GET")) {
            c.finish(NOT_ALLOWED);
            return;
        }
        if (request.articleId() < 0) {
            c.finish(NOT_FOUND);
            return;
        }
        String address = readerAddress(c.peer(), request.forwardedFor());
        if (!count(address)) {
            c.finish(TOO_MANY);
            return;
        }
        c.counted(address);
        try {
            openers.execute(() -> open(c, request.articleId(), request.after()));
        } catch (RejectedExecutionException e) {
            c.close();
        }
    }

    /** Off the selector thread, as opening may read the database: answers, replays what the reader missed, and registers. */
    private void open(ChannelConnection c, long articleId, long after) {
        boolean streaming = false;
        try {
            Optional<Broadcaster> found = broadcasters.open(articleId);
            if (found.isEmpty()) {
                c.finish(broadcasters.isPublic(articleId) ? NOT_LIVE : NOT_FOUND);
                return;
            }
            Broadcaster broadcaster = found.get();
            if (!c.onClose(() -> broadcaster.disconnect(c))) {
                return;
            }
            c.send(STREAM_HEAD);
            streaming = true;
            c.send(LiveStream.RETRY);
            if (!broadcaster.connect(c, after, since -> missed.since(articleId, since))) {
                c.finish(Broadcasters.ENDED);
            } else if (c.closed()) {
                // Closed while it was being registered: its close ran before there was anything to remove.
                broadcaster.disconnect(c);
            }
        } catch (RuntimeException e) {
            log.warn("Live stream of article {} not opened: {}", articleId, e.toString());
            if (streaming) {
                // The answer has begun: ending it is all that is left; the browser reconnects.
                c.close();
            } else {
                c.finish(UNAVAILABLE);
            }
        }
    }

    /**
     * The reader's address: the peer's, or, when the peer is a proxy on a loopback or private address, the last
     * address in {@code X-Forwarded-For} (the one the proxy added; any before it the client may have made up).
     */
    static String readerAddress(InetAddress peer, String forwardedFor) {
        if (forwardedFor != null && (peer.isLoopbackAddress() || peer.isSiteLocalAddress() || peer.isLinkLocalAddress()
                || (peer.getAddress().length == 16 && (peer.getAddress()[0] & 0xfe) == 0xfc))) {
            String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).strip();
            if (ADDRESS.matcher(last).matches()) {
                return last;
            }
        }
        return peer.getHostAddress();
    }

    private boolean count(String address) {
        boolean[] counted = {false};
        streamsPerAddress.compute(address, (a, n) -> {
            int now = n == null ? 0 : n;
            if (now >= settings.maxPerAddress()) {
                return n;
            }
            counted[0] = true;
            return now + 1;
        });
        return counted[0];
    }

    /** A connection's sending left bytes the socket did not take: the selector writes them when it can. */
    void behind(ChannelConnection c) {
        behind.add(c);
        try {
            c.key().interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            selector.wakeup();
        } catch (CancelledKeyException e) {
            // Closing.
        }
    }

    void caughtUp(ChannelConnection c) {
        behind.remove(c);
        try {
            c.key().interestOps(SelectionKey.OP_READ);
        } catch (CancelledKeyException e) {
            // Closing.
        }
    }

    void closed(ChannelConnection c) {
        open.decrementAndGet();
        requesting.remove(c);
        behind.remove(c);
        String address = c.address();
        if (address != null) {
            streamsPerAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }
}
