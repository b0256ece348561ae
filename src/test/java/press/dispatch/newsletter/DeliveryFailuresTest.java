package press.dispatch.newsletter;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import press.dispatch.testing.Databases;
import press.dispatch.testing.ScriptedSmtpServer;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ledger does when the SMTP server says no: for now (4xx) or for good (5xx). */
@RecordApplicationEvents
class DeliveryFailuresTest extends SiteTest {

    static final ScriptedSmtpServer SMTP = new ScriptedSmtpServer();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
        registry.add("dispatch.mail.smtp.host", () -> "127.0.0.1");
        registry.add("dispatch.mail.smtp.port", SMTP::port);
        registry.add("dispatch.newsletter.first-check", () -> "1h");
        registry.add("dispatch.outbox.first-check", () -> "1h");
    }

    @Autowired
    Delivery delivery;

    @Autowired
    Newsletters newsletters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void aPermanentFailureFailsThatRecipientWithTheReasonAndSuppressesTheAddressWhileATemporaryOneIsRetried() {
        for (String email : List.of("fine@example.com", "bounce@example.com", "later@example.com")) {
            jdbc.sql("""
                    INSERT INTO subscribers (email, status, cadence, consent_at, consent_form, confirmed_at, created_at, updated_at)
                    VALUES (:e, 'confirmed', 'each', :t, 'test', :t, :t, :t)
                    """).param("e", email).param("t", Timestamp.from(clock.instant().minusSeconds(60))).update();
        }
        long article = publishedArticle(unique("Failing deliveries"), null);
        long issue = newsletters.issueForArticle(article).orElseThrow();
        delivery.tick();

        IssueReport report = newsletters.report(issue).orElseThrow();
        assertThat(SMTP.delivered()).containsExactly("fine@example.com");
        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failures()).singleElement().asString().startsWith("bounce@example.com: 550");
        assertThat(report.pending()).isEqualTo(1);
        assertThat(report.status()).as("not sent while a recipient is still pending").isEqualTo("sending");
        assertThat(events.stream(IssueSent.class)).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM subscribers WHERE email = 'bounce@example.com'").query(String.class).single()).isEqualTo("suppressed");
        assertThat(jdbc.sql("SELECT last_error FROM deliveries WHERE email = 'later@example.com'").query(String.class).single()).startsWith("451");

        delivery.tick();
        assertThat(newsletters.report(issue).orElseThrow().pending()).as("backoff: not retried at once").isEqualTo(1);

        for (int attempt = 0; attempt < Delivery.MAX_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofHours(3));
            delivery.tick();
        }
        IssueReport done = newsletters.report(issue).orElseThrow();
        assertThat(done.status()).isEqualTo("sent");
        assertThat(events.stream(IssueSent.class)).containsExactly(new IssueSent(issue));
        assertThat(done.failed()).isEqualTo(2);
        assertThat(done.failures()).anySatisfy(f -> assertThat(f).startsWith("later@example.com: 451"));
        assertThat(jdbc.sql("SELECT attempts FROM deliveries WHERE email = 'later@example.com'").query(Integer.class).single())
                .isEqualTo(Delivery.MAX_ATTEMPTS);
    }
}
