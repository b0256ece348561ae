package press.dispatch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import press.dispatch.accounts.Role;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

/**
 * Staff invitations chosen per WordPress author on the import screen: the chosen authors, and only they, get the
 * newsroom's invitation email with the chosen role, and join under their imported byline.
 */
@TestPropertySource(properties = {"dispatch.mail.smtp.host=127.0.0.1", "dispatch.outbox.first-check=200ms", "dispatch.outbox.check-every=200ms"})
class ImportInvitationsTest extends NewsroomTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
        registry.add("dispatch.mail.smtp.port", () -> SMTP_PORT);
    }

    @Test
    void theOwnerInvitesOneImportedAuthorAsEditorWhoJoinsUnderTheirImportedByline() throws IOException, MessagingException {
        AdminSession owner = owner();

        String run = owner.postFile("/admin/import", Map.of("invite", "editor-in-chief=editor, zoe=none"), "export", "defence-talks.xml", "text/xml",
                Files.readAllBytes(WordPressImportContract.EXPORT)).location();

        await().atMost(Duration.ofSeconds(60)).until(() -> owner.get(run).page().getElementById("status") != null);
        Document report = owner.get(run).page();
        assertThat(report.getElementById("status").text()).isEqualTo("Finished.");
        assertThat(report.select("pre.report").text()).contains("invitations: 1 sent")
                .contains("editor-in-chief (Maria Kowalska, chief@defencetalks.example): byline, and invited as editor")
                .contains("zoe (Zoë Åberg, zoe@defencetalks.example): byline only");
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingEmails() == 0 && smtp.getReceivedMessages().length >= 1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("exactly the chosen invitations").hasSize(1);
        assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("chief@defencetalks.example");
        assertThat(received[0].getSubject()).startsWith("You are invited");
        String body = GreenMailUtil.getBody(received[0]).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains("as editor");

        Matcher link = Pattern.compile("/admin/invitation/([A-Za-z0-9_.-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        accounts.acceptInvitation(link.group(1), "Maria Kowalska", "a password she chose herself");

        assertThat(accounts.list().stream().filter(a -> a.email().equals("chief@defencetalks.example")).findFirst().orElseThrow().role())
                .isEqualTo(Role.EDITOR);
        assertThat(accounts.list().stream().filter(a -> a.email().equals("zoe@defencetalks.example"))).as("a byline only").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM authors WHERE display_name = 'Maria Kowalska'").query(Long.class).single())
                .as("she writes under her imported byline, not a second one").isEqualTo(1);
        AdminSession maria = signedIn("chief@defencetalks.example", "a password she chose herself");
        assertThat(maria.get("/admin/comments").status()).as("editors moderate").isEqualTo(200);
        assertThat(maria.get("/admin/import").status()).as("editors do not import").isEqualTo(403);
    }

    @Test
    void anInvitationWithARoleThatCannotBeGivenIsRefusedWithTheFormKeptAndNothingImported() throws IOException {
        AdminSession owner = owner();
        long runs = jdbc.sql("SELECT COUNT(*) FROM import_runs").query(Long.class).single();

        AdminSession.Response answer = owner.postFile("/admin/import", Map.of("invite", "zoe=owner"), "export", "defence-talks.xml", "text/xml",
                Files.readAllBytes(WordPressImportContract.EXPORT));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().select("[role=alert]").text()).contains("“owner” is not a role for zoe");
        assertThat(answer.page().getElementById("invite").val()).isEqualTo("zoe=owner");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_runs").query(Long.class).single()).isEqualTo(runs);
    }

    @Test
    void anEditorCannotStartAnImportThatInvitesAnyone() throws IOException {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long outbox = jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single();

        AdminSession.Response answer = editor.postFile("/admin/import", Map.of("invite", "zoe=admin"), "export", "defence-talks.xml", "text/xml",
                Files.readAllBytes(WordPressImportContract.EXPORT));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single()).isEqualTo(outbox);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("You are invited to") && to(m).contains("zoe"))).isEmpty();
    }

    private long pendingEmails() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").query(Long.class).single();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
