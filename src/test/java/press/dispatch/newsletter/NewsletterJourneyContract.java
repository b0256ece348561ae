package press.dispatch.newsletter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Section;
import press.dispatch.platform.MailTransport;
import press.dispatch.platform.Outbox;
import press.dispatch.subscriptions.Recipient;
import press.dispatch.subscriptions.Subscriptions;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** From the subscribe box to the inbox, with GreenMail as a real SMTP server. Run on SQLite and PostgreSQL. */
@TestPropertySource(properties = {"dispatch.mail.smtp.host=127.0.0.1", "dispatch.outbox.first-check=1h",
        "dispatch.newsletter.first-check=1h", "dispatch.digests.first-check=1h", "dispatch.mail.batch-size=3"})
abstract class NewsletterJourneyContract extends SiteTest {

    /** A free port rather than GreenMail's fixed 3025, so two test runs on one machine never fight over it. */
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("dispatch.mail.smtp.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    @Autowired
    Outbox outbox;

    @Autowired
    Delivery delivery;

    @Autowired
    Newsletters newsletters;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    MailTransport transport;

    @Autowired
    JdbcClient jdbc;

    @Test
    void subscribeConfirmReceiveAndUnsubscribeWithOneClick() throws Exception {
        String reader = unique("reader").replace(" ", "-") + "@example.com";
        HttpResponse<String> answer = post("/subscribe", "email=" + reader + "&nickname=");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/subscribe/check-inbox");

        outbox.sendDue();
        MimeMessage confirmation = only(reader);
        assertThat(confirmation.getSubject()).startsWith("Confirm your subscription");
        String confirmPath = link(GreenMailUtil.getBody(confirmation));
        assertThat(confirmPath).startsWith("/subscribe/confirm?token=");

        Document confirmPage = browser.get(confirmPath).page();
        assertThat(confirmPage.select("form[action=/subscribe/confirm] button").text()).isEqualTo("Confirm my subscription");
        assertThat(jdbc.sql("SELECT status FROM subscribers WHERE email = :e").param("e", reader).query(String.class).single()).isEqualTo("pending");
        String token = confirmPage.selectFirst("input[name=token]").val();
        HttpResponse<String> confirmed = post("/subscribe/confirm", "token=" + token);
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(browser.get(confirmed.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "")).page()
                .select("h1").text()).isEqualTo("You are subscribed");

        clock.advance(Duration.ofSeconds(1));
        Section section = section("Newsletter");
        long first = publishedArticle(unique("First newsletter story"), section);
        delivery.tick();
        MimeMessage newsletter = only(reader);
        long issueId = newsletters.issueForArticle(first).orElseThrow();
        assertThat(newsletter.getSubject()).isEqualTo(publishing.get(first).headline());
        assertThat(newsletter.getMessageID()).matches("<issue-" + issueId + "\\.subscriber-\\d+@localhost>");
        assertThat(newsletter.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        // Folded by the mail library where it is long; a mail client unfolds it.
        String listUnsubscribe = jakarta.mail.internet.MimeUtility.unfold(newsletter.getHeader("List-Unsubscribe")[0]);
        assertThat(listUnsubscribe).as("the https one-click link alone: no mailto waiting in an inbox nobody reads")
                .matches("<http://localhost:" + port + "/unsubscribe\\?token=[^>]+>");
        assertThat(GreenMailUtil.getBody(newsletter)).contains("/articles/" + slugOf(first)).contains("Unsubscribe");
        IssueReport report = newsletters.report(issueId).orElseThrow();
        assertThat(report.status()).isEqualTo("sent");
        assertThat(report.sent()).isEqualTo(report.recipients());

        String unsubscribePath = listUnsubscribe.substring(1, listUnsubscribe.indexOf('>')).replace("http://localhost:" + port, "");
        assertThat(browser.get(unsubscribePath).status()).as("GET only shows a button").isEqualTo(200);
        assertThat(subscriptions.findByLink(unsubscribePath.replace("/unsubscribe?token=", "")).orElseThrow().confirmed()).isTrue();
        HttpResponse<String> oneClick = post(unsubscribePath, "List-Unsubscribe=One-Click");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");

        publishedArticle(unique("Second newsletter story"), section);
        delivery.tick();
        assertThat(messagesTo(reader)).isEmpty();
    }

    @Test
    void tooManySubscribeRequestsFromOneNetworkAreAskedToComeBackInAnHour() throws Exception {
        HttpResponse<String> answer = null;
        for (int i = 0; i <= 10 && (answer == null || answer.statusCode() != 429); i++) {
            answer = post("/subscribe", "email=" + unique("many").replace(" ", "-") + "@example.com");
        }
        assertThat(answer.statusCode()).as("the 11th request of an hour at the latest").isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("3600");
        clock.advance(java.time.Duration.ofHours(2)); // a new hour for the other tests
    }

    @Test
    void knownAndUnknownAddressesGetByteIdenticalAnswers() throws Exception {
        String known = unique("known").replace(" ", "-") + "@example.com";
        post("/subscribe", "email=" + known);
        outbox.sendDue();
        smtp.reset();
        HttpResponse<String> forKnown = post("/subscribe", "email=" + known);
        HttpResponse<String> forUnknown = post("/subscribe", "email=" + unique("unknown").replace(" ", "-") + "@example.com");
        assertThat(forKnown.statusCode()).isEqualTo(forUnknown.statusCode());
        assertThat(forKnown.headers().firstValue("Location")).isEqualTo(forUnknown.headers().firstValue("Location"));
        assertThat(forKnown.body()).isEqualTo(forUnknown.body());
    }

    @Test
    void headerInjectionAndBadAddressesSendNothingAndKeepTheInput() throws Exception {
        for (String hostile : List.of("victim@example.com%0D%0ABcc:%20other@example.com", "victim@example.com%0ABcc:other@example.com",
                "Victim%20%3Cvictim@example.com%3E", "a@example.com,b@example.com", "not-an-address", "x".repeat(250) + "@example.com")) {
            HttpResponse<String> answer = post("/subscribe", "email=" + hostile);
            assertThat(answer.statusCode()).as(hostile).isEqualTo(422);
            Document page = org.jsoup.Jsoup.parse(answer.body());
            assertThat(page.select(".field-error").text()).as(hostile).isNotBlank();
            assertThat(page.select("input[name=email]").val()).as(hostile).isNotEmpty();
        }
        outbox.sendDue();
        assertThat(messagesTo("victim@example.com")).isEmpty();
        assertThat(messagesTo("other@example.com")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient LIKE '%victim%' OR recipient LIKE '%other@%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void oneIssuePerArticleWhateverHappensAndWebOnlySendsNone() {
        long id = publishedArticle(unique("Published twice"), null);
        publishing.publish(id);
        publishing.withdraw(id);
        publishing.publish(id);
        assertThat(newsletters.countIssuesForArticle(id)).isEqualTo(1);

        long webOnly = publishing.draft(new ArticleDraft(unique("Web only"), null, "", "Body", null, List.of(), List.of(), null, "", "", "",
                true, true));
        publishing.publish(webOnly);
        assertThat(newsletters.countIssuesForArticle(webOnly)).isZero();
    }

    @Test
    void aSendInterruptedAfterTheServerAcceptedSkipsNobodyAndReportsTheDuplicates() throws Exception {
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String reader = unique("crash" + i).replace(" ", "-") + "@example.com";
            readers.add(reader);
            subscriptions.subscribe(reader, "127.0.0.1");
            long subscriber = jdbc.sql("SELECT id FROM subscribers WHERE email = :e").param("e", reader).query(Long.class).single();
            jdbc.sql("UPDATE subscribers SET status = 'confirmed', confirmed_at = :t WHERE id = :id")
                    .param("t", java.sql.Timestamp.from(clock.instant().minusSeconds(60))).param("id", subscriber).update();
        }
        jdbc.sql("UPDATE subscribers SET status = 'unsubscribed' WHERE email NOT IN (:readers)").param("readers", readers).update();
        delivery.tick();
        smtp.reset();
        clock.advance(Duration.ofSeconds(1));
        long article = publishedArticle(unique("Interrupted send"), null);
        long issueId = newsletters.issueForArticle(article).orElseThrow();
        delivery.prepareIssues();

        // A worker claims a batch, the SMTP server accepts it, and the process dies before the ledger is written.
        List<Delivery.Claimed> inFlight = delivery.claim();
        assertThat(inFlight).hasSize(3);
        List<MimeMessage> accepted = new ArrayList<>();
        for (Delivery.Claimed c : inFlight) {
            accepted.add(emails.message(c.issueId(), c.articleId(), c.variant(), new Recipient(c.subscriberId(), c.email(), subscriptions.linkToken(c.subscriberId()))));
        }
        assertThat(transport.send(accepted)).allMatch(o -> o.result() == MailTransport.Result.SUBMITTED);
        List<String> inFlightEmails = inFlight.stream().map(Delivery.Claimed::email).sorted().toList();
        IssueReport atOnce = newsletters.report(issueId).orElseThrow();
        assertThat(atOnce.uncertain()).as("in flight: uncertain from the first moment, not after the lease").containsExactlyElementsOf(inFlightEmails);
        assertThat(atOnce.sending()).isEqualTo(3);
        assertThat(atOnce.pending()).as("waiting").isEqualTo(4);

        delivery.tick();
        assertThat(newsletters.report(issueId).orElseThrow().status()).as("claimed rows are not yet stale").isEqualTo("sending");

        clock.advance(Delivery.STALE_AFTER.plusMinutes(1));
        delivery.tick();

        IssueReport report = newsletters.report(issueId).orElseThrow();
        assertThat(report.status()).isEqualTo("sent");
        assertThat(report.recipients()).isEqualTo(7);
        assertThat(report.sent()).isEqualTo(7);
        assertThat(report.uncertain()).containsExactlyElementsOf(inFlightEmails);
        for (String reader : readers) {
            int expected = inFlightEmails.contains(reader) ? 2 : 1;
            assertThat(messagesTo(reader)).as(reader).hasSize(expected);
        }
    }

    @Autowired
    IssueEmails emails;

    @Autowired
    Digests digests;

    @Autowired
    press.dispatch.site.SiteSettings siteSettings;

    @Test
    void aDailyDigestListsTheReadersSectionsOnceAndNothingIsSentWhenThereIsNothingNew() throws Exception {
        String reader = unique("digest").replace(" ", "-") + "@example.com";
        subscriptions.subscribe(reader, "127.0.0.1");
        long subscriber = jdbc.sql("SELECT id FROM subscribers WHERE email = :e").param("e", reader).query(Long.class).single();
        jdbc.sql("UPDATE subscribers SET status = 'confirmed', confirmed_at = :t WHERE id = :id")
                .param("t", java.sql.Timestamp.from(clock.instant().minusSeconds(60))).param("id", subscriber).update();
        Section land = section("Digest land");
        Section sea = section("Digest sea");
        HttpResponse<String> chosen = post("/subscriptions/manage", "token=" + subscriptions.linkToken(subscriber) + "&cadence=DAILY&section=" + land.id());
        assertThat(chosen.statusCode()).isEqualTo(302);
        Document manage = browser.get("/subscriptions/manage?token=" + subscriptions.linkToken(subscriber)).page();
        assertThat(manage.select("input[name=cadence][checked]").val()).isEqualTo("DAILY");
        assertThat(manage.select("input[name=section][checked]").val()).isEqualTo(String.valueOf(land.id()));

        clock.advance(Duration.ofSeconds(1));
        String landHeadline = unique("Land story for the digest");
        String seaHeadline = unique("Sea story for the digest");
        publishedArticle(landHeadline, land);
        publishedArticle(seaHeadline, sea);
        delivery.tick();
        assertThat(messagesTo(reader)).as("a digest reader gets no per-post email").isEmpty();

        java.time.LocalTime at = clock.instant().plus(Duration.ofMinutes(2)).atZone(java.time.ZoneOffset.UTC).toLocalTime();
        siteSettings.update(java.util.Map.of(press.dispatch.site.Setting.DIGEST_DAILY_TIME.key(), String.format("%02d:%02d", at.getHour(), at.getMinute())));
        clock.advance(Duration.ofMinutes(3));
        digests.tick();
        delivery.tick();

        MimeMessage digest = only(reader);
        assertThat(digest.getSubject()).startsWith("Your daily digest: ");
        String body = GreenMailUtil.getBody(digest).replace("=\r\n", "");
        assertThat(body).contains(landHeadline).doesNotContain(seaHeadline);
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        digests.tick();
        delivery.tick();
        assertThat(messagesTo(reader)).as("one digest per day").isEmpty();

        long dailyIssues = jdbc.sql("SELECT COUNT(*) FROM newsletter_issues WHERE kind = 'daily'").query(Long.class).single();
        clock.advance(Duration.ofDays(1));
        digests.tick();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_issues WHERE kind = 'daily'").query(Long.class).single())
                .as("nothing new: no digest").isEqualTo(dailyIssues);
    }

    @Test
    void aDigestsSubjectCountsTheStoriesThatEmailHolds() throws Exception {
        Section land = section("Subject land");
        Section sea = section("Subject sea");
        String reader = digestReader("DAILY", land);
        clock.advance(Duration.ofSeconds(1));
        List<String> landStories = List.of(unique("Land one"), unique("Land two"));
        landStories.forEach(h -> publishedArticle(h, land));
        for (int i = 0; i < 3; i++) {
            publishedArticle(unique("Sea story"), sea);
        }
        dailyDigestNow();

        MimeMessage digest = only(reader);
        assertThat(digest.getSubject()).isEqualTo("Your daily digest: 2 new stories from " + siteSettings.current().name());
        String body = GreenMailUtil.getBody(digest).replace("=\r\n", "");
        assertThat(body).contains(landStories.get(0)).contains(landStories.get(1)).doesNotContain("Sea story");
    }

    @Test
    void aWebOnlyStoryIsInNoDigest() throws Exception {
        Section section = section("Web only digest");
        String reader = digestReader("DAILY", section);
        clock.advance(Duration.ofSeconds(1));
        String emailed = unique("Emailed story");
        String webOnly = unique("Web only story");
        publishedArticle(emailed, section);
        publishing.publish(publishing.draft(new ArticleDraft(webOnly, null, "", "Body", section.id(), List.of(), List.of(), null, "", "", "",
                true, true)));
        dailyDigestNow();

        MimeMessage digest = only(reader);
        assertThat(digest.getSubject()).startsWith("Your daily digest: 1 new story");
        assertThat(GreenMailUtil.getBody(digest).replace("=\r\n", "")).contains(emailed).doesNotContain(webOnly);
    }

    private static final String POSTAL = "Desk <b>&</b> Co\n12 Rue de l'Église\n75001 Paris, France";

    @Test
    void aNewslettersHtmlFooterShowsThePostalAddressLineByLine() throws Exception {
        siteSettings.update(java.util.Map.of(press.dispatch.site.Setting.MAIL_POSTAL_ADDRESS.key(), POSTAL));
        Section section = section("Postal each");
        String reader = digestReader("EACH", section);
        clock.advance(Duration.ofSeconds(1));
        publishedArticle(unique("Postal story"), section);
        delivery.tick();

        MimeMessage newsletter = only(reader);
        assertThat(footerLines(newsletter)).startsWith("You get this email because you subscribed to " + siteSettings.current().name()
                + ". Manage your subscription · Unsubscribe");
        assertThat(footerLines(newsletter)).endsWith("Desk <b>&</b> Co", "12 Rue de l'Église", "75001 Paris, France");
        assertThat(part(newsletter, "text/plain").replace("\r\n", "\n")).endsWith(POSTAL + "\n");
    }

    @Test
    void aDigestsHtmlFooterShowsThePostalAddressLineByLine() throws Exception {
        siteSettings.update(java.util.Map.of(press.dispatch.site.Setting.MAIL_POSTAL_ADDRESS.key(), POSTAL));
        Section section = section("Postal digest");
        String reader = digestReader("DAILY", section);
        clock.advance(Duration.ofSeconds(1));
        publishedArticle(unique("Postal digest story"), section);
        dailyDigestNow();

        MimeMessage digest = only(reader);
        assertThat(footerLines(digest)).endsWith("Desk <b>&</b> Co", "12 Rue de l'Église", "75001 Paris, France");
        assertThat(part(digest, "text/plain").replace("\r\n", "\n")).endsWith(POSTAL + "\n");
    }

    /**
     * The footer of the HTML part as a mail program shows it: lines break only at {@code <br>}, since HTML shows a
     * line break in text as a space; markup in a setting must arrive as text.
     */
    private static List<String> footerLines(MimeMessage message) throws Exception {
        Document html = org.jsoup.Jsoup.parse(part(message, "text/html"));
        org.jsoup.nodes.Element footer = html.select("a:containsOwn(Unsubscribe)").last().parent();
        assertThat(footer.select("b")).as("a setting's markup is escaped").isEmpty();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (org.jsoup.nodes.Node node : footer.childNodes()) {
            if (node instanceof org.jsoup.nodes.Element e && e.normalName().equals("br")) {
                lines.add(line.toString().strip().replaceAll("\\s+", " "));
                line.setLength(0);
            } else if (node instanceof org.jsoup.nodes.TextNode t) {
                line.append(t.text());
            } else if (node instanceof org.jsoup.nodes.Element e) {
                line.append(e.text());
            }
        }
        lines.add(line.toString().strip().replaceAll("\\s+", " "));
        return lines;
    }

    private static String part(MimeMessage message, String type) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("No " + type + " part");
    }

    @Test
    void changingTheDigestTimeTakesEffectFromTheNextMomentAndNoStoryIsSentTwice() throws Exception {
        Section section = section("Digest time");
        String reader = digestReader("DAILY", section);
        clock.advance(Duration.ofSeconds(1));
        String s1 = publishedHeadline(section);
        java.time.ZonedDateTime seven = dailyDigestNow();
        assertThat(body(only(reader))).contains(s1);

        clock.advance(Duration.ofHours(1));
        String s2 = publishedHeadline(section);
        clock.advance(Duration.ofHours(4));
        String s3 = publishedHeadline(section);
        advanceTo(seven.plusDays(1).plusMinutes(1));
        digests.tick();
        delivery.tick();
        assertThat(body(only(reader))).contains(s2).contains(s3).doesNotContain(s1);

        // The next morning, 2 h 31 min after the digest went out, the digest is moved 3 minutes ahead.
        clock.advance(Duration.ofHours(1));
        String s4 = publishedHeadline(section);
        advanceTo(seven.plusDays(1).plusHours(2).plusMinutes(31));
        dailyTime(seven.plusHours(2).plusMinutes(34).toLocalTime());
        digests.tick();
        delivery.tick();
        assertThat(messagesTo(reader)).as("no digest for a moment already past").isEmpty();
        advanceTo(seven.plusDays(1).plusHours(2).plusMinutes(35));
        digests.tick();
        delivery.tick();
        assertThat(body(only(reader))).as("only what came after the last digest").contains(s4).doesNotContain(s3).doesNotContain(s2);

        // Moved back to a time that has passed today: the next one is tomorrow, covering everything since the last.
        clock.advance(Duration.ofMinutes(10));
        String s5 = publishedHeadline(section);
        dailyTime(seven.plusHours(1).toLocalTime());
        digests.tick();
        delivery.tick();
        assertThat(messagesTo(reader)).as("never backwards").isEmpty();
        advanceTo(seven.plusDays(2).plusHours(1).plusMinutes(1));
        digests.tick();
        delivery.tick();
        assertThat(body(only(reader))).contains(s5).doesNotContain(s4);
    }

    /** A confirmed subscriber who wants a digest of one section. */
    private String digestReader(String cadence, Section section) throws Exception {
        String reader = unique("digest").replace(" ", "-") + "@example.com";
        subscriptions.subscribe(reader, "127.0.0.1");
        long subscriber = jdbc.sql("SELECT id FROM subscribers WHERE email = :e").param("e", reader).query(Long.class).single();
        jdbc.sql("UPDATE subscribers SET status = 'confirmed', confirmed_at = :t WHERE id = :id")
                .param("t", java.sql.Timestamp.from(clock.instant().minusSeconds(60))).param("id", subscriber).update();
        HttpResponse<String> chosen = post("/subscriptions/manage", "token=" + subscriptions.linkToken(subscriber) + "&cadence=" + cadence
                + "&section=" + section.id());
        assertThat(chosen.statusCode()).isEqualTo(302);
        return reader;
    }

    private String publishedHeadline(Section section) {
        String headline = unique("Digest story");
        publishedArticle(headline, section);
        return headline;
    }

    /** Moves the daily digest to two minutes from now, lets its moment pass and sends it; returns the moment. */
    private java.time.ZonedDateTime dailyDigestNow() {
        java.time.ZonedDateTime at = clock.instant().plus(Duration.ofMinutes(2)).atZone(siteSettings.current().zone())
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        dailyTime(at.toLocalTime());
        advanceTo(at.plusMinutes(1));
        digests.tick();
        delivery.tick();
        return at;
    }

    private void dailyTime(java.time.LocalTime at) {
        siteSettings.update(java.util.Map.of(press.dispatch.site.Setting.DIGEST_DAILY_TIME.key(), String.format("%02d:%02d", at.getHour(), at.getMinute())));
    }

    private void advanceTo(java.time.ZonedDateTime moment) {
        Duration ahead = Duration.between(clock.instant(), moment.toInstant());
        assertThat(ahead).as("the test clock only moves forward").isPositive();
        clock.advance(ahead);
    }

    private static String body(MimeMessage message) throws Exception {
        return GreenMailUtil.getBody(message).replace("=\r\n", "");
    }

    private MimeMessage only(String address) throws Exception {
        List<MimeMessage> messages = messagesTo(address);
        assertThat(messages).as("messages to " + address).hasSize(1);
        smtp.reset();
        return messages.get(0);
    }

    private List<MimeMessage> messagesTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
                to.add(m);
            }
        }
        return to;
    }

    private String link(String body) {
        // Links follow the port this server listens on while the base URL setting is empty.
        Matcher m = Pattern.compile("http://localhost:" + port + "(/\\S+)").matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(m.find()).as("a link in: " + body).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.base() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
