package press.dispatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;

/**
 * Not a test: for {@code bench/two-nodes.sh}. Publishes articles through node A's editor, one at a time, and measures
 * how long until node B's home page (cached, under the script's load) shows each; prints p50, p99 and the maximum.
 * Arguments: A's address, B's address, owner email, password, number of articles.
 */
public final class PurgeDelayBench {

    private PurgeDelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int portA = Integer.parseInt(args[0].replaceAll(".*:", ""));
        int portB = Integer.parseInt(args[1].replaceAll(".*:", ""));
        AdminSession editor = new AdminSession(portA);
        if (editor.signIn(args[2], args[3]).status() != 302) {
            throw new IllegalStateException("could not sign in on node A");
        }
        Browser readerOnB = new Browser(portB);
        int count = Integer.parseInt(args[4]);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readerOnB.get("/");
            String headline = "Purge probe " + UUID.randomUUID().toString().substring(0, 8);
            AdminSession.Response published = editor.post("/admin/articles", Map.of("headline", headline, "standfirst", "", "body", "Probe.",
                    "tags", "", "commentsOpen", "true", "action", "publish", "version", "0"));
            long start = System.nanoTime();
            if (published.status() != 302) {
                throw new IllegalStateException("publishing answered " + published.status());
            }
            while (!readerOnB.get("/").body().contains(headline)) {
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("B never showed " + headline);
                }
            }
            delays.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(delays);
        System.out.printf("| purge on A shown on B's home page, ms (%d publishes under load) | p50 %d | p99 %d | max %d |%n", count,
                delays.get(delays.size() / 2), delays.get(Math.min(delays.size() - 1, (int) Math.ceil(delays.size() * 0.99) - 1)),
                delays.get(delays.size() - 1));
    }
}
