package press.dispatch.privacy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.Role;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.comments.CommentForm;
import press.dispatch.comments.Moderation;
import press.dispatch.platform.Outbox;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;
import press.dispatch.subscriptions.Subscriptions;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A data-protection request for one person, answered through the admin screen and the API: what is held about an
 * address is exported whole, and after erasure no table holds their address, name, IP or words. Run on SQLite and
 * PostgreSQL.
 */
abstract class PrivacyContract extends NewsroomTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger(100);
    private static final String MODERATOR = "desk@news.example";

    @Autowired
    press.dispatch.platform.MailTransport transport;

    @Autowired
    Moderation moderation;

    @Autowired
    Stories stories;

    @Autowired
    SiteSettings settings;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    ApiKeys keys;

    @Autowired
    Outbox outbox;

    @Autowired
    DataSource dataSource;

    private final JsonMapper json = JsonMapper.builder().build();

    /** One person with something of every kind held about them, and someone else whose data must survive. */
    record Person(String email, String name, String ip, String words, String website, long firstComment, long reply, long othersComment, long othersReply,
                  String othersEmail, String othersWords) {
    }

    private Story story;

    @BeforeEach
    void site() {
        settings.update(Map.of(Setting.COMMENTS_MODERATION.key(), "hold_first", Setting.COMMENTS_HOLD_WORDS.key(), "",
                Setting.COMMENTS_SPAM_WORDS.key(), "", Setting.COMMENTS_CLOSE_AFTER_DAYS.key(), "0",
                Setting.COMMENTS_MODERATOR_EMAIL.key(), MODERATOR));
        story = stories.findById(publishedArticle(unique("Privacy story"), null)).orElseThrow();
    }

    /**
     * A commenter (held first, so the moderator is emailed their name and words; asks for reply emails, and gets
     * one), who replies to someone else (who is emailed about it), subscribes with consent, gets a newsletter,
     * and has a staff invitation waiting.
     */
    Person everythingHeldAbout() {
        int n = PEOPLE.incrementAndGet();
        String email = "Wilhelmina.Q" + n + "+news@Mail.Example";
        String address = email.toLowerCase(Locale.ROOT);
        String name = "Wilhelmina Quartermaine-" + n;
        String ip = "203.0.113." + n;
        String words = "Zanzibar sprockets number " + n;
        String others = "other.reader" + n + "@example.org";

        String website = "https://wq" + n + ".example/";
        long first = submit(words + " are underrated.", name, email, ip, website, true, null, "pending");
        moderation.approve(story, first);
        String othersWords = "Someone else's own view " + n + ".";
        long othersComment = submit(othersWords, "Other Reader", others, "198.51.100." + n, "", true, null, "pending");
        moderation.approve(story, othersComment);
        long othersReply = submit("A reply from someone else " + n, "Other Reader", others, "198.51.100." + n, "", true, first, "approved");
        long reply = submit("I answer you about " + words, name, address, ip, website, false, othersComment, "approved");
        assertThat(outboxTo(address)).as("reply email to the person").isEqualTo(1);
        assertThat(outboxTo(others)).as("reply email to the other reader").isEqualTo(1);

        subscriptions.subscribe(email, ip);
        assertThat(subscriptions.confirm(lastLink(address, "/subscribe/confirm?token="))).isPresent();
        clock.advance(Duration.ofMinutes(1));
        publishedArticle(unique("A story for subscribers"), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE email = :e AND status = 'sent'")
                .param("e", address).query(Long.class).single() > 0);

        accounts.invite(ownerStaff(), email, name, Role.EDITOR);
        return new Person(address, name, ip, words, website, first, reply, othersComment, othersReply, others, othersWords);
    }

    @Test
    void afterErasureNoTableHoldsThePersonsAddressNameIpOrWordsAndOthersKeepTheirs() throws Exception {
        Person person = everythingHeldAbout();
        assertThat(scan(person)).as("before erasure, the scan finds them").isNotEmpty();
        String lookalike = "jo" + person.email();
        outbox.enqueue(lookalike, "Someone else's notice", "About comment #comment-" + person.firstComment() + "0 and " + lookalike + ".\n");
        AdminSession owner = owner();
        String shownEmails = owner.get("/admin/privacy?email=" + person.email().replace("+", "%2B")).page().select("td.emails").text();
        assertThat(shownEmails).as("the screen counts the outbox's emails").matches("[1-9][0-9]*");

        AdminSession.Response answer = owner.post("/admin/privacy/erase", Map.of("email", person.email().toUpperCase(Locale.ROOT), "confirm", "yes"));
        assertThat(answer.status()).isEqualTo(302);

        assertThat(jdbc.sql("DELETE FROM outbox WHERE recipient = :to").param("to", lookalike).update())
                .as("an address that merely ends like theirs, about a comment whose number starts like theirs, is someone else's").isEqualTo(1);
        assertThat(scan(person)).isEmpty();
        String erased = owner.get("/admin/privacy").page().select(".flash, [role=status]").text();
        assertThat(erased).contains("Erased: 2 comment(s), 1 subscriber record(s)")
                .as("the erasure reports the emails the screen showed, not each one again with its file copy")
                .contains(", " + shownEmails + " email(s) in the outbox,");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE id IN (:ids)").param("ids", List.of(person.othersComment(), person.othersReply()))
                .query(Long.class).single()).as("the other reader's comments").isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = :to AND text_body LIKE :text").param("to", MODERATOR)
                .param("text", "%" + person.othersWords() + "%").query(Long.class).single()).as("the moderator's email about the other reader").isEqualTo(1);
        Document page = browser.get(story.href()).page();
        assertThat(page.select("#comment-" + person.firstComment() + " .comment-body").text()).contains("deleted at its author");
        assertThat(page.select("#comment-" + person.reply())).as("a comment nobody replied to is deleted").isEmpty();
        assertThat(page.select("#comment-" + person.othersReply() + " .comment-body").text()).startsWith("A reply from someone else");
    }

    @Test
    void theExportHoldsTheCommentIpTheReplyEmailChoiceTheConsentTheLedgerTheEmailsAndTheAccount() throws Exception {
        Person person = everythingHeldAbout();
        AdminSession.Response download = owner().get("/admin/privacy/export.json?email=" + person.email().toUpperCase(Locale.ROOT).replace("+", "%2B"));
        assertThat(download.header("Content-Type")).contains("application/json");
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        JsonNode export = json.readTree(download.body());

        assertThat(export.get("email").asString()).isEqualTo(person.email());
        JsonNode first = export.get("comments").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(person.firstComment());
        assertThat(first.get("authorName").asString()).isEqualTo(person.name());
        assertThat(first.get("ip").asString()).isEqualTo(person.ip());
        assertThat(first.get("notifyReplies").asBoolean()).isTrue();
        assertThat(export.get("comments").get(1).get("notifyReplies").asBoolean()).isFalse();
        JsonNode subscriber = export.get("subscriber");
        assertThat(subscriber.get("status").asString()).isEqualTo("confirmed");
        assertThat(subscriber.get("consentForm").asString()).isEqualTo("subscribe-box-v1");
        assertThat(subscriber.get("consentIp").asString()).isEqualTo(person.ip());
        assertThat(subscriber.get("consentAt").asString()).isNotBlank();
        assertThat(export.get("deliveries").get(0).get("status").asString()).isEqualTo("sent");
        List<String> subjects = new ArrayList<>();
        export.get("emails").forEach(e -> subjects.add(e.get("subject").asString()));
        assertThat(subjects).anyMatch(s -> s.startsWith("Comment held for moderation")).anyMatch(s -> s.startsWith("New reply to your comment"))
                .anyMatch(s -> s.startsWith("Confirm your subscription")).anyMatch(s -> s.contains("invit") || s.contains("Invit"));
        assertThat(export.get("staffAccount").get("status").asString()).isEqualTo("invited");
    }

    @Test
    void theScreenShowsWhatIsHeldPerKindAndErasesOnlyOnceConfirmed() {
        Person person = everythingHeldAbout();
        AdminSession owner = owner();
        Document found = owner.get("/admin/privacy?email=" + person.email().replace("+", "%2B")).page();
        assertThat(found.select("#held td.comments").text()).isEqualTo("2");
        assertThat(found.select("#held td.subscribers").text()).isEqualTo("1");
        assertThat(found.select("#held td.deliveries").text()).isEqualTo("1");
        assertThat(Integer.parseInt(found.select("#held td.emails").text())).isGreaterThanOrEqualTo(5);
        assertThat(found.select("#held td.staff").text()).startsWith("1");
        assertThat(found.select("#held a[href^=/admin/privacy/export.json]").text()).isEqualTo("Download export (JSON)");
        assertThat(found.select("form[action=/admin/privacy/erase] input[name=confirm][required]")).hasSize(1);

        owner.post("/admin/privacy/erase", Map.of("email", person.email()));
        assertThat(scan(person)).as("not erased without the confirmation").isNotEmpty();

        owner.post("/admin/privacy/erase", Map.of("email", person.email(), "confirm", "yes"));
        Document after = owner.get("/admin/privacy?email=" + person.email().replace("+", "%2B")).page();
        assertThat(after.select("#held").text()).contains("Nothing is held about this address.");
    }

    @Test
    void theOwnersAddressIsNeverErasedAndNothingOfItGoes() throws Exception {
        subscriptions.subscribe(OWNER_EMAIL, "192.0.2.9");
        AdminSession owner = owner();
        Document found = owner.get("/admin/privacy?email=" + OWNER_EMAIL).page();
        assertThat(found.select("#held [role=alert]").text()).contains("owner's account, which cannot be erased");
        assertThat(found.select("form[action=/admin/privacy/erase]")).isEmpty();

        String key = keys.create(ownerStaff(), "privacy script", Role.ADMIN);
        HttpResponse<String> refused = api(key, "/api/v1/privacy/erase", "{\"email\": \"" + OWNER_EMAIL + "\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).get("error").get("message").asString()).contains("Nothing was erased");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscribers WHERE email = :e").param("e", OWNER_EMAIL).query(Long.class).single()).isEqualTo(1);
        assertThat(owner.get("/admin").status()).isEqualTo(200);
    }

    @Test
    void anErasedStaffMemberCannotSignInAndKeepsOnlyTheirPublishedByline() {
        String editor = staffMember(Role.EDITOR);
        AdminSession session = signedIn(editor, PASSWORD);
        AdminSession owner = owner();

        owner.post("/admin/privacy/erase", Map.of("email", editor, "confirm", "yes"));

        assertThat(session.get("/admin").status()).as("signed out at once").isEqualTo(302);
        assertThat(new AdminSession(port).signIn(editor, PASSWORD).location()).isNotEqualTo("/admin");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff WHERE email = :e OR display_name = 'Test Editor'").param("e", editor).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM authors WHERE display_name = 'Test Editor'").query(Long.class).single())
                .as("the byline is the newsroom's published record").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = :e").param("e", editor).query(Long.class).single()).isZero();
    }

    @Test
    void theApiExportsAndErasesAPersonForAnAdminKey() throws Exception {
        Person person = everythingHeldAbout();
        String key = keys.create(ownerStaff(), "privacy script", Role.ADMIN);

        HttpResponse<String> exported = api(key, "/api/v1/privacy/export", "{\"email\": \"" + person.email() + "\"}");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(json.readTree(exported.body()).get("comments").get(0).get("ip").asString()).isEqualTo(person.ip());

        HttpResponse<String> erased = api(key, "/api/v1/privacy/erase", "{\"email\": \"" + person.email() + "\"}");
        assertThat(erased.statusCode()).isEqualTo(200);
        JsonNode counts = json.readTree(erased.body()).get("erased");
        assertThat(counts.get("comments").asInt()).isEqualTo(2);
        assertThat(counts.get("subscribers").asInt()).isEqualTo(1);
        assertThat(counts.get("staffAccounts").asInt()).isEqualTo(1);
        assertThat(scan(person)).isEmpty();

        HttpResponse<String> malformed = api(key, "/api/v1/privacy/erase", "{\"email\": \"not an address\"}");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(json.readTree(malformed.body()).get("error").get("fields").has("email")).isTrue();
    }

    /** Every value of every column of every table the database lists that holds the person's address, name, IP or words. */
    List<String> scan(Person person) {
        List<String> needles = List.of(person.email(), person.name().toLowerCase(Locale.ROOT), person.ip(), person.words().toLowerCase(Locale.ROOT),
                person.website());
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? "public" : null;
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("comments", "subscribers", "deliveries", "outbox", "staff");
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            String value = rs.getString(i);
                            if (value != null) {
                                String lower = value.toLowerCase(Locale.ROOT);
                                for (String needle : needles) {
                                    if (lower.contains(needle)) {
                                        found.add(table + "." + columns.getColumnName(i) + " holds " + needle);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        // Without an SMTP server every email is also a file in the data folder: those count as held data too.
        try (var files = java.nio.file.Files.list(transport.folder())) {
            for (java.nio.file.Path file : files.toList()) {
                String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).replace("=\r\n", "")
                        .toLowerCase(Locale.ROOT);
                needles.stream().filter(text::contains).forEach(needle -> found.add("mail file " + file.getFileName() + " holds " + needle));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    private long submit(String text, String name, String email, String ip, String website, boolean notify, Long parent, String expected) {
        String token = moderation.formToken(story.article().id());
        clock.advance(Duration.ofSeconds(20));
        Moderation.Outcome outcome = moderation.submit(story, new CommentForm(text, name, email, website, false, notify, parent, token, ""), ip);
        assertThat(outcome.status()).as(text).isEqualTo(expected);
        return outcome.commentId();
    }

    private long outboxTo(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = :to").param("to", address).query(Long.class).single();
    }

    private HttpResponse<String> api(String key, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
