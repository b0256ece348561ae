package press.dispatch.corrections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import press.dispatch.accounts.Role;
import press.dispatch.newsletter.Newsletters;
import press.dispatch.pages.PageDraft;
import press.dispatch.pages.StaticPages;
import press.dispatch.platform.Outbox;
import press.dispatch.subscriptions.Subscriptions;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections as records: what readers see on the article, in its structured data and feed entry and on the
 * corrections page; what staff see of a record's history; who gets the correction email. Run on both databases.
 */
@TestPropertySource(properties = {"dispatch.mail.smtp.host=127.0.0.1", "dispatch.newsletter.check-every=200ms",
        "dispatch.newsletter.first-check=200ms", "dispatch.outbox.first-check=1h"})
abstract class CorrectionsContract extends NewsroomTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
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
    StaticPages pages;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Newsletters newsletters;

    @Autowired
    Outbox outbox;

    private AdminSession editor() {
        return signedIn(staffMember(Role.EDITOR), PASSWORD);
    }

    private static void added(AdminSession.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
    }

    @Test
    void aCorrectionAddedInTheNewsroomIsShownAtTheFootAndFlaggedAtTheTop() {
        long id = publishedArticle(unique("Casualty figures revised"), null);
        String path = "/articles/" + slugOf(id);
        assertThat(browser.get(path).page().select("#corrections")).as("cached before the correction").isEmpty();

        added(editor().post("/admin/articles/" + id + "/corrections",
                Map.of("kind", "correction", "text", "An earlier version gave the toll as 40; it is 14.")));

        Document page = browser.get(path).page();
        assertThat(page.select(".story-header .correction-flag").text()).contains("this article has been corrected");
        Element record = page.selectFirst("#corrections .correction-correction");
        assertThat(record).isNotNull();
        assertThat(record.select(".correction-kind").text()).isEqualTo("Correction");
        assertThat(record.select(".correction-text").text()).isEqualTo("An earlier version gave the toll as 40; it is 14.");
        assertThat(record.select("time").attr("datetime")).isNotBlank();
    }

    @Test
    void aCorrectionMovesTheArticlesModifiedTimeInItsPageItsSitemapAndItsFeed() {
        long id = publishedArticle(unique("Tonnage figures"), null);
        String path = "/articles/" + slugOf(id);
        browser.get(path);
        browser.get("/sitemaps/articles-1.xml");
        clock.advance(java.time.Duration.ofHours(3));
        java.time.Instant corrected = clock.instant();
        added(editor().post("/admin/articles/" + id + "/corrections", Map.of("kind", "correction", "text", "The ship displaces 7,000 t.")));

        Document page = browser.get(path).page();
        java.time.Instant card = java.time.OffsetDateTime.parse(page.select("meta[property=article:modified_time]").attr("content")).toInstant();
        assertThat(card).isEqualTo(corrected.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Document sitemap = org.jsoup.Jsoup.parse(browser.get("/sitemaps/articles-1.xml").body(), "", org.jsoup.parser.Parser.xmlParser());
        String lastmod = sitemap.select("url").stream().filter(u -> u.select("loc").text().endsWith(path)).findFirst().orElseThrow()
                .select("lastmod").text();
        assertThat(java.time.OffsetDateTime.parse(lastmod).toInstant()).as("the sitemap was purged and says it changed")
                .isEqualTo(corrected.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void anUpdateIsShownAtTheFootButNotFlaggedAtTheTop() {
        long id = publishedArticle(unique("Talks resume"), null);
        added(editor().post("/admin/articles/" + id + "/corrections", Map.of("kind", "update", "text", "The delegations met again on Tuesday.")));

        Document page = browser.get("/articles/" + slugOf(id)).page();
        assertThat(page.select(".correction-flag")).isEmpty();
        assertThat(page.select("#corrections .correction-update .correction-text").text()).isEqualTo("The delegations met again on Tuesday.");
    }

    @Test
    void theStructuredDataListsEachCorrectionAsACorrectionComment() {
        long id = publishedArticle(unique("Strike on the depot"), null);
        added(editor().post("/admin/articles/" + id + "/corrections", Map.of("kind", "correction", "text", "The depot is in Izium, not Kupiansk.")));
        added(editor().post("/admin/articles/" + id + "/corrections", Map.of("kind", "update", "text", "Officials confirmed the strike.")));

        Document page = browser.get("/articles/" + slugOf(id)).page();
        JsonNode article = null;
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode doc = JSON.readTree(script.data());
            if (doc.path("@type").asString().equals("NewsArticle")) {
                article = doc;
            }
        }
        assertThat(article).isNotNull();
        JsonNode corrections = article.path("correction");
        assertThat(corrections.size()).as("updates are not corrections").isEqualTo(1);
        assertThat(corrections.get(0).path("@type").asString()).isEqualTo("CorrectionComment");
        assertThat(corrections.get(0).path("text").asString()).isEqualTo("The depot is in Izium, not Kupiansk.");
        assertThat(corrections.get(0).path("datePublished").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*([+-]\\d{2}:\\d{2}|Z)");
    }

    @Test
    void theFeedEntryOfACorrectedArticleCarriesItsCorrection() {
        long id = publishedArticle(unique("Convoy reached the crossing"), null);
        browser.get("/feed");
        added(editor().post("/admin/articles/" + id + "/corrections", Map.of("kind", "correction", "text", "The convoy had 12 lorries, not 20.")));

        for (String feed : List.of("/feed", "/feed/atom")) {
            String xml = browser.get(feed).body();
            assertThat(xml).as(feed).contains("Correction: The convoy had 12 lorries, not 20.");
        }
    }

    @Test
    void theCorrectionsPageListsEveryCorrectionAndLinksToAndFromThePolicy() {
        long id = publishedArticle(unique("Ceasefire holds"), null);
        assertThat(browser.get("/corrections").status()).isEqualTo(200);
        added(editor().post("/admin/articles/" + id + "/corrections", Map.of("kind", "clarification", "text", "The ceasefire covers the south only.")));
        long policy = pages.create(ownerStaff(), new PageDraft("Corrections policy", "corrections-policy", "We correct errors promptly."));
        pages.publish(policy);

        Document list = browser.get("/corrections").page();
        Element item = list.selectFirst(".corrections .correction-clarification");
        assertThat(item.select("a").attr("href")).isEqualTo("/articles/" + slugOf(id));
        assertThat(item.select(".correction-text").text()).isEqualTo("The ceasefire covers the south only.");
        assertThat(list.select("a[href=/corrections-policy]")).isNotEmpty();
        assertThat(browser.get("/corrections-policy").page().select("a[href=/corrections]")).isNotEmpty();
    }

    @Test
    void aCorrectionOnADraftIsNotOnTheCorrectionsPage() {
        long id = publishing.draft(press.dispatch.articles.ArticleDraft.of(unique("Not out yet"), "", "Body."));
        added(editor().post("/admin/articles/" + id + "/corrections", Map.of("kind", "correction", "text", "Secret correction.")));
        assertThat(browser.get("/corrections").body()).doesNotContain("Secret correction.");
    }

    @Test
    void anAmendedRecordShowsReadersItsNewWordingAndStaffEveryEarlierOne() {
        long id = publishedArticle(unique("Minister resigns"), null);
        AdminSession editor = editor();
        added(editor.post("/admin/articles/" + id + "/corrections", Map.of("kind", "correction", "text", "The minister resigned on Monday.")));
        long record = jdbc.sql("SELECT id FROM corrections WHERE article_id = :a").param("a", id).query(Long.class).single();
        added(editor.post("/admin/articles/" + id + "/corrections/" + record, Map.of("kind", "correction", "text", "The minister resigned on Sunday.")));

        Document page = browser.get("/articles/" + slugOf(id)).page();
        assertThat(page.select("#corrections .correction-text").eachText()).containsExactly("The minister resigned on Sunday.");
        Document desk = editor.get("/admin/articles/" + id + "/corrections").page();
        assertThat(desk.select(".correction-history li").text()).contains("The minister resigned on Monday.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM corrections WHERE article_id = :a").param("a", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRecordWithoutTextIsRefusedWithTheFormKept() {
        long id = publishedArticle(unique("Empty correction"), null);
        AdminSession.Response answer = editor().post("/admin/articles/" + id + "/corrections", Map.of("kind", "retraction", "text", " "));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().select(".problem").text()).contains("Say what was wrong").contains("Choose correction");
    }

    @Test
    void authorsAndContributorsCannotAddCorrections() {
        long id = publishedArticle(unique("Guarded"), null);
        for (Role role : List.of(Role.AUTHOR, Role.CONTRIBUTOR)) {
            AdminSession session = signedIn(staffMember(role), PASSWORD);
            assertThat(session.post("/admin/articles/" + id + "/corrections", Map.of("kind", "update", "text", "x")).status()).isEqualTo(403);
        }
        assertThat(browser.get("/articles/" + slugOf(id)).page().select("#corrections")).isEmpty();
    }

    @Test
    void theCorrectionEmailReachesExactlyTheReadersWhoReceivedTheArticle() throws Exception {
        String first = reader("first");
        String second = reader("second");
        clock.advance(java.time.Duration.ofSeconds(1));
        smtp.reset();
        String headline = unique("Depot figures");
        long id = publishedArticle(headline, null);
        smtp.waitForIncomingEmail(20_000, 2);
        waitUntilSent(id, 2);
        List<String> received = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().equals(headline)) {
                Arrays.stream(m.getAllRecipients()).forEach(r -> received.add(r.toString()));
            }
        }
        assertThat(received).contains(first, second);
        String later = reader("later");
        smtp.reset();

        added(editor().post("/admin/articles/" + id + "/corrections",
                Map.of("kind", "correction", "text", "The depot held 300 tonnes, not 3,000.", "emailReaders", "true")));
        outbox.sendDue();

        List<String> recipients = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("Correction: ")) {
                Arrays.stream(m.getAllRecipients()).forEach(r -> recipients.add(r.toString()));
                assertThat(GreenMailUtil.getBody(m)).contains("The depot held 300 tonnes, not 3,000.");
                assertThat(m.getHeader("List-Unsubscribe", null)).matches("<http://localhost:" + port + "/unsubscribe\\?token=\\S+>");
                assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            }
        }
        assertThat(recipients).containsExactlyInAnyOrderElementsOf(received).doesNotContain(later);
    }

    @Autowired
    press.dispatch.site.SiteSettings siteSettings;

    @Test
    void theCorrectionEmailEndsWithWhyItCameAVisibleUnsubscribeAndThePostalAddress() throws Exception {
        siteSettings.update(Map.of(press.dispatch.site.Setting.MAIL_POSTAL_ADDRESS.key(), "12 Rue de l'Église\n75001 Paris, France"));
        String reader = reader("footer");
        clock.advance(java.time.Duration.ofSeconds(1));
        long id = publishedArticle(unique("Footer figures"), null);
        waitUntilSent(id, 1);
        smtp.reset();

        added(editor().post("/admin/articles/" + id + "/corrections",
                Map.of("kind", "correction", "text", "The figure was 12, not 21.", "emailReaders", "true")));
        outbox.sendDue();

        MimeMessage correction = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Correction: ") && recipientsOf(m).contains(reader)).findFirst().orElseThrow();
        String header = correction.getHeader("List-Unsubscribe", null);
        String unsubscribe = header.substring(1, header.length() - 1);
        assertThat(((String) correction.getContent()).replace("\r\n", "\n")).endsWith("\n--\nYou get this email because "
                + siteSettings.current().name() + " emailed you this article as a subscriber.\nUnsubscribe: " + unsubscribe
                + "\n12 Rue de l'Église\n75001 Paris, France");
    }

    private static List<String> recipientsOf(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReaderWhoUnsubscribedOrWhoseAddressBouncedSinceGetsNoCorrection() throws Exception {
        String stays = reader("stays");
        String leaves = reader("leaves");
        String bounced = reader("bounced");
        clock.advance(java.time.Duration.ofSeconds(1));
        smtp.reset();
        String headline = unique("Range figures");
        long id = publishedArticle(headline, null);
        smtp.waitForIncomingEmail(20_000, 3);
        waitUntilSent(id, 3);
        String url = subscriptions.unsubscribeUrlOf(leaves).orElseThrow();
        assertThat(subscriptions.unsubscribe(url.substring(url.indexOf("token=") + 6))).isTrue();
        subscriptions.suppress(jdbc.sql("SELECT id FROM subscribers WHERE email = :e").param("e", bounced).query(Long.class).single(), "550 no such user");
        assertThat(newsletters.recipientsOf(id)).containsExactly(stays);
        assertThat(editor().get("/admin/articles/" + id + "/corrections").page().text()).contains("1 reader");
        smtp.reset();

        added(editor().post("/admin/articles/" + id + "/corrections",
                Map.of("kind", "correction", "text", "The range is 300 km, not 3,000.", "emailReaders", "true")));
        outbox.sendDue();

        List<String> recipients = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (subject(m).startsWith("Correction: ")) {
                Arrays.stream(m.getAllRecipients()).forEach(r -> recipients.add(r.toString()));
            }
        }
        assertThat(recipients).containsExactly(stays);
    }

    @Test
    void withoutTheCheckboxNobodyIsEmailed() throws Exception {
        reader("quiet");
        clock.advance(java.time.Duration.ofSeconds(1));
        smtp.reset();
        long id = publishedArticle(unique("Quiet correction"), null);
        smtp.waitForIncomingEmail(20_000, 1);
        waitUntilSent(id, 1);
        smtp.reset();
        added(editor().post("/admin/articles/" + id + "/corrections", Map.of("kind", "correction", "text", "A small slip.")));
        outbox.sendDue();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("Correction"))).isEmpty();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A confirmed subscriber who gets every post. */
    private String reader(String name) {
        String email = unique(name).replace(' ', '-') + "@example.com";
        subscriptions.subscribe(email, "192.0.2.1");
        String token = lastLink(email, "/subscribe/confirm?token=");
        assertThat(subscriptions.confirm(token)).isPresent();
        outbox.sendDue();
        return email;
    }

    private void waitUntilSent(long articleId, int count) {
        org.awaitility.Awaitility.await("the newsletter of article " + articleId + " sent to " + count + " readers")
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> newsletters.recipientsOf(articleId).size() >= count);
    }
}
