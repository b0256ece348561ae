package press.dispatch.newsletter;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.DispatchApplication;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Publishing;
import press.dispatch.platform.Nodes;
import press.dispatch.subscriptions.SubscriberCsv;
import press.dispatch.testing.MutableClock;
import press.dispatch.testing.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** One node freezes an issue's audience; the others leave it alone while that node lives, and finish it once it is gone. */
class IssuePreparationClaimTest {

    @TempDir
    Path data;

    @Test
    void anIssueAnotherLiveNodeIsPreparingIsLeftToItAndTakenOverOnceItsLeaseRunsOut() {
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(DispatchApplication.class, TestClockConfiguration.class).run(
                "--server.port=0", "--dispatch.data-dir=" + data, "--dispatch.demo=false", "--dispatch.newsletter.first-check=1h",
                "--dispatch.digests.first-check=1h", "--dispatch.outbox.first-check=1h", "--dispatch.publishing.first-check=1h")) {
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            node.getBean(SubscriberCsv.class).importCsv(new StringReader("email\none@example.org\ntwo@example.org\nthree@example.org\n"), true);
            jdbc.sql("UPDATE subscribers SET confirmed_at = :t").param("t", Timestamp.from(node.getBean(MutableClock.class).instant().minusSeconds(60)))
                    .update();
            Publishing publishing = node.getBean(Publishing.class);
            long article = publishing.draft(new ArticleDraft("Prepared once", null, "", "Body", null, List.of(), List.of(), null,
                    "", "", "", false, true));
            publishing.publish(article);
            long issue = node.getBean(Newsletters.class).issueForArticle(article).orElseThrow();
            // Leases run on real time (Nodes), not on the test clock.
            Instant now = Instant.now();
            jdbc.sql("INSERT INTO nodes (id, host, started_at, lease_until) VALUES ('other-node', 'elsewhere', :now, :until)")
                    .param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(Duration.ofMinutes(5)))).update();
            jdbc.sql("UPDATE newsletter_issues SET prepared_by = 'other-node' WHERE id = :id").param("id", issue).update();
            Delivery delivery = node.getBean(Delivery.class);

            delivery.prepareIssues();
            assertThat(deliveries(jdbc, issue)).as("left to the live node preparing it").isZero();
            assertThat(status(jdbc, issue)).isEqualTo("preparing");

            jdbc.sql("UPDATE nodes SET lease_until = :past WHERE id = 'other-node'").param("past", Timestamp.from(now.minusSeconds(1))).update();
            delivery.prepareIssues();
            assertThat(deliveries(jdbc, issue)).as("taken over once that node is gone").isEqualTo(3);
            assertThat(status(jdbc, issue)).isEqualTo("sending");
            assertThat(jdbc.sql("SELECT prepared_by FROM newsletter_issues WHERE id = :id").param("id", issue).query(String.class).single())
                    .isEqualTo(node.getBean(Nodes.class).id());
        }
    }

    private static int deliveries(JdbcClient jdbc, long issue) {
        return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE issue_id = :id").param("id", issue).query(Integer.class).single();
    }

    private static String status(JdbcClient jdbc, long issue) {
        return jdbc.sql("SELECT status FROM newsletter_issues WHERE id = :id").param("id", issue).query(String.class).single();
    }
}
