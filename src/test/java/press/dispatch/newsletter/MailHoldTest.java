package press.dispatch.newsletter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.accounts.Role;
import press.dispatch.platform.MailHold;
import press.dispatch.platform.Outbox;
import press.dispatch.subscriptions.Subscriptions;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy restored from a backup, started with DISPATCH_MAIL_HOLD=true: nothing goes out — no outbox email, no
 * newsletter — until an owner or admin releases or discards what is queued. The first test sees the hold the
 * setting made at start-up, so it runs first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailHoldTest extends NewsroomTest {

    static Path data;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        data = Databases.sqlite(registry);
        registry.add("DISPATCH_MAIL_HOLD", () -> "true");
        registry.add("dispatch.newsletter.first-check", () -> "1h");
        registry.add("dispatch.outbox.first-check", () -> "1h");
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Delivery delivery;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    MailHold hold;

    @Test
    @Order(1)
    void startedWithTheHoldSettingNothingIsSentUntilAnOwnerReleasesIt() throws IOException {
        String reader = queueAnEmailAndANewsletter("held");
        outbox.sendDue();
        delivery.tick();
        assertThat(mailTo(reader)).as("held: nothing written").isEmpty();

        Document dashboard = owner().get("/admin").page();
        assertThat(dashboard.select(".held-mail h2").text()).isEqualTo("Outgoing mail is held");
        assertThat(dashboard.select(".held-counts li").eachText()).contains("1 emails (confirmations, notices)", "1 newsletter messages");

        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        assertThat(editor.get("/admin").page().select(".held-mail")).as("not shown to an editor").isEmpty();
        assertThat(editor.post("/admin/settings/mail-hold/release", Map.of()).status()).isEqualTo(403);
        AdminSession owner = owner();
        assertThat(owner.postWithoutCsrf("/admin/settings/mail-hold/release", Map.of()).status()).as("no CSRF token").isEqualTo(403);
        outbox.sendDue();
        delivery.tick();
        assertThat(mailTo(reader)).as("still held").isEmpty();

        assertThat(owner.post("/admin/settings/mail-hold/release", Map.of()).status()).isEqualTo(302);
        assertThat(owner.get("/admin").page().select(".held-mail")).isEmpty();
        outbox.sendDue();
        delivery.tick();
        assertThat(mailTo(reader)).as("the held confirmation and newsletter, nothing lost").hasSize(2);
    }

    @Test
    @Order(2)
    void discardingWhatIsHeldFailsItWithTheReasonAndSendsOnlyNewMail() throws IOException {
        hold.hold("test");
        String reader = queueAnEmailAndANewsletter("discarded");

        assertThat(owner().post("/admin/settings/mail-hold/discard", Map.of()).status()).isEqualTo(302);
        outbox.sendDue();
        delivery.tick();
        assertThat(mailTo(reader)).isEmpty();
        assertThat(jdbc.sql("SELECT last_error FROM outbox WHERE recipient = :r").param("r", reader).query(String.class).single())
                .isEqualTo("Discarded while outgoing mail was held");
        assertThat(jdbc.sql("SELECT status FROM deliveries WHERE email = :r").param("r", reader).query(String.class).single()).isEqualTo("failed");

        String later = unique("later").replace(' ', '-') + "@example.com";
        subscriptions.subscribe(later, "203.0.113.7");
        outbox.sendDue();
        assertThat(mailTo(later)).as("mail flows again").hasSize(1);
    }

    /** A confirmation email in the outbox and, for a confirmed reader with the same address, a newsletter. */
    private String queueAnEmailAndANewsletter(String name) {
        String reader = unique(name).replace(' ', '-') + "@example.com";
        subscriptions.subscribe(reader, "203.0.113.7");
        jdbc.sql("UPDATE subscribers SET status = 'confirmed', confirmed_at = :t WHERE email = :e")
                .param("t", Timestamp.from(clock.instant().minusSeconds(60))).param("e", reader).update();
        publishedArticle(unique("Held story"), null);
        delivery.tick();
        return reader;
    }

    private static List<String> mailTo(String reader) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("mail"))) {
            return files.filter(p -> p.toString().endsWith(".eml")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(text -> text.contains("To: " + reader)).toList();
        }
    }
}
