package press.dispatch.threads;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import press.dispatch.accounts.Role;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.platform.Outbox;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Story threads: the timeline, the box on each article, the thread's feeds, and following one by email. Both databases. */
@TestPropertySource(properties = {"dispatch.mail.smtp.host=127.0.0.1", "dispatch.outbox.first-check=1h"})
abstract class ThreadsContract extends NewsroomTest {

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
    press.dispatch.subscriptions.Subscriptions subscriptions;

    /** A confirmed newsletter subscriber; returns their address and leaves their emails sent. */
    private String subscriber(String name) {
        String email = unique(name).replace(' ', '-') + "@example.com";
        subscriptions.subscribe(email, "192.0.2.1");
        assertThat(subscriptions.confirm(lastLink(email, "/subscribe/confirm?token="))).isPresent();
        outbox.sendDue();
        smtp.reset();
        return email;
    }

    private long pendingEmailsTo(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = :to AND status = 'pending'").param("to", email).query(Long.class).single();
    }

    private record Made(long id, String slug) {
    }

    private Made thread(AdminSession editor, String title, long... articles) {
        AdminSession.Response created = editor.post("/admin/threads", Map.of("title", title, "summary", "What we know about " + title + "."));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/", ""));
        for (long a : articles) {
            assertThat(editor.post("/admin/threads/" + id + "/articles", Map.of("articleId", Long.toString(a))).status()).isEqualTo(302);
        }
        return new Made(id, jdbc.sql("SELECT slug FROM story_threads WHERE id = :id").param("id", id).query(String.class).single());
    }

    private AdminSession editor() {
        return signedIn(staffMember(Role.EDITOR), PASSWORD);
    }

    @Test
    void theTimelineShowsTheSummaryOnTopAndEveryPublishedArticleInOrder() {
        long first = publishedArticle(unique("Talks open in Cairo"), null);
        clock.advance(Duration.ofMinutes(5));
        long second = publishedArticle(unique("Delegations exchange drafts"), null);
        long draft = publishing.draft(ArticleDraft.of(unique("Not yet"), "", "Body."));
        Made thread = thread(editor(), unique("Ceasefire talks"), second, first, draft);

        Document page = browser.get("/stories/" + thread.slug()).page();
        assertThat(page.selectFirst(".thread-summary").text()).startsWith("What we know about");
        assertThat(page.select(".timeline .thread-part a").eachText())
                .containsExactly(publishing.get(first).headline(), publishing.get(second).headline());
    }

    @Test
    void anArticleInAThreadLinksToItWithItsUpdateCountAndToItsNeighbours() {
        long first = publishedArticle(unique("First part"), null);
        clock.advance(Duration.ofMinutes(1));
        long middle = publishedArticle(unique("Middle part"), null);
        clock.advance(Duration.ofMinutes(1));
        long last = publishedArticle(unique("Last part"), null);
        String title = unique("Border crossing");
        Made thread = thread(editor(), title, first, middle, last);

        Document page = browser.get("/articles/" + slugOf(middle)).page();
        assertThat(page.selectFirst(".part-of").text()).isEqualTo("Part of: " + title + ", 3 updates");
        assertThat(page.selectFirst(".part-of a").attr("href")).isEqualTo("/stories/" + thread.slug());
        assertThat(page.selectFirst(".thread-neighbours a[rel=prev]").attr("href")).isEqualTo("/articles/" + slugOf(first));
        assertThat(page.selectFirst(".thread-neighbours a[rel=next]").attr("href")).isEqualTo("/articles/" + slugOf(last));
        assertThat(browser.get("/articles/" + slugOf(first)).page().select("a[rel=prev]")).isEmpty();
    }

    /** Presses the up or down button beside an article on the thread's editor page, as a browser without JavaScript would. */
    private void press(AdminSession editor, Made thread, long article, String direction) {
        Document edit = editor.get("/admin/threads/" + thread.id()).page();
        org.jsoup.nodes.Element form = edit.selectFirst("#article-" + article + " form.move-" + direction);
        assertThat(form).as("a " + direction + " button beside article " + article).isNotNull();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.val()));
        AdminSession.Response moved = editor.post(form.attr("action"), fields);
        assertThat(moved.status()).as(moved.body()).isEqualTo(302);
    }

    private List<String> feedTitles(String path) {
        Matcher m = Pattern.compile("<item>\\s*<title>([^<]*)</title>").matcher(browser.get(path).body());
        List<String> titles = new ArrayList<>();
        while (m.find()) {
            titles.add(org.jsoup.parser.Parser.unescapeEntities(m.group(1), false));
        }
        return titles;
    }

    @Test
    void anEditorMovesAnArticleUpAndTheTimelineItsNeighboursAndTheFeedFollowThatOrder() {
        long first = publishedArticle(unique("Shelling resumes"), null);
        clock.advance(Duration.ofMinutes(1));
        long second = publishedArticle(unique("Envoys arrive"), null);
        clock.advance(Duration.ofMinutes(1));
        long third = publishedArticle(unique("Background: the two fronts"), null);
        AdminSession editor = editor();
        Made thread = thread(editor, unique("Reordered talks"), first, second, third);
        assertThat(editor.get("/admin/threads/" + thread.id()).page().select("#article-" + first + " form.move-up")).as("the first cannot go up").isEmpty();

        press(editor, thread, third, "up");
        press(editor, thread, third, "up");

        String a = publishing.get(first).headline(), b = publishing.get(second).headline(), c = publishing.get(third).headline();
        assertThat(editor.get("/admin/threads/" + thread.id()).page().select(".thread-articles > li > a").eachText()).containsExactly(c, a, b);
        assertThat(browser.get("/stories/" + thread.slug()).page().select(".timeline .thread-part a").eachText()).containsExactly(c, a, b);
        Document opening = browser.get("/articles/" + slugOf(third)).page();
        assertThat(opening.select("a[rel=prev]")).isEmpty();
        assertThat(opening.selectFirst(".thread-neighbours a[rel=next]").attr("href")).isEqualTo("/articles/" + slugOf(first));
        Document middle = browser.get("/articles/" + slugOf(first)).page();
        assertThat(middle.selectFirst(".thread-neighbours a[rel=prev]").attr("href")).isEqualTo("/articles/" + slugOf(third));
        assertThat(middle.selectFirst(".thread-neighbours a[rel=next]").attr("href")).isEqualTo("/articles/" + slugOf(second));
        assertThat(feedTitles("/stories/" + thread.slug() + "/feed")).as("the feed, last in the thread first").containsExactly(b, a, c);

        press(editor, thread, third, "down");
        assertThat(browser.get("/stories/" + thread.slug()).page().select(".timeline .thread-part a").eachText()).containsExactly(a, c, b);
    }

    @Test
    void anArticleAddedToAReorderedThreadTakesItsPlaceByPublicationTime() {
        long early = publishedArticle(unique("Early part"), null);
        clock.advance(Duration.ofMinutes(1));
        long between = publishedArticle(unique("Between part"), null);
        clock.advance(Duration.ofMinutes(1));
        long late = publishedArticle(unique("Late part"), null);
        AdminSession editor = editor();
        Made thread = thread(editor, unique("Growing thread"), early, late);
        press(editor, thread, late, "up");

        editor.post("/admin/threads/" + thread.id() + "/articles", Map.of("articleId", Long.toString(between)));
        long newest = publishing.draft(ArticleDraft.of(unique("Newest part"), "", "Body."));
        editor.post("/admin/threads/" + thread.id() + "/articles", Map.of("articleId", Long.toString(newest)));
        clock.advance(Duration.ofMinutes(1));
        publishing.publish(newest);

        assertThat(browser.get("/stories/" + thread.slug()).page().select(".timeline .thread-part a").eachText()).containsExactly(
                publishing.get(late).headline(), publishing.get(early).headline(), publishing.get(between).headline(), publishing.get(newest).headline());
    }

    @Test
    void authorsCannotReorderAThread() {
        long one = publishedArticle(unique("One"), null);
        long two = publishedArticle(unique("Two"), null);
        Made thread = thread(editor(), unique("Guarded order"), one, two);
        AdminSession author = signedIn(staffMember(Role.AUTHOR), PASSWORD);
        assertThat(author.post("/admin/threads/" + thread.id() + "/articles/move", Map.of("articleId", Long.toString(two), "direction", "up")).status())
                .isEqualTo(403);
    }

    @Test
    void anEditorKeyReordersAThreadThroughTheApiAndAListThatMissesAnArticleIsRefused() throws Exception {
        String key = keys.create(ownerStaff(), unique("order key"), Role.EDITOR);
        long one = publishedArticle(unique("API first"), null);
        clock.advance(Duration.ofMinutes(1));
        long two = publishedArticle(unique("API second"), null);
        Made thread = thread(editor(), unique("API order"), one, two);

        HttpResponse<String> reordered = api(key, "PUT", "/api/v1/threads/" + thread.id() + "/articles", "{\"articleIds\": [" + two + ", " + one + "]}");
        assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(200);
        assertThat(reordered.body()).contains("\"articleIds\":[" + two + "," + one + "]");
        assertThat(browser.get("/stories/" + thread.slug()).page().select(".timeline .thread-part a").eachText())
                .containsExactly(publishing.get(two).headline(), publishing.get(one).headline());

        HttpResponse<String> refused = api(key, "PUT", "/api/v1/threads/" + thread.id() + "/articles", "{\"articleIds\": [" + one + "]}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("articleIds");
        assertThat(browser.get("/stories/" + thread.slug()).page().select(".timeline .thread-part a").eachText())
                .containsExactly(publishing.get(two).headline(), publishing.get(one).headline());
        HttpResponse<String> renamed = api(key, "PUT", "/api/v1/threads/" + thread.id(), "{\"title\": \"A new title\", \"summary\": \"\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(browser.get("/stories/" + thread.slug()).status()).as("a new title without a slug keeps the address followers have").isEqualTo(200);
        HttpResponse<String> broken = api(key, "POST", "/api/v1/threads", "{\"title\": \"Evil\\r\\nBcc: x@example.com\"}");
        assertThat(broken.statusCode()).as("a title goes into email subjects: one line only").isEqualTo(422);
        assertThat(broken.body()).contains("title");
        String author = keys.create(ownerStaff(), unique("author order key"), Role.AUTHOR);
        assertThat(api(author, "PUT", "/api/v1/threads/" + thread.id() + "/articles", "{\"articleIds\": [" + one + ", " + two + "]}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aThreadHasAnRssAndAnAtomFeedOfItsArticles() {
        long part = publishedArticle(unique("Feed part"), null);
        long outside = publishedArticle(unique("Not in the thread"), null);
        Made thread = thread(editor(), unique("Feeds thread"), part);
        for (String feed : List.of("/stories/" + thread.slug() + "/feed", "/stories/" + thread.slug() + "/feed/atom")) {
            var answer = browser.get(feed);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains(publishing.get(part).headline()).doesNotContain(publishing.get(outside).headline());
        }
        assertThat(browser.get("/stories/" + thread.slug() + "/feed").body()).contains("<rss");
        assertThat(browser.get("/stories/" + thread.slug() + "/feed/atom").body()).contains("http://www.w3.org/2005/Atom");
    }

    @Test
    void aReaderFollowsConfirmsReceivesTheNextArticleAndUnfollowsWithOneClick() throws Exception {
        long opening = publishedArticle(unique("Opening part"), null);
        AdminSession editor = editor();
        Made thread = thread(editor, unique("Followed story"), opening);
        String reader = unique("follower").replace(' ', '-') + "@example.com";
        clock.advance(Duration.ofHours(2)); // a fresh hour for the follow form's rate limit, whatever ran before

        HttpResponse<String> asked = post("/stories/" + thread.slug() + "/follow", "email=" + reader);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Check your inbox");
        outbox.sendDue();
        MimeMessage confirmation = only(reader);
        String confirmPath = link(GreenMailUtil.getBody(confirmation), "/stories/follow/confirm");
        Document confirmPage = browser.get(confirmPath).page();
        String token = confirmPage.selectFirst("input[name=token]").val();
        assertThat(post("/stories/follow/confirm", "token=" + token).body()).contains("You follow");
        assertThat(editor.get("/admin/threads/" + thread.id()).page().selectFirst(".followers").text()).isEqualTo("1");

        long next = publishing.draft(ArticleDraft.of(unique("Next part"), "The talks resume.", "Body."));
        editor.post("/admin/threads/" + thread.id() + "/articles", Map.of("articleId", Long.toString(next)));
        publishing.publish(next);
        outbox.sendDue();
        MimeMessage announced = only(reader);
        assertThat(announced.getSubject()).endsWith(publishing.get(next).headline());
        String body = GreenMailUtil.getBody(announced);
        assertThat(body).contains("/articles/" + slugOf(next));

        String unfollowPath = link(body, "/stories/unfollow");
        assertThat(browser.get(unfollowPath).page().select("form[action=/stories/unfollow] button").text()).isEqualTo("Stop following");
        assertThat(post("/stories/unfollow", "token=" + token).body()).contains("You no longer follow");
        for (String path : List.of("/stories/follow/confirm", "/stories/unfollow")) {
            var forged = browser.get(path + "?token=garbage");
            assertThat(forged.status()).as(path).isEqualTo(404);
            assertThat(forged.page().select("main h1").text()).as(path).isEqualTo("This link does not work");
            HttpResponse<String> forgedPost = post(path, "token=garbage");
            assertThat(forgedPost.statusCode()).as(path).isEqualTo(404);
            assertThat(org.jsoup.Jsoup.parse(forgedPost.body()).select("main h1").text()).as(path).isEqualTo("This link does not work");
        }
        long after = publishing.draft(ArticleDraft.of(unique("After unfollowing"), "", "Body."));
        editor.post("/admin/threads/" + thread.id() + "/articles", Map.of("articleId", Long.toString(after)));
        publishing.publish(after);
        outbox.sendDue();
        assertThat(messagesTo(reader)).isEmpty();
    }

    @Test
    void anArticleAlreadyPublishedWhenAddedIsNotEmailed() throws Exception {
        Made thread = thread(editor(), unique("Quiet thread"));
        String reader = unique("quiet").replace(' ', '-') + "@example.com";
        confirmedFollower(reader, thread);
        long old = publishedArticle(unique("Old news"), null);
        editor().post("/admin/threads/" + thread.id() + "/articles", Map.of("articleId", Long.toString(old)));
        outbox.sendDue();
        assertThat(messagesTo(reader)).isEmpty();
    }

    @Test
    void oneAddressIsSentAtMostThreeConfirmationsADayWithTheSameAnswerEachTime() throws Exception {
        Made thread = thread(editor(), unique("Capped thread"));
        clock.advance(Duration.ofHours(25)); // fresh windows, whatever ran before
        String reader = unique("capped").replace(' ', '-') + "@example.com";
        smtp.reset();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = post("/stories/" + thread.slug() + "/follow", "email=" + reader);
            assertThat(answer.statusCode()).isEqualTo(200);
            answers.add(org.jsoup.Jsoup.parse(answer.body()).select("main h1").text());
        }
        assertThat(answers).containsOnly("Check your inbox");
        outbox.sendDue();
        assertThat(messagesTo(reader)).hasSize(ThreadPages.CONFIRMATIONS_PER_ADDRESS);
        clock.advance(Duration.ofHours(25));
    }

    @Test
    void theFollowFormRefusesTooManyRequestsFromOneNetwork() throws Exception {
        Made thread = thread(editor(), unique("Popular thread"));
        clock.advance(Duration.ofHours(2));
        HttpResponse<String> last = null;
        for (int i = 0; i <= ThreadPages.FOLLOWS_PER_HOUR; i++) {
            last = post("/stories/" + thread.slug() + "/follow", "email=" + unique("many").replace(' ', '-') + "@example.com");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValue("3600");
    }

    @Test
    void aFollowerIsInTheirPersonalDataExportAndErasedWithIt() throws Exception {
        String title = unique("Private thread");
        Made thread = thread(editor(), title);
        String reader = unique("private").replace(' ', '-') + "@example.com";
        clock.advance(Duration.ofHours(2)); // a fresh hour for the follow form's rate limit, whatever ran before
        post("/stories/" + thread.slug() + "/follow", "email=" + reader);
        assertThat(personalData.export(reader).threadFollows()).extracting(Threads.FollowRecord::thread).containsExactly(title);

        personalData.erase(ownerStaff(), reader);
        assertThat(personalData.export(reader).threadFollows()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM thread_followers WHERE email = :e").param("e", reader).query(Long.class).single()).isZero();
    }

    @Autowired
    press.dispatch.privacy.PersonalData personalData;

    @Test
    void aThreadEmailCarriesAOneClickUnsubscribeThatAMailProgramCanPost() throws Exception {
        Made thread = thread(editor(), unique("One-click thread"));
        String reader = unique("oneclick").replace(' ', '-') + "@example.com";
        MimeMessage announced = newPartEmailedTo(reader, thread, "Announced part");

        assertThat(announced.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String header = announced.getHeader("List-Unsubscribe", null);
        assertThat(header).matches("<http://localhost:" + port + "/stories/unfollow\\?token=[A-Za-z0-9_-]+>");
        // What a mail program sends (RFC 8058): a POST with no cookie and no CSRF token, to the URL as given.
        HttpRequest oneClick = HttpRequest.newBuilder(URI.create(header.substring(1, header.length() - 1))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build();
        assertThat(HttpClient.newHttpClient().send(oneClick, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        long after = publishing.draft(ArticleDraft.of(unique("Not announced"), "", "Body."));
        editor().post("/admin/threads/" + thread.id() + "/articles", Map.of("articleId", Long.toString(after)));
        publishing.publish(after);
        outbox.sendDue();
        assertThat(messagesTo(reader)).isEmpty();
    }

    @Autowired
    press.dispatch.site.SiteSettings siteSettings;

    @Test
    void aThreadEmailEndsWithWhyItCameItsStopLinkAndThePostalAddress() throws Exception {
        siteSettings.update(Map.of(press.dispatch.site.Setting.MAIL_POSTAL_ADDRESS.key(), "12 Rue de l'Église\n75001 Paris, France"));
        String title = unique("Footer thread");
        Made thread = thread(editor(), title);
        String reader = unique("footer").replace(' ', '-') + "@example.com";
        MimeMessage announced = newPartEmailedTo(reader, thread, "Part with a footer");

        String header = announced.getHeader("List-Unsubscribe", null);
        String stop = header.substring(1, header.length() - 1);
        assertThat(((String) announced.getContent()).replace("\r\n", "\n")).endsWith("\n--\nYou get this email because you follow \"" + title
                + "\" on " + siteSettings.current().name() + ".\nStop following this thread: " + stop + "\n12 Rue de l'Église\n75001 Paris, France");
    }

    @Test
    void aSubscriberFollowsAndUnfollowsAThreadWithOneClickFromTheirManagePage() throws Exception {
        String title = unique("Managed thread");
        Made thread = thread(editor(), title);
        String reader = subscriber("managing");
        String token = lastLinkToken(reader);
        Document manage = browser.get("/subscriptions/manage?token=" + token).page();
        org.jsoup.nodes.Element offer = manage.select(".other-threads li").stream().filter(li -> li.selectFirst("a").text().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("No follow button for " + title + " in " + manage.select(".manage-threads")));
        assertThat(offer.selectFirst("form").attr("action")).isEqualTo("/stories/manage/follow");

        HttpResponse<String> followed = post("/stories/manage/follow", "token=" + token + "&thread=" + thread.id());
        assertThat(followed.statusCode()).isEqualTo(302);
        assertThat(pendingEmailsTo(reader)).as("no confirmation email").isZero();
        assertThat(editor().get("/admin/threads/" + thread.id()).page().selectFirst(".followers").text()).isEqualTo("1");
        Document after = browser.get("/subscriptions/manage?token=" + token).page();
        assertThat(after.select(".followed-threads li a").eachText()).contains(title);

        assertThat(post("/stories/manage/unfollow", "token=" + token + "&thread=" + thread.id()).statusCode()).isEqualTo(302);
        assertThat(editor().get("/admin/threads/" + thread.id()).page().selectFirst(".followers").text()).isEqualTo("0");
        assertThat(browser.get("/subscriptions/manage?token=" + token).page().select(".followed-threads li a").eachText()).doesNotContain(title);
    }

    @Test
    void theManagePageButtonsRefuseAForgedToken() throws Exception {
        Made thread = thread(editor(), unique("Guarded thread"));
        assertThat(post("/stories/manage/follow", "token=forged&thread=" + thread.id()).statusCode()).isEqualTo(404);
        assertThat(editor().get("/admin/threads/" + thread.id()).page().selectFirst(".followers").text()).isEqualTo("0");
    }

    @Test
    void aSubscriberTypingTheirAddressInTheFollowFormStillConfirmsByEmail() throws Exception {
        Made thread = thread(editor(), unique("Typed thread"));
        String reader = subscriber("typing");
        clock.advance(Duration.ofHours(2)); // a fresh hour for the follow form's rate limit, whatever ran before
        post("/stories/" + thread.slug() + "/follow", "email=" + reader);
        assertThat(editor().get("/admin/threads/" + thread.id()).page().selectFirst(".followers").text()).isEqualTo("0");
        outbox.sendDue();
        assertThat(GreenMailUtil.getBody(only(reader))).contains("/stories/follow/confirm");
    }

    @Autowired
    press.dispatch.accounts.ApiKeys keys;

    private HttpResponse<String> api(String key, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.base() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEditorKeyBuildsAThreadThroughTheApiAndReadersSeeItsTimeline() throws Exception {
        String key = keys.create(ownerStaff(), unique("thread key"), Role.EDITOR);
        long part = publishedArticle(unique("API part"), null);
        String slug = unique("api thread").replace(' ', '-').toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        HttpResponse<String> created = api(key, "POST", "/api/v1/threads", "{\"title\": \"Made by API\", \"slug\": \"" + slug + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        assertThat(created.headers().firstValue("Location")).as("like every other create").hasValue("/api/v1/threads/" + id);
        assertThat(api(key, "PUT", "/api/v1/threads/" + id, "{\"title\": \"Renamed by API\", \"slug\": \"" + slug + "\", \"summary\": \"Known so far.\"}")
                .statusCode()).isEqualTo(200);
        assertThat(api(key, "POST", "/api/v1/threads/" + id + "/articles", "{\"articleId\": " + part + "}").body()).contains("\"articleIds\":[" + part + "]");

        Document timeline = browser.get("/stories/" + slug).page();
        assertThat(timeline.selectFirst(".thread-summary").text()).isEqualTo("Known so far.");
        assertThat(timeline.select(".timeline .thread-part a").eachText()).containsExactly(publishing.get(part).headline());
        assertThat(api(key, "GET", "/api/v1/threads/" + id, null).body()).contains("\"followers\":0", "\"title\":\"Renamed by API\"");

        assertThat(api(key, "DELETE", "/api/v1/threads/" + id + "/articles/" + part, null).statusCode()).isEqualTo(200);
        assertThat(browser.get("/stories/" + slug).page().select(".timeline .thread-part")).isEmpty();
        assertThat(api(key, "DELETE", "/api/v1/threads/" + id, null).statusCode()).isEqualTo(204);
        assertThat(browser.get("/stories/" + slug).status()).isEqualTo(404);
        assertThat(browser.get("/articles/" + slugOf(part)).status()).isEqualTo(200);
    }

    @Test
    void anAuthorKeyCannotTouchThreads() throws Exception {
        String key = keys.create(ownerStaff(), unique("author key"), Role.AUTHOR);
        assertThat(api(key, "GET", "/api/v1/threads", null).statusCode()).isEqualTo(403);
        assertThat(api(key, "POST", "/api/v1/threads", "{\"title\": \"Mine\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void authorsCannotMakeThreads() {
        AdminSession author = signedIn(staffMember(Role.AUTHOR), PASSWORD);
        assertThat(author.post("/admin/threads", Map.of("title", "Mine")).status()).isEqualTo(403);
        assertThat(author.get("/admin/threads").status()).isEqualTo(403);
    }

    private String lastLinkToken(String email) {
        return subscriptions.linkToken(jdbc.sql("SELECT id FROM subscribers WHERE email = :e").param("e", email).query(Long.class).single());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.base() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private MimeMessage only(String address) throws Exception {
        List<MimeMessage> messages = messagesTo(address);
        assertThat(messages).as("messages to " + address).hasSize(1);
        smtp.reset();
        return messages.get(0);
    }

    /** {@code reader} follows the thread, confirmed; the mail so far is forgotten. */
    private void confirmedFollower(String reader, Made thread) throws Exception {
        clock.advance(Duration.ofHours(2)); // a fresh hour for the follow form's rate limit, whatever ran before
        post("/stories/" + thread.slug() + "/follow", "email=" + reader);
        String token = jdbc.sql("SELECT token FROM thread_followers WHERE email = :e").param("e", reader).query(String.class).single();
        post("/stories/follow/confirm", "token=" + token);
        outbox.sendDue();
        smtp.reset();
    }

    /** {@code reader} follows the thread (confirmed); then a new part is published into it: the one email that announces it. */
    private MimeMessage newPartEmailedTo(String reader, Made thread, String headline) throws Exception {
        confirmedFollower(reader, thread);
        long next = publishing.draft(ArticleDraft.of(unique(headline), "", "Body."));
        editor().post("/admin/threads/" + thread.id() + "/articles", Map.of("articleId", Long.toString(next)));
        publishing.publish(next);
        outbox.sendDue();
        return only(reader);
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

    private String link(String body, String path) {
        Matcher m = Pattern.compile("http://localhost:" + port + "(" + Pattern.quote(path) + "\\S+)").matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(m.find()).as("a link to " + path + " in: " + body).isTrue();
        return m.group(1);
    }
}
