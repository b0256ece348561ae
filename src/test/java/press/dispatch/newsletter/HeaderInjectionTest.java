package press.dispatch.newsletter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.site.InvalidSettingsException;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A setting can never add a header (a Bcc:, a second Reply-To:) or body text to a newsletter. */
class HeaderInjectionTest extends SiteTest {

    private static final String HOSTILE = "Defence Talks\nBcc: spy@evil.example\nReply-To: spy@evil.example\n\nInjected body text";

    static Path data;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        data = Databases.sqlite(registry);
        registry.add("dispatch.newsletter.first-check", () -> "1h");
        registry.add("dispatch.outbox.first-check", () -> "1h");
    }

    @Autowired
    SiteSettings settings;

    @Autowired
    Delivery delivery;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aOneLineSettingWithALineBreakIsRefusedWithAMessage() {
        InvalidSettingsException refused = catchThrowableOfType(InvalidSettingsException.class,
                () -> settings.update(Map.of(Setting.NAME.key(), HOSTILE, Setting.MAIL_FROM_NAME.key(), "Desk\r\nBcc: spy@evil.example",
                        Setting.TAGLINE.key(), "Tab\there")));
        assertThat(refused.problems()).containsOnlyKeys(Setting.NAME.key(), Setting.MAIL_FROM_NAME.key(), Setting.TAGLINE.key())
                .containsValue("must be one line, without line breaks, tabs or other control characters");
        assertThat(settings.current().tagline()).as("nothing saved").isNotEqualTo("Tab\there");

        settings.update(Map.of(Setting.MAIL_POSTAL_ADDRESS.key(), "1 News Street\r\nLondon"));
        assertThat(settings.current().get(Setting.MAIL_POSTAL_ADDRESS)).as("a multi-line setting keeps its lines").contains("\n");
    }

    @Test
    void aLineBreakStoredBeforeTheRuleAddsNoHeaderAndNoBodyText() throws Exception {
        // A value saved before one-line settings refused line breaks.
        for (Setting setting : List.of(Setting.NAME, Setting.MAIL_FROM_NAME)) {
            jdbc.sql("""
                    INSERT INTO site_settings (key, value, updated_at) VALUES (:k, :v, :t)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """).param("k", setting.key()).param("v", HOSTILE).param("t", Timestamp.from(clock.instant())).update();
        }
        settings.update(Map.of(Setting.TAGLINE.key(), "Reloaded"));
        assertThat(settings.current().name()).isEqualTo(HOSTILE);
        jdbc.sql("""
                INSERT INTO subscribers (email, status, cadence, consent_at, consent_form, confirmed_at, created_at, updated_at)
                VALUES ('reader@example.com', 'confirmed', 'each', :t, 'test', :t, :t, :t)
                """).param("t", Timestamp.from(clock.instant().minusSeconds(60))).update();

        publishedArticle(unique("Injection story"), null);
        delivery.tick();

        MimeMessage sent = only("reader@example.com");
        assertThat(sent.getHeader("Bcc")).isNull();
        assertThat(sent.getHeader("Reply-To")).containsExactly("newsroom@localhost");
        assertThat(sent.getHeader("List-Id")).hasSize(1);
        assertThat(MimeUtility.unfold(sent.getHeader("List-Id")[0])).isEqualTo("\"Defence Talks Bcc: spy@evil.example Reply-To: spy@evil.example Injected body text\" <newsletter.localhost>");
        assertThat(sent.getHeader("From")).hasSize(1);
        assertThat(MimeUtility.unfold(sent.getHeader("From")[0])).endsWith("<newsroom@localhost>").contains("Reply-To: spy@evil.example");
        assertThat(sent.getContentType()).startsWith("multipart/alternative");
    }

    private static MimeMessage only(String recipient) throws IOException, jakarta.mail.MessagingException {
        List<Path> files;
        try (Stream<Path> all = Files.list(data.resolve("mail"))) {
            files = all.filter(p -> p.toString().endsWith(".eml")).toList();
        }
        MimeMessage found = null;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage m = new MimeMessage(null, in);
                if (m.getHeader("To", ",").contains(recipient)) {
                    assertThat(found).as("one message to " + recipient).isNull();
                    found = m;
                }
            }
        }
        assertThat(found).as("a message to " + recipient).isNotNull();
        return found;
    }
}
