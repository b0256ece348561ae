package press.dispatch.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A reader's stream of Server-Sent Events, read as a browser's EventSource reads it, over a plain socket so the test
 * decides exactly when the connection breaks. Asks with HTTP/1.0, so the body is the event stream itself.
 */
final class EventStream implements AutoCloseable {

    record Event(String id, String type, String data) {
    }

    private final Socket socket;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private volatile int status;
    private final java.util.concurrent.CountDownLatch headed = new java.util.concurrent.CountDownLatch(1);

    EventStream(int port, String path, String lastEventId) {
        this(port, path, lastEventId, "");
    }

    /** With these further header lines (each ending in CRLF) in the request. */
    EventStream(int port, String path, String lastEventId, String moreHeaders) {
        try {
            socket = new Socket("localhost", port);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + path + " HTTP/1.0\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + moreHeaders + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            status = line == null ? -1 : Integer.parseInt(line.split(" ")[1]);
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            headed.countDown();
            String id = null;
            String type = "message";
            StringBuilder data = new StringBuilder();
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, type, data.toString()));
                    }
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // The test closed the socket.
        } finally {
            headed.countDown();
            events.add(new Event(null, "closed", ""));
        }
    }

    /** Every header of the answer, by lower-case name. */
    Map<String, String> headers() {
        await();
        return headers;
    }

    int status() {
        await();
        return status;
    }

    String header(String name) {
        await();
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    private void await() {
        try {
            if (!headed.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("No answer from the stream");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event; fails the test if none arrives within 20 seconds. */
    Event next() {
        try {
            Event event = events.poll(20, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("No event arrived");
            }
            if (event.type().equals("closed") && status != 200) {
                throw new AssertionError("The stream answered " + status + " " + headers);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event, or null if none arrives within this time (for checking that nothing more came). */
    Event poll(Duration wait) {
        try {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all the test wants.
        }
    }
}
