package press.dispatch.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live contract with readers' streams on a port of their own ({@code dispatch.live.stream-port}), as a site
 * behind a proxy that routes {@code /live/} there; and the limits that keep that port from being exhausted by a
 * hostile or slow client.
 */
class LiveOnStreamPortTest extends LiveContract {

    private static final int PER_ADDRESS = 4;

    @Autowired
    StreamServer streams;

    @Autowired
    Broadcasters broadcasters;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
        registry.add("dispatch.live.stream-port", LiveOnStreamPortTest::freePort);
        registry.add("dispatch.live.max-per-address", () -> PER_ADDRESS);
    }

    @Override
    int streamPort() {
        return streams.port();
    }

    @Test
    void thePagesOwnStreamAddressIsAnsweredOnTheStreamPortAndStillOnTheSitesPort() {
        assertThat(streams.port()).isPositive().isNotEqualTo(port);
        Entry entry = live.post(reporter, article, EntryInput.text("On both ports."));
        // What the page's script opens; a proxy routes /live/ to the stream port.
        String address = page().selectFirst(".live-timeline").attr("data-stream");
        assertThat(address).isEqualTo(LiveStream.path(article));
        for (int p : List.of(streams.port(), port)) {
            try (EventStream stream = new EventStream(p, address + "?after=0", null)) {
                assertThat(stream.status()).isEqualTo(200);
                assertThat(stream.next().id()).isEqualTo(Long.toString(entry.sequence()));
            }
        }
    }

    @Test
    void oneReadersAddressMayHoldOnlySoManyStreamsAndTheAddressIsTheOneTheProxyAdded() {
        String reader = "X-Forwarded-For: 198.51.100." + (1 + (int) (article % 200)) + "\r\n";
        List<EventStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                open.add(new EventStream(streamPort(), LiveStream.path(article), null, reader));
                assertThat(open.get(i).status()).isEqualTo(200);
            }
            // An address the client put first is its own claim; the proxy's (the last) is the one that counts.
            try (EventStream oneTooMany = new EventStream(streamPort(), LiveStream.path(article), null,
                    "X-Forwarded-For: 203.0.113.9, " + reader.substring("X-Forwarded-For: ".length()))) {
                assertThat(oneTooMany.status()).isEqualTo(429);
            }
            try (EventStream otherReader = new EventStream(streamPort(), LiveStream.path(article), null, "X-Forwarded-For: 203.0.113.9\r\n")) {
                assertThat(otherReader.status()).isEqualTo(200);
            }
            open.remove(0).close();
            await("the closed stream no longer counts").atMost(Duration.ofSeconds(20)).until(() -> {
                try (EventStream again = new EventStream(streamPort(), LiveStream.path(article), null, reader)) {
                    return again.status() == 200;
                }
            });
        } finally {
            open.forEach(EventStream::close);
        }
    }

    @Test
    void aReaderWhoStopsReadingIsDroppedWhileTheOthersReadOn() throws IOException {
        try (EventStream reading = new EventStream(streamPort(), LiveStream.path(article), null);
             Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4 * 1024);
            stalled.connect(new java.net.InetSocketAddress("localhost", streamPort()));
            stalled.getOutputStream().write(("GET " + LiveStream.path(article) + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(reading.status()).isEqualTo(200);
            await("both readers connected").atMost(Duration.ofSeconds(20)).until(() -> broadcasters.readers(article) == 2);

            // Long events, until the reader who takes nothing has more waiting than a stream may hold.
            Broadcaster broadcaster = broadcasters.open(article).orElseThrow();
            String filler = "x".repeat(64 * 1024);
            List<String> sent = new ArrayList<>();
            await("the stalled reader dropped").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                long next = broadcaster.lastSequence() + 1;
                sent.add(Long.toString(next));
                broadcaster.publish(List.of(new Broadcaster.Event(next, ("id: " + next + "\nevent: filler\ndata: " + filler + "\n\n")
                        .getBytes(StandardCharsets.UTF_8))));
                return broadcasters.readers(article) == 1;
            });

            List<String> read = new ArrayList<>();
            while (read.size() < sent.size()) {
                read.add(reading.next().id());
            }
            assertThat(read).as("the reader who reads has every event").isEqualTo(sent);
            String received = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(received).as("the stalled reader's stream ended short").startsWith("HTTP/1.1 200")
                    .doesNotContain("id: " + sent.get(sent.size() - 1) + "\n");
        }
    }

    @Test
    void aRequestHeadLongerThanEightKilobytesIsRefused() {
        String cookie = "Cookie: crumbs=" + "c".repeat(ChannelConnection.MAX_HEAD) + "\r\n";
        try (EventStream stream = new EventStream(streamPort(), LiveStream.path(article), null, cookie)) {
            assertThat(stream.status()).isEqualTo(431);
        }
    }

    @Test
    void aRequestHeadThatNeverEndsIsCutOff() throws IOException {
        try (Socket slow = new Socket("localhost", streamPort())) {
            slow.getOutputStream().write(("GET " + LiveStream.path(article) + " HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
            slow.setSoTimeout((int) StreamServer.HEAD_TIMEOUT.multipliedBy(3).toMillis());
            assertThat(slow.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
        }
    }

    @Test
    void onlyReadingAStreamIsAnsweredAndNothingFromTheRequestIsWrittenBack() {
        try (EventStream elsewhere = new EventStream(streamPort(), "/live/1%0d%0aSet-Cookie:%20a=b/events", null)) {
            assertThat(elsewhere.status()).isEqualTo(404);
            assertThat(elsewhere.headers()).doesNotContainKey("set-cookie").containsEntry("content-length", "0");
        }
        try (EventStream admin = new EventStream(streamPort(), "/admin", null)) {
            assertThat(admin.status()).isEqualTo(404);
        }
        try (EventStream injected = new EventStream(streamPort(), LiveStream.path(article), "1\r\nSet-Cookie: a=b")) {
            assertThat(injected.status()).isEqualTo(200);
            assertThat(injected.headers()).doesNotContainKey("set-cookie");
        }
        try (Socket post = new Socket("localhost", streamPort())) {
            post.getOutputStream().write(("POST " + LiveStream.path(article) + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(post.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 405 ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Socket blank = new Socket("localhost", streamPort())) {
            blank.getOutputStream().write("\n\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(blank.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 400 ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Socket garbage = new Socket("localhost", streamPort())) {
            OutputStream out = garbage.getOutputStream();
            out.write("\u0016\u0003\u0001 not http\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = garbage.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 400 ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
