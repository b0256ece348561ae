package press.dispatch.live;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A reader's request on the stream port, read from its head: only what the stream needs, nothing of it ever echoed
 * back. {@code articleId} is -1 when the address is not a live stream's.
 */
record StreamRequest(String method, long articleId, long after, String forwardedFor) {

    private static final String PREFIX = "/live";

    /** The end of the head (after its blank line) in these bytes, or -1 while it has not all arrived. */
    static int endOfHead(byte[] bytes, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (bytes[i] == '\n') {
                if (bytes[i + 1] == '\n') {
                    return i + 2;
                }
                if (bytes[i + 1] == '\r' && i + 2 < length && bytes[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    /** The request in this head, or null when it is not HTTP/1.x. */
    static StreamRequest parse(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n");
        if (lines.length == 0) {
            return null;
        }
        String[] start = lines[0].split(" ", -1);
        if (start.length != 3 || !start[2].matches("HTTP/1\\.[01]") || !start[0].matches("[A-Z]{1,16}")) {
            return null;
        }
        String lastEventId = null;
        String forwardedFor = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            if (name.equals("last-event-id")) {
                lastEventId = value;
            } else if (name.equals("x-forwarded-for")) {
                forwardedFor = forwardedFor == null ? value : forwardedFor + "," + value;
            }
        }
        String target = start[1];
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String after = question < 0 ? null : parameter(target.substring(question + 1), "after");
        long articleId = -1;
        if (path.startsWith(PREFIX)) {
            Matcher m = LiveStream.PATH.matcher(path.substring(PREFIX.length()));
            if (m.matches()) {
                articleId = Long.parseLong(m.group(1));
            }
        }
        return new StreamRequest(start[0], articleId, LiveStream.after(lastEventId, after), forwardedFor);
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
