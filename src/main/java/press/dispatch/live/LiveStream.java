package press.dispatch.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A live page's stream of changes for readers, {@code /live/{articleId}/events}, as Server-Sent Events. The
 * request goes asynchronous at once: no thread is held while it is open. A reader resumes after the last event
 * id they saw (the browser sends {@code Last-Event-ID} when it reconnects; a page asks with {@code ?after=} for the
 * first connection). A public article that is not live (its coverage ended) answers 204, which tells a browser to stop
 * reconnecting; an article readers cannot see, or none, is a 404 like its page.
 */
final class LiveStream extends HttpServlet {

    static final Pattern PATH = Pattern.compile("/([0-9]{1,18})/events");
    private static final Pattern SEQUENCE = Pattern.compile("[0-9]{1,18}");
    /** How long a browser waits before reconnecting after the stream broke. */
    static final byte[] RETRY = "retry: 3000\n\n".getBytes(StandardCharsets.UTF_8);

    private final transient Broadcasters broadcasters;
    private final transient Broadcasters.Missed missed;

    LiveStream(Broadcasters broadcasters) {
        this.broadcasters = broadcasters;
        this.missed = broadcasters.missed();
    }

    static String path(long articleId) {
        return "/live/" + articleId + "/events";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long articleId = Long.parseLong(m.group(1));
        response.setHeader("Cache-Control", "no-store");
        Optional<Broadcaster> broadcaster = broadcasters.open(articleId);
        if (broadcaster.isEmpty()) {
            response.setStatus(broadcasters.isPublic(articleId) ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long after = after(request);
        response.setContentType("text/event-stream;charset=UTF-8");
        // Tells a buffering reverse proxy (nginx) to pass each event on at once.
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        ServletConnection connection = new ServletConnection(async, response.getOutputStream());
        async.addListener(connection);
        Broadcaster b = broadcaster.get();
        connection.listen(() -> b.disconnect(connection));
        connection.send(RETRY);
        if (!b.connect(connection, after, since -> missed.since(articleId, since))) {
            connection.finish(Broadcasters.ENDED);
        } else if (connection.closed()) {
            // The reader left while it was being registered: its close ran before there was anything to remove.
            b.disconnect(connection);
        }
    }

    private static long after(HttpServletRequest request) {
        return after(request.getHeader("Last-Event-ID"), request.getParameter("after"));
    }

    /** The last change the reader has: their Last-Event-ID, else the page's {@code after}, else -1 (none: from now on). */
    static long after(String lastEventId, String afterParameter) {
        if (lastEventId != null && SEQUENCE.matcher(lastEventId.strip()).matches()) {
            return Long.parseLong(lastEventId.strip());
        }
        if (afterParameter != null && SEQUENCE.matcher(afterParameter).matches()) {
            return Long.parseLong(afterParameter);
        }
        return -1;
    }
}
