package press.dispatch.nodes;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.DispatchApplication;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Newsdesk;
import press.dispatch.articles.Publishing;
import press.dispatch.articles.Section;
import press.dispatch.platform.Nodes;
import press.dispatch.platform.Outbox;
import press.dispatch.media.Credit;
import press.dispatch.media.MediaDetails;
import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;
import press.dispatch.subscriptions.SubscriberCsv;
import press.dispatch.subscriptions.Subscriptions;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;
import press.dispatch.testing.Databases;
import press.dispatch.testing.MutableClock;
import press.dispatch.testing.S3Server;
import press.dispatch.testing.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes (two whole Dispatch servers in this JVM) on one PostgreSQL database, as a load balancer would spread
 * readers and staff over them: what one node changes, the other shows; what one counts, both count; what must be
 * done once is done once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TwoNodesTest {

    private static final String OWNER = "owner@news.example";
    private static final String PASSWORD = "correct horse battery";
    /** What the issue asks of a purge: every node shows a change within a second. */
    private static final Duration PURGE_WITHIN = Duration.ofSeconds(1);
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private S3Server s3;

    @BeforeAll
    void startTwoNodes() {
        String database = Databases.newPostgresDatabase();
        s3 = S3Server.start();
        a = start(database, s3);
        // B shares the database's connections more sparingly, as nodes sized to PostgreSQL's max_connections would.
        b = start(database, s3, "--dispatch.database.connections=6");
        // Each node has its own test clock; both show the same time, as machines kept in step by NTP do.
        clock(b).advance(Duration.between(clock(b).instant(), clock(a).instant()));
    }

    @AfterAll
    void stopNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aPhotoUploadedOnAIsServedByBWithItsOneYearCacheHeaders() {
        MediaItem photo = a.getBean(MediaLibrary.class).ingest(image(), "harbour.jpg",
                new MediaDetails("Harbour", "A harbour at dawn", new Credit("Ana Ruiz", "Test Agency", "CC BY 4.0")));
        String address = photo.url(photo.variants().get(0));

        Browser.Response onA = new Browser(port(a)).get(address);
        Browser.Response onB = new Browser(port(b)).get(address);
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(onB.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        assertThat(onB.bytes()).isEqualTo(onA.bytes());
        assertThat(s3.blobs().blobExists(S3Server.BUCKET, photo.storageKey() + "/" + photo.variants().get(0).width() + ".jpg")).isTrue();
        assertThat(new Browser(port(b)).get("/media/" + photo.storageKey() + "/99.jpg").status()).isEqualTo(404);

        // The WebP variant browsers choose, too; and once the photo is deleted on A, neither node nor the bucket has it.
        Browser.Response webpOnB = new Browser(port(b)).get(address.replace(".jpg", ".webp"));
        assertThat(webpOnB.status()).isEqualTo(200);
        assertThat(webpOnB.header("Content-Type")).isEqualTo("image/webp");
        assertThat(a.getBean(press.dispatch.media.Cataloguing.class).delete(photo.id())).isTrue();
        assertThat(s3.blobs().blobExists(S3Server.BUCKET, photo.storageKey() + "/" + photo.variants().get(0).width() + ".jpg")).isFalse();
        assertThat(new Browser(port(a)).get(address).status()).isEqualTo(404);
        await("B forgets the deleted photo").atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(new Browser(port(b)).get(address).status()).isEqualTo(404));
        assertThat(new Browser(port(b)).get(address.replace(".jpg", ".webp")).status()).isEqualTo(404);
    }

    @Test
    void anArticlePublishedOnAIsOnBsArticleHomeSectionAndTagPagesWithinASecond() {
        Section section = a.getBean(Newsdesk.class).createSection(unique("Defence"), "Stories");
        String tag = unique("Drones");
        String tagSlug = a.getBean(Newsdesk.class).tagNamed(tag).slug();
        long first = publish(a, unique("First story"), section, tag);
        Browser readerOnB = new Browser(port(b));
        List<String> listings = List.of("/", "/sections/" + section.slug(), "/tags/" + tagSlug);
        // B has these pages in its cache, showing the first story only.
        for (String listing : listings) {
            assertThat(readerOnB.get(listing).body()).as(listing).contains(headline(a, first));
        }

        String second = unique("Second story");
        long id = publish(a, second, section, tag);
        String slug = a.getBean(Publishing.class).get(id).slug();
        for (String page : List.of("/", "/sections/" + section.slug(), "/tags/" + tagSlug)) {
            poll(page).atMost(PURGE_WITHIN).until(() -> readerOnB.get(page).page().select("a[href*=" + slug + "]").size() > 0);
        }
        poll("the article page").atMost(PURGE_WITHIN).until(() -> readerOnB.get("/articles/" + slug).status() == 200);

        a.getBean(Publishing.class).withdraw(id);
        poll("the withdrawn article").atMost(PURGE_WITHIN).until(() -> readerOnB.get("/articles/" + slug).status() == 404);
        poll("the home page without it").atMost(PURGE_WITHIN).until(() -> !readerOnB.get("/").body().contains(second));
    }

    /**
     * What every page shows besides its own content (menus, the site icon, the privacy policy's link) is kept in each
     * node's memory: a change on A must reach B's memory, not only B's page cache, or B renders its pages anew with the
     * old state.
     */
    @Test
    void aMenuASiteIconAndAPrivacyPolicyChangedOnAShowOnBsPagesWithinASecond() {
        Browser readerOnB = new Browser(port(b));
        String slug = a.getBean(Publishing.class).get(publish(a, unique("Story"), null, unique("Policy"))).slug();
        String article = "/articles/" + slug;
        String label = unique("Briefings");
        assertThat(readerOnB.get("/").body()).doesNotContain(label);
        assertThat(readerOnB.get(article).page().select("a.privacy-link")).isEmpty();
        String iconBefore = readerOnB.get("/").page().select("link[rel=apple-touch-icon]").attr("href");

        a.getBean(press.dispatch.menus.Menus.class).replace(press.dispatch.menus.Menu.HEADER,
                List.of(new press.dispatch.menus.MenuItem(press.dispatch.menus.MenuItem.Kind.URL, null, "https://example.org/briefings", label)));
        poll("B's header menu").atMost(PURGE_WITHIN).until(() -> readerOnB.get("/").body().contains(label));

        a.getBean(press.dispatch.icons.SiteIcons.class).upload(png(square(new java.awt.Color(200, 30, 60))), "icon.png");
        poll("B's site icon").atMost(PURGE_WITHIN)
                .until(() -> !readerOnB.get("/").page().select("link[rel=apple-touch-icon]").attr("href").equals(iconBefore));
        String icon = readerOnB.get("/").page().select("link[rel=apple-touch-icon]").attr("href");
        assertThat(readerOnB.get(icon).bytes()).isEqualTo(new Browser(port(a)).get(icon).bytes());

        press.dispatch.pages.StaticPages pages = a.getBean(press.dispatch.pages.StaticPages.class);
        pages.publish(pages.create(null, new press.dispatch.pages.PageDraft("Privacy", "privacy", "We keep your email to ourselves.")));
        poll("the privacy policy's link on B's comment form").atMost(PURGE_WITHIN)
                .until(() -> readerOnB.get(article).page().select("a.privacy-link").attr("href").equals("/privacy"));
    }

    private static java.awt.image.BufferedImage square(java.awt.Color color) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(512, 512, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 512, 512);
        g.dispose();
        return image;
    }

    private static byte[] png(java.awt.image.BufferedImage image) {
        var bytes = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void aSearchPageCachedOnBFindsAStoryPublishedOnAWithinASecond() {
        // A made-up word of letters only, which no stemmer changes.
        String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").replaceAll("[ae]", "k");
        Browser readerOnB = new Browser(port(b));
        String search = "/search?q=" + word;
        assertThat(readerOnB.get(search).page().select(".result")).as("before").isEmpty();

        String headline = unique("Found " + word);
        publish(a, headline, null, unique("Search"));
        poll("the search page on B").atMost(PURGE_WITHIN)
                .until(() -> readerOnB.get(search).page().select(".result-headline").eachText().contains(headline));
    }

    @Test
    void anEntryPostedOnAReachesAReaderStreamingFromBWithinASecond() throws Exception {
        long id = publish(a, unique("Ceasefire talks live"), null, "Testing");
        AdminSession reporterOnA = new AdminSession(port(a));
        assertThat(reporterOnA.signIn(OWNER, PASSWORD).status()).isEqualTo(302);
        assertThat(reporterOnA.post("/admin/live/" + id + "/start", Map.of()).status()).isEqualTo(302);
        String before = unique("Posted before the reader came");
        assertThat(reporterOnA.post("/admin/live/" + id + "/entries", Map.of("text", before)).status()).isEqualTo(302);

        java.util.concurrent.BlockingQueue<String> data = new java.util.concurrent.LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port(b) + "/live/" + id + "/events?after=0")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body().filter(line -> line.startsWith("data:")).forEach(data::add), "reader-on-b");
        reader.setDaemon(true);
        reader.start();
        try {
            // B's stream is open and caught up: what A posted before it opened came from the database.
            assertThat(data.poll(20, java.util.concurrent.TimeUnit.SECONDS)).contains(before);

            String during = unique("Posted on A while the reader streams from B");
            assertThat(reporterOnA.post("/admin/live/" + id + "/entries", Map.of("text", during)).status()).isEqualTo(302);
            String arrived = data.poll(PURGE_WITHIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            assertThat(arrived).as("the entry posted on A, on B's stream").isNotNull().contains(during);
        } finally {
            stream.body().close();
        }
    }

    @Test
    void aNodeThatLosesItsListeningConnectionDropsItsWholeCacheSaysSoAndListensAgain(CapturedOutput output) {
        long id = publish(a, unique("Listened story"), null, "Testing");
        String slug = a.getBean(Publishing.class).get(id).slug();
        // B caches the page only once it has heard every purge the publication sent (they travel in order), else a
        // late one would drop the copy this test means to keep.
        String sentinel = unique("sentinel");
        java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(1);
        b.getBean(press.dispatch.platform.PageCache.class).followOtherNodes(tags -> {
            if (tags != null && tags.contains(sentinel)) {
                heard.countDown();
            }
        });
        a.getBean(press.dispatch.platform.PageCache.class).purge(List.of(sentinel));
        await("B heard A's purges").atMost(Duration.ofSeconds(10)).until(() -> heard.getCount() == 0);
        Browser readerOnB = new Browser(port(b));
        assertThat(readerOnB.get("/articles/" + slug).status()).isEqualTo(200);
        // A change that no purge announces: only dropping the whole cache shows it.
        String changed = unique("Changed behind the cache's back");
        jdbc(a).sql("UPDATE articles SET headline = :h WHERE id = :id").param("h", changed).param("id", id).update();
        assertThat(readerOnB.get("/articles/" + slug).body()).as("still cached").doesNotContain(changed);

        jdbc(a).sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dispatch-purges'").query().listOfRows();

        await("B's log").atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("Lost the connection that hears page purges"));
        await("B's cache dropped").atMost(Duration.ofSeconds(10)).until(() -> readerOnB.get("/articles/" + slug).body().contains(changed));
        await("listening again").atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("Hearing page purges from other nodes again"));
        await("B ready again").atMost(Duration.ofSeconds(10)).until(() -> readerOnB.get("/actuator/health/readiness").status() == 200);
        String after = unique("Published after reconnecting");
        long next = publish(a, after, null, "Testing");
        await("purges heard again").atMost(PURGE_WITHIN.multipliedBy(5)).until(() -> readerOnB.get("/").body().contains(after));
        assertThat(next).isPositive();
    }

    @Test
    void eachNodeOpensAsManyConnectionsAndRequestThreadsAsItsSettingSays() {
        for (var node : Map.of(a, 16, b, 6).entrySet()) {
            int threads = ((org.apache.coyote.AbstractProtocol<?>) ((org.springframework.boot.tomcat.TomcatWebServer) ((WebServerApplicationContext) node.getKey())
                    .getWebServer()).getTomcat().getConnector().getProtocolHandler()).getMaxThreads();
            assertThat(node.getKey().getBean(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize()).isEqualTo(node.getValue());
            assertThat(threads).isEqualTo(node.getValue());
        }
    }

    @Test
    void bothNodesAreReadyWithTheirDatabaseAndPurgeListener() {
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            Browser.Response readiness = new Browser(port(node)).get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"UP\"");
        }
    }

    @Test
    void aStaffMemberSignedInThroughAIsSignedInOnBAndSigningOutOnAEndsTheSessionOnB() {
        AdminSession throughA = new AdminSession(port(a));
        assertThat(throughA.signIn(OWNER, PASSWORD).status()).isEqualTo(302);
        AdminSession throughB = throughA.onPort(port(b));
        assertThat(throughB.get("/admin").status()).isEqualTo(200);

        assertThat(throughA.post("/admin/sign-out", Map.of()).status()).isEqualTo(302);
        assertThat(throughB.get("/admin").location()).isEqualTo("/admin/sign-in");
    }

    @Test
    void aPasswordChangedThroughAEndsTheOtherSessionsOnB() {
        AdminSession laptop = new AdminSession(port(a));
        assertThat(laptop.signIn(OWNER, PASSWORD).status()).isEqualTo(302);
        AdminSession phoneOnB = new AdminSession(port(b));
        assertThat(phoneOnB.signIn(OWNER, PASSWORD).status()).isEqualTo(302);
        assertThat(phoneOnB.get("/admin").status()).isEqualTo(200);

        String newPassword = "another horse battery";
        assertThat(laptop.post("/admin/account/password", Map.of("currentPassword", PASSWORD, "password", newPassword)).status()).isEqualTo(302);
        try {
            assertThat(phoneOnB.get("/admin").location()).isEqualTo("/admin/sign-in");
            assertThat(laptop.onPort(port(b)).get("/admin").status()).as("the session that changed it stays signed in").isEqualTo(200);
        } finally {
            assertThat(laptop.post("/admin/account/password", Map.of("currentPassword", newPassword, "password", PASSWORD)).status()).isEqualTo(302);
        }
    }

    @Test
    void aCommentFloodSpreadOverBothNodesIsStoppedAtTheSameCountAsOnOne() throws Exception {
        long id = publish(a, unique("Commented story"), null, "Testing");
        String slug = a.getBean(Publishing.class).get(id).slug();
        String email = "flood-" + UUID.randomUUID() + "@example.com";
        String token = new Browser(port(a)).get("/articles/" + slug).page().select("form.comment-form input[name=token]").val();
        // A person takes time to write; both nodes' clocks move.
        clock(a).advance(Duration.ofSeconds(31));
        clock(b).advance(Duration.ofSeconds(31));

        HttpResponse<String> onA = comment(a, slug, Map.of("comment", "First words", "author", "Fast", "email", email, "token", token));
        assertThat(onA.statusCode()).isEqualTo(302);
        HttpResponse<String> onB = comment(b, slug, Map.of("comment", "Second words, straight away", "author", "Fast", "email", email,
                "token", token));
        assertThat(onB.statusCode()).as("the second comment within 15 s, sent to the other node").isEqualTo(429);
    }

    @Test
    void aScheduledArticleIsPublishedOnceWhenBothNodesFindItDueAtTheSameMoment() throws Exception {
        String reader = "scheduled-" + UUID.randomUUID() + "@example.org";
        subscribe(a, List.of(reader));
        Publishing publishing = a.getBean(Publishing.class);
        String headline = unique("Scheduled story");
        long id = publishing.draft(ArticleDraft.of(headline, "Standfirst", "Body."));
        publishing.schedule(id, clock(a).instant().plus(Duration.ofHours(1)));
        clock(a).advance(Duration.ofHours(2));
        clock(b).advance(Duration.ofHours(2));

        bothAtOnce(node -> node.getBean(Publishing.class).publishDue());

        assertThat(publishing.get(id).status().name()).isEqualTo("PUBLISHED");
        await("the newsletter of the scheduled article").atMost(Duration.ofSeconds(60)).until(() -> copiesTo(reader).size() >= 1);
        assertThat(jdbc(a).sql("SELECT COUNT(*) FROM newsletter_issues WHERE article_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(copiesTo(reader)).hasSize(1);
    }

    @Test
    void aRetentionSweepFiredOnBothNodesAtOnceRunsOnOneOfThemOncePerDay() {
        String reader = "consent-" + UUID.randomUUID() + "@example.org";
        subscribe(a, List.of(reader));
        jdbc(a).sql("UPDATE subscribers SET consent_ip = '203.0.113.7', consent_at = :old WHERE email = :email")
                .param("old", Timestamp.from(clock(a).instant().minus(Duration.ofDays(40)))).param("email", reader).update();

        bothAtOnce(node -> node.getBean(Subscriptions.class).eraseOldConsentIps());
        assertThat(jdbc(a).sql("SELECT consent_ip FROM subscribers WHERE email = :email").param("email", reader).query(String.class).optional())
                .as("the consent IP kept past its 30 days").isEmpty();
        assertThat(sweeps()).as("one run, by one node").hasSize(1);

        // A node whose scheduler fires late within the same day finds the day's run done.
        b.getBean(Subscriptions.class).eraseOldConsentIps();
        assertThat(sweeps()).hasSize(1);

        clock(a).advance(Duration.ofDays(1));
        clock(b).advance(Duration.ofDays(1));
        bothAtOnce(node -> node.getBean(Subscriptions.class).eraseOldConsentIps());
        assertThat(sweeps()).as("the next day's run, again by one node").hasSize(2);
        assertThat(sweeps()).allSatisfy(nodeId -> assertThat(nodeId).isIn(a.getBean(Nodes.class).id(), b.getBean(Nodes.class).id()));
    }

    /** The node that ran each of the consent-IP sweeps so far, one per day it ran. */
    private List<String> sweeps() {
        return jdbc(a).sql("SELECT node_id FROM job_runs WHERE job = 'subscriptions-erase-ips' ORDER BY slot").query(String.class).list();
    }

    private void bothAtOnce(java.util.function.Consumer<ConfigurableApplicationContext> work) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            runs.add(CompletableFuture.runAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                work.accept(node);
            }));
        }
        runs.forEach(CompletableFuture::join);
    }

    @Test
    void confirmationEmailsQueuedWhileBothNodesSendGoOutOnceEach() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            readers.add("confirm" + i + "-" + batch + "@example.org");
        }
        CyclicBarrier together = new CyclicBarrier(3);
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            senders.add(CompletableFuture.runAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int round = 0; round < 40; round++) {
                    node.getBean(Outbox.class).sendDue();
                }
            }));
        }
        Outbox outbox = a.getBean(Outbox.class);
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        readers.forEach(reader -> outbox.enqueue(reader, "Confirm your subscription", "Follow the link."));
        senders.forEach(CompletableFuture::join);
        await("every email sent").atMost(Duration.ofSeconds(60)).until(() -> jdbc(a)
                .sql("SELECT COUNT(*) FROM outbox WHERE recipient LIKE :batch AND status = 'sent'").param("batch", "%" + batch + "@example.org")
                .query(Long.class).single() == readers.size());

        Map<String, Long> copies = received().stream().filter(r -> r.endsWith(batch + "@example.org"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(readers);
        assertThat(copies.values()).as("copies per reader").containsOnly(1L);
    }

    @Test
    void aNewsletterToFiveThousandSubscribersIsSentByBothNodesAndEachReceivesExactlyOneCopy() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            readers.add("r" + i + "-" + batch + "@example.org");
        }
        subscribe(a, readers);
        long id = publish(a, unique("Sent by both nodes"), null, "Testing");
        long issue = jdbc(a).sql("SELECT id FROM newsletter_issues WHERE article_id = :id").param("id", id).query(Long.class).single();

        try {
            await("the issue sent").atMost(Duration.ofMinutes(3)).until(() -> "sent".equals(
                    jdbc(a).sql("SELECT status FROM newsletter_issues WHERE id = :id").param("id", issue).query(String.class).single()));
        } finally {
            // Later articles in this class go to nobody of these.
            jdbc(a).sql("UPDATE subscribers SET status = 'unsubscribed' WHERE email LIKE :batch").param("batch", "%" + batch + "@example.org").update();
        }

        Map<String, Long> copies = received().stream().filter(m -> m.endsWith(batch + "@example.org"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies).as("of %s messages received", smtp.getReceivedMessages().length).hasSize(5_000);
        assertThat(copies.values()).containsOnly(1L);
        List<String> senders = jdbc(a).sql("SELECT DISTINCT claimed_by FROM deliveries WHERE issue_id = :id AND status = 'sent'")
                .param("id", issue).query(String.class).list();
        assertThat(senders).as("the nodes that sent batches").hasSize(2);
    }

    private static org.awaitility.core.ConditionFactory poll(String what) {
        return await(what).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    private List<String> copiesTo(String reader) {
        return received().stream().filter(reader::equals).toList();
    }

    /** The recipient of every message GreenMail received. */
    private static List<String> received() {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                recipients.add(((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return recipients;
    }

    private static void subscribe(ConfigurableApplicationContext node, List<String> readers) {
        node.getBean(SubscriberCsv.class).importCsv(new StringReader("email\n" + String.join("\n", readers) + "\n"), true);
        // Confirmed a day ago, before any issue froze its audience.
        jdbc(node).sql("UPDATE subscribers SET status = 'confirmed', confirmed_at = :t WHERE status IN ('pending', 'confirmed')")
                .param("t", Timestamp.from(clock(node).instant().minus(Duration.ofDays(1)))).update();
    }

    private static long publish(ConfigurableApplicationContext node, String headline, Section section, String tag) {
        Publishing publishing = node.getBean(Publishing.class);
        long id = publishing.draft(ArticleDraft.of(headline, "Standfirst of " + headline, "First paragraph.")
                .withSection(section == null ? null : section.id()).withTags(List.of(tag)));
        publishing.publish(id);
        return id;
    }

    private static String headline(ConfigurableApplicationContext node, long id) {
        return node.getBean(Publishing.class).get(id).headline();
    }

    private static HttpResponse<String> comment(ConfigurableApplicationContext node, String slug, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + "/articles/" + slug + "/comments"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static java.awt.image.BufferedImage image() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1000, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(40, 90, 140));
        g.fillRect(0, 0, 1000, 600);
        g.setColor(java.awt.Color.ORANGE);
        g.fillOval(200, 100, 500, 300);
        g.dispose();
        return image;
    }

    private static ConfigurableApplicationContext start(String database, S3Server s3, String... more) {
        Path data;
        try {
            data = Files.createTempDirectory("dispatch-node-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Command-line arguments, because they outrank application.properties.
        List<String> settings = new ArrayList<>(List.of("--server.port=0",
                "--dispatch.data-dir=" + data, "--dispatch.demo=false", "--dispatch.database.url=" + database,
                "--dispatch.database.user=postgres", "--dispatch.database.password=postgres",
                "--dispatch.admin.email=" + OWNER, "--dispatch.admin.password=" + PASSWORD,
                "--dispatch.mail.smtp.host=127.0.0.1", "--dispatch.mail.smtp.port=" + SMTP_PORT, "--dispatch.mail.batch-size=100",
                "--dispatch.newsletter.check-every=100ms", "--dispatch.newsletter.first-check=100ms",
                "--dispatch.outbox.check-every=200ms", "--dispatch.publishing.first-check=1h", "--dispatch.digests.first-check=1h",
                "--dispatch.nodes.lease=3s", "--dispatch.nodes.renew-every=1s", "--logging.level.com.icegreen=WARN"));
        settings.addAll(s3.settings());
        settings.addAll(List.of(more));
        return new SpringApplicationBuilder(DispatchApplication.class, TestClockConfiguration.class).run(settings.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcClient.class);
    }

    private static MutableClock clock(ConfigurableApplicationContext node) {
        return node.getBean(MutableClock.class);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
