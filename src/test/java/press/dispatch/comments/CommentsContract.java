package press.dispatch.comments;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.coyote.AbstractProtocol;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Section;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.platform.Dialect;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** "Leave a Reply" over real HTTP, as a reader and a bot would use it. Run on SQLite and PostgreSQL. */
abstract class CommentsContract extends SiteTest {

    @Autowired
    Moderation moderation;

    @Autowired
    Stories stories;

    @Autowired
    Commenters commenters;

    @Autowired
    SiteSettings settings;

    @Autowired
    JdbcClient jdbc;

    Section section;
    long articleId;
    String slug;

    @BeforeEach
    void article() {
        settings.update(Map.of(Setting.COMMENTS_MODERATION.key(), "hold_first", Setting.COMMENTS_HOLD_WORDS.key(), "",
                Setting.COMMENTS_SPAM_WORDS.key(), "", Setting.COMMENTS_CLOSE_AFTER_DAYS.key(), "0"));
        section = section("Comments");
        articleId = publishedArticle(unique("Commented story"), section);
        slug = slugOf(articleId);
    }

    @Autowired
    WebServerApplicationContext server;

    @Autowired
    Dialect dialect;

    @Autowired
    HikariDataSource pool;

    @Test
    void onPostgresqlEveryRequestThreadHasAConnectionAndSqliteKeepsTomcatsThreads() {
        int threads = ((AbstractProtocol<?>) ((TomcatWebServer) server.getWebServer())
                .getTomcat().getConnector().getProtocolHandler()).getMaxThreads();
        if (dialect == Dialect.POSTGRESQL) {
            assertThat(threads).isEqualTo(pool.getMaximumPoolSize()).isEqualTo(16);
        } else {
            assertThat(threads).isEqualTo(200);
        }
    }

    @Test
    void aHeldCommentIsAcknowledgedWithANoticeNotAnError() throws Exception {
        String email = unique("held notice").replace(" ", "-") + "@example.com";
        String heldPage = location(comment(Map.of("comment", "Waiting for a moderator.", "author", "Ana Ruiz", "email", email)));

        Document mine = browser.get(heldPage).page();
        assertThat(mine.select("#respond [role=alert], #respond .form-message")).as("nothing on the page reads as an error").isEmpty();
        assertThat(mine.select("#respond .form-notice[role=status]").text())
                .isEqualTo("Thank you. Your comment was received and will appear once a moderator approves it.");
    }

    @Test
    void aFirstCommentIsHeldAndShownOnlyToItsAuthor() throws Exception {
        String email = unique("first").replace(" ", "-") + "@example.com";
        HttpResponse<String> answer = comment(Map.of("comment", "My very first words here.", "author", "Ana Ruiz", "email", email));
        assertThat(answer.statusCode()).isEqualTo(302);
        String heldPage = location(answer);
        assertThat(heldPage).startsWith("/articles/" + slug + "/comments/held?token=");

        Document mine = browser.get(heldPage).page();
        assertThat(mine.select("li.held .comment-body").text()).isEqualTo("My very first words here.");
        assertThat(mine.select("li.held .awaiting").text()).contains("awaiting moderation");
        assertThat(browser.get(heldPage).header("Cache-Control")).isEqualTo("no-store");

        assertThat(browser.get("/articles/" + slug).body()).doesNotContain("My very first words here.");
        Comment held = moderation.queue("pending", 0, 50).stream().filter(c -> c.authorEmail().equals(email)).findFirst().orElseThrow();
        assertThat(held.reasons()).contains("first comment from this address");
    }

    @Test
    void anAuthorWithAnApprovedCommentIsApprovedAtOnceAndTheCachedPageShowsIt() throws Exception {
        String email = unique("regular").replace(" ", "-") + "@example.com";
        comment(Map.of("comment", "Held at first.", "author", "Regular Reader", "email", email));
        long first = idOf(email, "Held at first.");
        browser.get("/articles/" + slug);
        moderation.approve(story(), first);
        Document page = browser.get("/articles/" + slug).page();
        assertThat(page.select("#comment-" + first + " .comment-body").text()).isEqualTo("Held at first.");
        assertThat(page.select(".byline a[href=#comments]").text()).isEqualTo("1 comment");
        // The listings the article is in, now cached, must show the next approved comment too.
        String countLink = "a[href=/articles/" + slug + "#comments]";
        assertThat(browser.get("/sections/" + section.slug()).page().select(countLink).text()).isEqualTo("1 comment");
        assertThat(browser.get("/tags/testing").page().select(countLink).text()).isEqualTo("1 comment");

        HttpResponse<String> second = comment(Map.of("comment", "Straight through.\n\nSecond paragraph with https://example.org/a link.",
                "author", "Regular Reader", "email", email.toUpperCase()));
        long id = idOf(email, "Straight through.\n\nSecond paragraph with https://example.org/a link.");
        assertThat(location(second)).isEqualTo("/articles/" + slug + "#comment-" + id);
        Document after = browser.get("/articles/" + slug).page();
        assertThat(after.select("#comment-" + id + " .comment-body p")).hasSize(2);
        assertThat(after.select("#comment-" + id + " .comment-body a").attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(after.select("#comment-" + id + " .comment-body a").attr("href")).isEqualTo("https://example.org/a");
        assertThat(browser.get("/sections/" + section.slug()).page().select(countLink).text()).isEqualTo("2 comments");
        assertThat(browser.get("/tags/testing").page().select(countLink).text()).isEqualTo("2 comments");
    }

    @Test
    void theBrowserKeepsNameEmailAndWebsiteOnlyWhenTheReaderTicksRemember() throws Exception {
        String email = unique("kept").replace(" ", "-") + "@example.com";
        HttpResponse<String> unticked = comment(Map.of("comment", "Not remembered.", "author", "Ana Ruiz", "email", email));
        assertThat(unticked.statusCode()).isEqualTo(302);
        assertThat(unticked.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> ticked = comment(Map.of("comment", "Remember me.", "author", "Ana Ruiz", "email", email,
                "url", "https://ana.example/", "remember", "yes"));
        assertThat(ticked.statusCode()).isEqualTo(302);
        String cookie = ticked.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(CommentPages.REMEMBER_COOKIE + "=Ana+Ruiz|" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "|" + URLEncoder.encode("https://ana.example/", StandardCharsets.UTF_8) + ";");
        assertThat(cookie).contains("Max-Age=31536000").contains("Path=/").contains("SameSite=Lax");

        // Unticked by someone whose browser holds the cookie: it is removed.
        clock.advance(Duration.ofSeconds(31));
        Map<String, String> fields = new LinkedHashMap<>(Map.of("comment", "Forget me.", "author", "Ana Ruiz", "email", email,
                "token", moderation.formToken(articleId)));
        HttpResponse<String> forget = post("/articles/" + slug + "/comments", fields, cookie.substring(0, cookie.indexOf(';')));
        assertThat(forget.statusCode()).isEqualTo(302);
        assertThat(forget.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(CommentPages.REMEMBER_COOKIE + "=;")
                .contains("Expires=Thu, 01 Jan 1970");
    }

    @Test
    void mistakesComeBackWithTheReadersInputKeptAndNothingIsStored() throws Exception {
        String email = unique("typo").replace(" ", "-") + "@example.com";
        HttpResponse<String> answer = comment(Map.of("comment", "", "author", "Typo <Tess>", "email", "not-an-email", "url", "javascript:alert(1)"));
        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#comment-error").text()).isEqualTo("Please write a comment.");
        assertThat(page.select("#email-error").text()).isEqualTo("That does not look like an email address.");
        assertThat(page.select("#url-error").text()).isEqualTo("A website must be an http:// or https:// address.");
        assertThat(page.select("#author").val()).isEqualTo("Typo <Tess>");
        assertThat(page.select("#url").val()).isEqualTo("javascript:alert(1)");

        HttpResponse<String> tooLong = comment(Map.of("comment", "x".repeat(10_001), "author", "N".repeat(101), "email", email));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(tooLong.body()).select("#comment-error").text()).contains("at most 10000");
        assertThat(Jsoup.parse(tooLong.body()).select("#author-error").text()).contains("at most 100");
        assertThat(Jsoup.parse(tooLong.body()).select("#comment").val()).hasSize(10_001);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE author_email = :e").param("e", email).query(Long.class).single()).isZero();
    }

    @Test
    void invisibleCharactersNeverReachAStoredCommentAndAWebsiteWithThemIsRefused() throws Exception {
        String email = unique("hidden").replace(" ", "-") + "@example.com";
        HttpResponse<String> refused = comment(Map.of("comment", "Look at my site", "author", "Eve", "email", email,
                "url", "https://example.com/\u202Efdp.exe"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#url-error").text()).isEqualTo("A website must be an http:// or https:// address.");

        HttpResponse<String> stored = comment(Map.of("comment", "Nul\u0000 byte and a bell\u0007 here", "author", "Eve\u202Egnp.exe",
                "email", email));
        assertThat(stored.statusCode()).isLessThan(400);
        Map<String, Object> row = jdbc.sql("SELECT author_name, body FROM comments WHERE author_email = :e").param("e", email).query().singleRow();
        assertThat(row.get("body")).isEqualTo("Nul byte and a bell here");
        assertThat(row.get("author_name")).isEqualTo("Evegnp.exe");
    }

    @Test
    void botsAreCaughtByTheHoneypotAndTheFormTokenAndGetTheSameAnswer() throws Exception {
        String email = unique("bot").replace(" ", "-") + "@example.com";
        HttpResponse<String> honeypot = comment(Map.of("comment", "Buy now", "author", "Bot", "email", email, "nickname", "gotcha"));
        assertThat(location(honeypot)).startsWith("/articles/" + slug + "/comments/held?token=");
        assertThat(statusOf(email, "Buy now")).isEqualTo("spam");

        clock.advance(Duration.ofSeconds(31));
        HttpResponse<String> forged = post("/articles/" + slug + "/comments", Map.of("comment", "Forged token", "author", "Bot", "email", email,
                "token", "forged.token"));
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(statusOf(email, "Forged token")).isEqualTo("spam");

        clock.advance(Duration.ofSeconds(31));
        String token = moderation.formToken(articleId);
        HttpResponse<String> tooFast = post("/articles/" + slug + "/comments", Map.of("comment", "Too fast", "author", "Bot", "email",
                email + ".fast", "token", token));
        assertThat(tooFast.statusCode()).isEqualTo(302);
        assertThat(reasonsOf(email + ".fast", "Too fast")).contains("sent 0 s after the form was shown");
    }

    @Test
    void linksAndWordListsHoldOrRejectAndTheReasonsAreRecorded() throws Exception {
        settings.update(Map.of(Setting.COMMENTS_SPAM_WORDS.key(), "casino\npills", Setting.COMMENTS_HOLD_WORDS.key(), "refund"));
        String email = unique("words").replace(" ", "-") + "@example.com";
        long first = approvedCommentFrom(email);

        comment(Map.of("comment", "See https://a.example https://b.example https://c.example", "author", "Reader", "email", email));
        assertThat(statusOf(email, "See https://a.example https://b.example https://c.example")).isEqualTo("pending");
        assertThat(reasonsOf(email, "See https://a.example https://b.example https://c.example")).contains("3 links (more than 2)");

        comment(Map.of("comment", "I want a refund", "author", "Reader", "email", email));
        assertThat(statusOf(email, "I want a refund")).isEqualTo("pending");
        assertThat(reasonsOf(email, "I want a refund")).contains("hold word: refund");

        comment(Map.of("comment", "Nice article", "author", "Reader", "email", email, "url", "https://casino.example"));
        assertThat(statusOf(email, "Nice article")).isEqualTo("spam");
        assertThat(reasonsOf(email, "Nice article")).contains("spam word: casino");
        assertThat(first).isPositive();
    }

    @Test
    void floodingIsAnswered429AndTheSameTextTwice409() throws Exception {
        String email = unique("flood").replace(" ", "-") + "@example.com";
        comment(Map.of("comment", "Once", "author", "Fast", "email", email));
        HttpResponse<String> again = post("/articles/" + slug + "/comments", Map.of("comment", "Twice, straight away", "author", "Fast",
                "email", email, "token", formToken()));
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).as("one comment per 15 s").hasValue("15");
        assertThat(Jsoup.parse(again.body()).select(".form-message").text()).contains("too quickly");
        assertThat(Jsoup.parse(again.body()).select("#comment").val()).isEqualTo("Twice, straight away");

        HttpResponse<String> duplicate = comment(Map.of("comment", "Once", "author", "Fast", "email", email));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(duplicate.body()).select(".form-message").text()).isEqualTo("You have already posted this comment here.");
    }

    @Test
    void repliesNestUpToTheConfiguredDepth() throws Exception {
        settings.update(Map.of(Setting.COMMENTS_THREAD_DEPTH.key(), "2", Setting.COMMENTS_MODERATION.key(), "hold_first"));
        String email = unique("thread").replace(" ", "-") + "@example.com";
        long root = approvedCommentFrom(email);
        Document replyForm = browser.get("/articles/" + slug + "/reply/" + root).page();
        assertThat(replyForm.select("input[name=parent]").val()).isEqualTo(String.valueOf(root));
        // Only a comment readers can see has a reply page, not any made-up number (each would be a page of its own).
        assertThat(browser.get("/articles/" + slug + "/reply/9" + root).status()).isEqualTo(404);

        comment(Map.of("comment", "A reply", "author", "Threader", "email", email, "parent", String.valueOf(root)));
        long reply = idOf(email, "A reply");
        comment(Map.of("comment", "A reply to the reply", "author", "Threader", "email", email, "parent", String.valueOf(reply)));
        long deeper = idOf(email, "A reply to the reply");

        Document page = browser.get("/articles/" + slug).page();
        assertThat(page.select("#comment-" + root + " > ol.replies > #comment-" + reply)).hasSize(1);
        assertThat(page.select("#comment-" + root + " > ol.replies > #comment-" + deeper)).as("depth 2 is the limit: it joins its parent's level")
                .hasSize(1);
        settings.update(Map.of(Setting.COMMENTS_THREAD_DEPTH.key(), "3"));
    }

    @Test
    void theCommentersEmailNeverAppearsInAnyPublicPage() throws Exception {
        String email = unique("secret").replace(" ", "-") + "@example.com";
        long approved = approvedCommentFrom(email);
        comment(Map.of("comment", "Held one", "author", "Secret Keeper", "email", email, "url", "https://keeper.example"));
        String md5 = hex("MD5", email);
        String sha256 = hex("SHA-256", email);
        for (String path : List.of("/", "/articles/" + slug, "/sections/" + section.slug(), "/tags/testing", "/articles/" + slug + "/reply/" + approved)) {
            String html = browser.get(path).body();
            assertThat(html).as(path).doesNotContainIgnoringCase(email).doesNotContain(md5).doesNotContain(sha256)
                    .doesNotContain(email.substring(0, email.indexOf('@')));
        }
    }

    @Test
    void closedArticlesShowNoFormAndRefuseComments() throws Exception {
        long closed = publishing.draft(new ArticleDraft(unique("No comments"), null, "", "Body", section.id(), List.of(), List.of(), null, "", "", "",
                false, false));
        publishing.publish(closed);
        assertThat(browser.get("/articles/" + slugOf(closed)).page().select("form.comment-form")).isEmpty();

        settings.update(Map.of(Setting.COMMENTS_CLOSE_AFTER_DAYS.key(), "1"));
        clock.advance(Duration.ofDays(2));
        String token = formToken();
        HttpResponse<String> late = post("/articles/" + slug + "/comments", Map.of("comment", "Too late", "author", "Late", "email", "late@example.com",
                "token", token));
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(late.body()).select(".form-message").text()).isEqualTo("Comments are closed on this article.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE body = 'Too late'").query(Long.class).single()).isZero();
    }

    @Test
    void commentsClosedOrAnArticleWithdrawnAfterAFirstCommentRefuseTheNextAtOnce() throws Exception {
        assertThat(comment(Map.of("comment", "Still open.", "author", "Early", "email", "early@example.com")).statusCode()).isEqualTo(302);

        publishing.revise(articleId, new ArticleDraft(publishing.get(articleId).headline(), slug, "", "Body", section.id(), List.of(),
                List.of("Testing"), null, "", "", "", false, false));
        HttpResponse<String> closed = comment(Map.of("comment", "Closed now.", "author", "Early", "email", "early@example.com"));
        assertThat(closed.statusCode()).isEqualTo(403);

        publishing.withdraw(articleId);
        assertThat(comment(Map.of("comment", "Gone now.", "author", "Early", "email", "early@example.com")).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE body IN ('Closed now.', 'Gone now.')").query(Long.class).single()).isZero();
    }

    @Test
    void oldIpsAreErasedAndOnePersonsCommentsCanBeExportedAndErased() throws Exception {
        String email = unique("gdpr").replace(" ", "-") + "@example.com";
        long id = approvedCommentFrom(email);
        assertThat(commenters.export(email)).extracting(StoredComment::id).contains(id);
        clock.advance(Duration.ofDays(31));
        moderation.eraseOldIps();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE id = :id AND ip IS NULL").param("id", id).query(Long.class).single()).isEqualTo(1);

        assertThat(commenters.erase(email)).isGreaterThanOrEqualTo(1);
        assertThat(commenters.export(email)).isEmpty();
        assertThat(browser.get("/articles/" + slug).body()).doesNotContain("First approved words");
    }

    @Test
    void anErasedCommentOthersRepliedToStaysInItsThreadWithNothingOfItsAuthorAndTheRestAreDeleted() throws Exception {
        String email = unique("erased").replace(" ", "-") + "@example.com";
        long answered = approvedCommentFrom(email);
        String other = unique("answerer").replace(" ", "-") + "@example.com";
        approvedCommentFrom(other);
        comment(Map.of("comment", "An answer from someone else", "author", "Answerer", "email", other, "parent", String.valueOf(answered)));
        long answer = idOf(other, "An answer from someone else");
        comment(Map.of("comment", "My own follow-up", "author", "Approved Reader", "email", email, "parent", String.valueOf(answered)));
        long unanswered = idOf(email, "My own follow-up");

        assertThat(commenters.erase(email)).isEqualTo(2);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE id = :id").param("id", unanswered).query(Long.class).single()).isZero();
        Document page = browser.get("/articles/" + slug).page();
        assertThat(page.select("#comment-" + answered + " .comment-body").text()).contains("deleted at its author");
        assertThat(page.select("#comment-" + answered).text()).doesNotContain("Approved Reader").doesNotContain("First approved words");
        assertThat(page.select("#comment-" + answered + " #comment-" + answer + " .comment-body").text()).isEqualTo("An answer from someone else");
    }

    @Test
    void moderatorsHearOfHeldCommentsAndCommentersOfRepliesOnlyIfTheyAskedAndCanStopWithOneClick() throws Exception {
        settings.update(Map.of(Setting.COMMENTS_MODERATOR_EMAIL.key(), "desk@news.example"));
        String email = unique("notify").replace(" ", "-") + "@example.com";
        comment(Map.of("comment", "Please tell me about replies", "author", "Curious", "email", email, "notify", "yes"));
        assertThat(outbox("desk@news.example", "Please tell me about replies")).as("moderator told of the held comment").isEqualTo(1);
        long parent = idOf(email, "Please tell me about replies");
        moderation.approve(story(), parent);

        String other = unique("replier").replace(" ", "-") + "@example.com";
        long first = approvedCommentFrom(other);
        comment(Map.of("comment", "Here is a reply", "author", "Replier", "email", other, "parent", String.valueOf(parent)));
        String notice = jdbc.sql("SELECT text_body FROM outbox WHERE recipient = :to AND subject LIKE 'New reply%'").param("to", email)
                .query(String.class).single();
        assertThat(notice).contains("#comment-" + idOf(other, "Here is a reply")).doesNotContain(other);
        String stop = notice.substring(notice.indexOf("/comments/stop-replies?token=")).strip();
        assertThat(browser.get(stop).status()).isEqualTo(200);
        HttpResponse<String> stopped = post("/comments/stop-replies", Map.of("token", stop.substring(stop.indexOf("token=") + 6)));
        assertThat(stopped.statusCode()).isEqualTo(200);
        // A broken or made-up link says so plainly, before any button and after one.
        press.dispatch.testing.Browser.Response forged = browser.get("/comments/stop-replies?token=garbage");
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.page().select("h1").text()).isEqualTo("This link does not work");
        assertThat(forged.page().select("form[action=/comments/stop-replies]")).isEmpty();
        HttpResponse<String> forgedPost = post("/comments/stop-replies", Map.of("token", "garbage"));
        assertThat(forgedPost.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(forgedPost.body()).select("h1").text()).isEqualTo("This link does not work");

        comment(Map.of("comment", "Another reply", "author", "Replier", "email", other, "parent", String.valueOf(parent)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = :to AND subject LIKE 'New reply%'").param("to", email)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(first).isPositive();
        settings.update(Map.of(Setting.COMMENTS_MODERATOR_EMAIL.key(), ""));
    }

    @Test
    void aReaderWhoAskedHearsOfEveryReplyOnceWhicheverPathMadeItPublic() throws Exception {
        String reader = unique("asker").replace(" ", "-") + "@example.com";
        comment(Map.of("comment", "Tell me about every reply", "author", "Asker", "email", reader, "notify", "yes"));
        long asked = idOf(reader, "Tell me about every reply");
        moderation.approve(story(), asked);
        assertThat(replyEmails(reader)).isZero();

        moderation.replyAsStaff(story(), asked, "The Desk", "desk@news.example", "Thanks, we will follow this up.");
        assertThat(replyEmails(reader)).as("a staff reply from the admin").isEqualTo(1);

        String first = unique("newcomer").replace(" ", "-") + "@example.com";
        comment(Map.of("comment", "A held reply", "author", "Newcomer", "email", first, "parent", String.valueOf(asked)));
        long held = idOf(first, "A held reply");
        assertThat(statusOf(first, "A held reply")).isEqualTo("pending");
        assertThat(replyEmails(reader)).as("nothing while the reply is held").isEqualTo(1);
        moderation.approve(story(), held);
        assertThat(replyEmails(reader)).as("a held reply approved from the queue").isEqualTo(2);
        moderation.unapprove(story(), held);
        moderation.approve(story(), held);
        assertThat(replyEmails(reader)).as("approved again: already told").isEqualTo(2);

        String second = unique("another").replace(" ", "-") + "@example.com";
        comment(Map.of("comment", "Another held reply", "author", "Another", "email", second, "parent", String.valueOf(asked)));
        long viaBulk = idOf(second, "Another held reply");
        moderation.moveTo(viaBulk, "approved");
        moderation.moveTo(viaBulk, "approved");
        assertThat(replyEmails(reader)).as("a held reply approved by the bulk action or the API, twice").isEqualTo(3);

        comment(Map.of("comment", "Straight through this time", "author", "Newcomer", "email", first, "parent", String.valueOf(asked)));
        assertThat(statusOf(first, "Straight through this time")).isEqualTo("approved");
        assertThat(replyEmails(reader)).as("a reply approved at once").isEqualTo(4);

        comment(Map.of("comment", "Answering myself", "author", "Asker", "email", reader, "parent", String.valueOf(asked)));
        assertThat(replyEmails(reader)).as("nobody is told of their own reply").isEqualTo(4);
    }

    @Test
    void aReplyBeyondTheDepthLimitIsToldToTheAuthorItAnswersNotToTheOneAbove() throws Exception {
        settings.update(Map.of(Setting.COMMENTS_THREAD_DEPTH.key(), "2"));
        String top = unique("top").replace(" ", "-") + "@example.com";
        String middle = unique("middle").replace(" ", "-") + "@example.com";
        comment(Map.of("comment", "Top of the thread", "author", "Top", "email", top, "notify", "yes"));
        long root = idOf(top, "Top of the thread");
        moderation.approve(story(), root);
        comment(Map.of("comment", "In the middle", "author", "Middle", "email", middle, "notify", "yes", "parent", String.valueOf(root)));
        long reply = idOf(middle, "In the middle");
        moderation.approve(story(), reply);
        assertThat(replyEmails(top)).isEqualTo(1);

        String late = unique("late").replace(" ", "-") + "@example.com";
        comment(Map.of("comment", "Answering the middle", "author", "Late", "email", late, "parent", String.valueOf(reply)));
        moderation.approve(story(), idOf(late, "Answering the middle"));
        assertThat(replyEmails(middle)).isEqualTo(1);
        assertThat(replyEmails(top)).isEqualTo(1);
        settings.update(Map.of(Setting.COMMENTS_THREAD_DEPTH.key(), "3"));
    }

    @Test
    void moderatorsApproveInBulkEditAndReplyAsStaff() throws Exception {
        String email = unique("queue").replace(" ", "-") + "@example.com";
        comment(Map.of("comment", "Queue one", "author", "Q", "email", email));
        comment(Map.of("comment", "Queue two", "author", "Q", "email", email + ".b"));
        long one = idOf(email, "Queue one");
        long two = idOf(email + ".b", "Queue two");
        assertThat(moderation.queue("pending", 0, 100)).extracting(Comment::id).contains(one, two);
        moderation.approve(story(), one, two);
        moderation.edit(story(), one, "Queue one, edited by the desk");
        long staff = moderation.replyAsStaff(story(), two, "The Desk", "desk@news.example", "Thanks for writing.");
        moderation.markSpam(story(), two);

        Document page = browser.get("/articles/" + slug).page();
        assertThat(page.select("#comment-" + one + " .comment-body").text()).isEqualTo("Queue one, edited by the desk");
        assertThat(page.select("#comment-" + two)).as("spam is hidden").isEmpty();
        assertThat(page.select("#comment-" + staff + " .staff-badge").text()).isEqualTo("Staff");
        assertThat(page.html()).doesNotContain("desk@news.example");
    }

    // --- helpers ---

    long replyEmails(String to) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = :to AND subject LIKE 'New reply%'").param("to", to).query(Long.class).single();
    }

    long outbox(String to, String containing) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = :to AND text_body LIKE :text").param("to", to)
                .param("text", "%" + containing + "%").query(Long.class).single();
    }

    long approvedCommentFrom(String email) throws Exception {
        comment(Map.of("comment", "First approved words " + email.hashCode(), "author", "Approved Reader", "email", email));
        long id = idOf(email, "First approved words " + email.hashCode());
        moderation.approve(story(), id);
        return id;
    }

    Story story() {
        return stories.findById(articleId).orElseThrow();
    }

    String formToken() {
        return browser.get("/articles/" + slug).page().select("form.comment-form input[name=token]").val();
    }

    /** As a person would: open the page, take some time to write, send. */
    HttpResponse<String> comment(Map<String, String> fields) throws Exception {
        String token = formToken();
        clock.advance(Duration.ofSeconds(31));
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("token", token);
        return post("/articles/" + slug + "/comments", all);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return post(path, fields, null);
    }

    HttpResponse<String> post(String path, Map<String, String> fields, String cookie) throws Exception {
        String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    long idOf(String email, String body) {
        return jdbc.sql("SELECT id FROM comments WHERE author_email = :e AND body = :b").param("e", email.toLowerCase()).param("b", body)
                .query(Long.class).single();
    }

    String statusOf(String email, String body) {
        return jdbc.sql("SELECT status FROM comments WHERE author_email = :e AND body = :b").param("e", email.toLowerCase()).param("b", body)
                .query(String.class).single();
    }

    String reasonsOf(String email, String body) {
        return jdbc.sql("SELECT reasons FROM comments WHERE author_email = :e AND body = :b").param("e", email.toLowerCase()).param("b", body)
                .query(String.class).single();
    }

    static String hex(String algorithm, String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(value.strip().toLowerCase().getBytes(StandardCharsets.UTF_8)));
    }
}
