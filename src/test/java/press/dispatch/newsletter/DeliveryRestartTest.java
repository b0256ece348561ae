package press.dispatch.newsletter;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.DispatchApplication;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Publishing;
import press.dispatch.subscriptions.SubscriberCsv;
import press.dispatch.testing.MutableClock;
import press.dispatch.testing.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** One node on SQLite: what a process that died was sending is resolved when Dispatch starts again, not after the lease. */
class DeliveryRestartTest {

    @TempDir
    Path data;

    @Test
    void onSqliteARestartSendsAgainAtOnceWhatTheDeadProcessWasSendingAndReportsItUncertain() {
        long issue;
        List<String> inFlight;
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(SubscriberCsv.class).importCsv(new StringReader("email\none@example.org\ntwo@example.org\nthree@example.org\n"), true);
            MutableClock clock = first.getBean(MutableClock.class);
            first.getBean(JdbcClient.class).sql("UPDATE subscribers SET confirmed_at = :t")
                    .param("t", Timestamp.from(clock.instant().minusSeconds(60))).update();
            Publishing publishing = first.getBean(Publishing.class);
            long article = publishing.draft(new ArticleDraft("Sent when the process died", null, "", "Body", null, List.of(), List.of(), null,
                    "", "", "", false, true));
            publishing.publish(article);
            Newsletters newsletters = first.getBean(Newsletters.class);
            issue = newsletters.issueForArticle(article).orElseThrow();
            Delivery delivery = first.getBean(Delivery.class);
            delivery.prepareIssues();
            inFlight = delivery.claim().stream().map(Delivery.Claimed::email).sorted().toList();
            assertThat(inFlight).hasSize(3);
            // The process dies with the batch claimed and nothing recorded.
        }
        try (ConfigurableApplicationContext second = start()) {
            Newsletters newsletters = second.getBean(Newsletters.class);
            IssueReport restarted = newsletters.report(issue).orElseThrow();
            assertThat(restarted.sending()).as("nothing is left claimed by the dead process").isZero();
            assertThat(restarted.pending()).as("waiting to be sent again now, not in ten minutes").isEqualTo(3);
            assertThat(restarted.uncertain()).containsExactlyElementsOf(inFlight);

            second.getBean(Delivery.class).tick();
            IssueReport done = newsletters.report(issue).orElseThrow();
            assertThat(done.status()).isEqualTo("sent");
            assertThat(done.sent()).isEqualTo(3);
            assertThat(done.uncertain()).containsExactlyElementsOf(inFlight);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DispatchApplication.class, TestClockConfiguration.class).run("--server.port=0", "--dispatch.data-dir=" + data, "--dispatch.demo=false",
                "--dispatch.newsletter.first-check=1h", "--dispatch.digests.first-check=1h", "--dispatch.outbox.first-check=1h",
                "--dispatch.publishing.first-check=1h");
    }
}
