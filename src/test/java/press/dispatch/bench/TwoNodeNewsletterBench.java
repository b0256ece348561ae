package press.dispatch.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import press.dispatch.testing.AdminSession;

/**
 * Not a test: for {@code bench/two-nodes.sh}. Makes sure the database has N confirmed subscribers, publishes an
 * article through node A's editor (its newsletter goes to all of them, sent by every running node) and prints the
 * seconds from publishing until the issue is sent. Arguments: JDBC URL, N, A's address, owner email, password.
 */
public final class TwoNodeNewsletterBench {

    private TwoNodeNewsletterBench() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.parseInt(args[1]);
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "postgres")) {
            try (Statement s = db.createStatement()) {
                s.execute("""
                        INSERT INTO subscribers (email, status, cadence, consent_at, consent_form, confirmed_at, created_at, updated_at)
                        SELECT 'reader' || n || '@bench.example', 'confirmed', 'each', now() - interval '1 day', 'bench',
                               now() - interval '1 day', now() - interval '1 day', now() - interval '1 day'
                        FROM generate_series((SELECT COUNT(*) FROM subscribers) + 1, %d) AS n
                        """.formatted(subscribers));
            }
            AdminSession editor = new AdminSession(Integer.parseInt(args[2].replaceAll(".*:", "")));
            if (editor.signIn(args[3], args[4]).status() != 302) {
                throw new IllegalStateException("could not sign in on node A");
            }
            String headline = "Newsletter probe " + UUID.randomUUID().toString().substring(0, 8);
            long start = System.nanoTime();
            editor.post("/admin/articles", Map.of("headline", headline, "standfirst", "", "body", "Probe.", "tags", "", "commentsOpen", "true",
                    "action", "publish", "version", "0"));
            try (PreparedStatement status = db.prepareStatement("""
                    SELECT i.status FROM newsletter_issues i JOIN articles a ON a.id = i.article_id WHERE a.headline = ?
                    """)) {
                status.setString(1, headline);
                while (true) {
                    try (ResultSet rs = status.executeQuery()) {
                        if (rs.next() && rs.getString(1).equals("sent")) {
                            break;
                        }
                    }
                    Thread.sleep(200);
                }
            }
            System.out.printf("%.1f%n", (System.nanoTime() - start) / 1e9);
        }
    }
}
