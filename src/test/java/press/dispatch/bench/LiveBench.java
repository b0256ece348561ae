package press.dispatch.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;

/**
 * Load client for the live stream (bench/live.sh runs it): opens many readers' SSE connections to one live article
 * on one selector thread, posts entries from the admin (as a reporter would, through the real form), and measures
 * for each entry how long it took to reach every reader, from just before the post was sent. Also reports the
 * server's RSS (from /proc) with every reader connected.
 *
 * <p>Usage: LiveBench port serverPid readers rounds email password [streamPort]. With a stream port (the server's
 * {@code dispatch.live.stream-port}) the readers connect there; the reporter always uses the site's port.
 */
public final class LiveBench {

    private static final byte[] RETRY = "retry:".getBytes(StandardCharsets.US_ASCII);

    private LiveBench() {
    }

    /** One reader: the tail of what it has read, to find a marker split across two reads. */
    private static final class Reader {
        final SocketChannel channel;
        final ByteBuffer request;
        byte[] tail = new byte[0];
        boolean connected;
        long arrivedAt;

        Reader(SocketChannel channel, ByteBuffer request) {
            this.channel = channel;
            this.request = request;
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long serverPid = Long.parseLong(args[1]);
        int readers = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        String email = args[4];
        String password = args[5];
        int streamPort = args.length > 6 ? Integer.parseInt(args[6]) : port;

        AdminSession reporter = new AdminSession(port);
        AdminSession.Response signedIn = reporter.signIn(email, password);
        if (signedIn.status() != 302) {
            throw new IllegalStateException("sign-in answered " + signedIn.status());
        }
        Browser browser = new Browser(port);
        Matcher link = Pattern.compile("href=\"(/articles/[^\"#]+)\"").matcher(browser.get("/").body());
        if (!link.find()) {
            throw new IllegalStateException("no article on the front page");
        }
        String articlePath = link.group(1);
        Matcher id = Pattern.compile("id=\"article-([0-9]+)\"").matcher(browser.get(articlePath).body());
        if (!id.find()) {
            throw new IllegalStateException("no article id on " + articlePath);
        }
        long article = Long.parseLong(id.group(1));
        expect(reporter.post("/admin/live/" + article + "/start", Map.of()), "start");

        long rssBefore = rssKb(serverPid);
        Selector selector = Selector.open();
        List<Reader> all = new ArrayList<>(readers);
        byte[] request = ("GET /live/" + article + "/events HTTP/1.0\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        long opening = System.nanoTime();
        // In batches, so Tomcat's accept queue (100) never overflows.
        for (int start = 0; start < readers; start += 100) {
            int end = Math.min(readers, start + 100);
            for (int i = start; i < end; i++) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.connect(new InetSocketAddress("127.0.0.1", streamPort));
                Reader reader = new Reader(channel, ByteBuffer.wrap(request));
                channel.register(selector, SelectionKey.OP_CONNECT, reader);
                all.add(reader);
            }
            int wanted = end;
            pump(selector, buffer, null, () -> all.stream().filter(r -> r.connected).count() >= wanted, 60_000);
        }
        System.out.printf("%d readers connected in %.1f s%n", readers, (System.nanoTime() - opening) / 1e9);
        // Let the server settle (GC, buffers) before reading its memory.
        pump(selector, buffer, null, () -> false, 3_000);
        long rssConnected = rssKb(serverPid);

        List<Double> p50s = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        double worst = 0;
        for (int round = 1; round <= rounds; round++) {
            String marker = "bench-" + round + "-" + System.nanoTime();
            all.forEach(r -> r.arrivedAt = 0);
            long sent = System.nanoTime();
            expect(reporter.post("/admin/live/" + article + "/entries", Map.of("text", "Update " + marker + ".")), "post");
            byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
            boolean all_ = pump(selector, buffer, needle, () -> all.stream().allMatch(r -> r.arrivedAt != 0), 30_000);
            double[] ms = all.stream().mapToDouble(r -> r.arrivedAt == 0 ? Double.NaN : (r.arrivedAt - sent) / 1e6).toArray();
            long missing = Arrays.stream(ms).filter(Double::isNaN).count();
            double[] sorted = Arrays.stream(ms).filter(d -> !Double.isNaN(d)).sorted().toArray();
            double p50 = percentile(sorted, 50);
            double p99 = percentile(sorted, 99);
            double max = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
            p50s.add(p50);
            p99s.add(p99);
            worst = Math.max(worst, max);
            System.out.printf("entry %2d: reached %d/%d readers; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%s%n", round, sorted.length, readers,
                    p50, p99, max, all_ ? "" : " (" + missing + " never received it)");
            pump(selector, buffer, null, () -> false, 500);
        }
        long rssAfter = rssKb(serverPid);
        long hwm = hwmKb(serverPid);
        System.out.printf("server RSS: %d MB before readers, %d MB with %d readers connected, %d MB after %d entries (peak %d MB)%n",
                rssBefore / 1024, rssConnected / 1024, readers, rssAfter / 1024, rounds, hwm / 1024);
        System.out.printf("delivery to all %d readers over %d entries: median of p50 %.0f ms, worst p99 %.0f ms, worst single delivery %.0f ms%n",
                readers, rounds, median(p50s), p99s.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), worst);
        for (Reader r : all) {
            r.channel.close();
        }
    }

    private static void expect(AdminSession.Response answer, String what) {
        if (answer.status() != 302) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    /** Runs the selector until {@code done} holds or the time is up; true when done. */
    private static boolean pump(Selector selector, ByteBuffer buffer, byte[] needle, java.util.function.BooleanSupplier done, long millis)
            throws IOException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (!done.getAsBoolean()) {
            long left = (until - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            selector.select(Math.min(left, 100));
            long now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                Reader reader = (Reader) key.attachment();
                try {
                    if (key.isConnectable()) {
                        reader.channel.finishConnect();
                        key.interestOps(SelectionKey.OP_WRITE);
                    } else if (key.isWritable()) {
                        reader.channel.write(reader.request);
                        if (!reader.request.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        buffer.clear();
                        int n = reader.channel.read(buffer);
                        if (n < 0) {
                            key.cancel();
                            reader.channel.close();
                            continue;
                        }
                        buffer.flip();
                        byte[] read = new byte[reader.tail.length + buffer.remaining()];
                        System.arraycopy(reader.tail, 0, read, 0, reader.tail.length);
                        buffer.get(read, reader.tail.length, read.length - reader.tail.length);
                        if (!reader.connected && indexOf(read, RETRY) >= 0) {
                            reader.connected = true;
                        }
                        if (needle != null && reader.arrivedAt == 0 && indexOf(read, needle) >= 0) {
                            reader.arrivedAt = now;
                        }
                        reader.tail = Arrays.copyOfRange(read, Math.max(0, read.length - 64), read.length);
                    }
                } catch (IOException e) {
                    key.cancel();
                    reader.channel.close();
                }
            }
            selector.selectedKeys().clear();
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    private static long rssKb(long pid) throws IOException {
        return statusKb(pid, "VmRSS:");
    }

    private static long hwmKb(long pid) throws IOException {
        return statusKb(pid, "VmHWM:");
    }

    private static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
