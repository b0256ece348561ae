package press.dispatch.articles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import press.dispatch.media.MediaItem;
import press.dispatch.testing.Browser;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What readers see on public pages; run against SQLite and PostgreSQL by the subclasses. */
abstract class PublicPagesContract extends SiteTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    private press.dispatch.importer.Redirects redirects;

    private static final String REFERENCE_BODY = """
            Aircraft struck four depots overnight, according to six sources, in the heaviest exchange since April.

            Two officials and two diplomats said 14 people were killed.

            ## Talks falter

            Negotiators left the capital without a map.

            > "Every night like this one moves the map further away."

            Analysts expect more strikes.
            """;

    @Test
    void articlePageHasTheReferenceAnatomy() {
        Section section = section("Land");
        Author author = author("Mara Vell");
        Author second = author("Aziz Okafor");
        MediaItem photo = photo("Smoke over the ridge after strikes.");
        String headline = unique("Strikes hit depots near the ridge");
        long id = publishing.draft(ArticleDraft.of(headline, "Officials confirm overnight strikes.", REFERENCE_BODY)
                .withSection(section.id())
                .withAuthors(List.of(author.id(), second.id()))
                .withTags(List.of("Ceasefire", "Air strikes"))
                .withFeaturedPhoto(photo.id(), "", "", ""));
        publishing.publish(id);

        Browser.Response response = browser.get("/articles/" + slugOf(id));
        assertThat(response.status()).isEqualTo(200);
        Document page = response.page();

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("header.masthead .site-name").text()).isNotBlank();
        assertThat(page.select("nav.sections a").eachText()).contains(section.name());

        Element figure = page.selectFirst("article figure.featured");
        Element img = figure.selectFirst("img");
        assertThat(img.attr("srcset")).contains("480w").contains("960w").doesNotContain("1600w");
        assertThat(img.attr("alt")).isEqualTo("Alt Smoke over the ridge after strikes.");
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(figure.select("figcaption .caption").text()).isEqualTo("Smoke over the ridge after strikes.");
        assertThat(figure.select("figcaption .credit").text()).isEqualTo("Photo: Ana Ruiz / Test Agency (CC BY 4.0)");

        assertThat(page.select("h1").eachText()).containsExactly(headline);
        assertThat(page.select("article .standfirst").text()).isEqualTo("Officials confirm overnight strikes.");
        // The byline in the order the editor gave; the tags by name.
        assertThat(page.select(".byline a[rel=author]").eachText()).containsExactly(author.displayName(), second.displayName());
        assertThat(page.select(".byline a[rel=author]").eachAttr("href")).containsExactly("/authors/" + author.slug(), "/authors/" + second.slug());
        assertThat(OffsetDateTime.parse(page.selectFirst(".byline time").attr("datetime")).toInstant()).isEqualTo(clock.instant());

        Element body = page.selectFirst("article .body");
        assertThat(body.select("p")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(body.select("h2").text()).isEqualTo("Talks falter");
        assertThat(body.select("blockquote").text()).contains("moves the map further away");
        assertThat(page.select("article .kicker a").attr("href")).isEqualTo("/sections/" + section.slug());
        assertThat(page.select("a[rel=tag]").eachText()).containsExactly("Air strikes", "Ceasefire");

        assertThat(page.select("#subscribe h2").text()).startsWith("Discover more from");
        assertThat(page.select("#comments h2").text()).isEqualTo("Leave a Reply");
    }

    @Test
    void everyTextFieldIsEscaped() {
        Section section = section("<b>Sec</b>");
        String headline = unique("<script>alert('headline')</script> Breaking");
        long id = publishing.draft(ArticleDraft.of(headline, "\"><img src=x onerror=alert(1)>",
                        "<script>alert('body')</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror=alert(2)>")
                .withSection(section.id())
                .withTags(List.of("<i>tag</i>")));
        publishing.publish(id);

        for (String path : List.of("/articles/" + slugOf(id), "/", "/sections/" + section.slug(), "/tags/i-tag-i")) {
            Document page = browser.get(path).page();
            // Structured data is the one inline script element: data, not code, with every < written as \u003c.
            var scripts = page.select("script").not("[type=application/ld+json]");
            assertThat(page.select("script[type=application/ld+json]").html()).as(path).doesNotContain("<");
            assertThat(scripts.not("[src=/assets/comments.js]")).as("only our own script file, " + path).isEmpty();
            assertThat(scripts.eachAttr("src")).as(path).allMatch(src -> src.equals("/assets/comments.js"));
            assertThat(scripts.html()).as("no inline script, " + path).isEmpty();
            assertThat(page.select("img[onerror]")).as(path).isEmpty();
            assertThat(page.select("a[href^=javascript]")).as(path).isEmpty();
            assertThat(page.text()).as(path).contains(headline);
        }
        Document article = browser.get("/articles/" + slugOf(id)).page();
        assertThat(article.selectFirst("h1").text()).isEqualTo(headline);
        assertThat(article.title()).startsWith(headline);
        assertThat(article.select(".body").text()).contains("<script>alert('body')</script>").contains("<img src=x onerror=alert(2)>");
        assertThat(article.select(".kicker").text()).isEqualTo(section.name());
    }

    @Test
    void unknownThingsAreFriendly404Pages() {
        for (String path : List.of("/articles/no-such-story", "/sections/no-such-section", "/tags/no-such-tag", "/authors/nobody",
                "/no/such/page", "/media/0123456789abcdef0123/480.jpg", "/media/NOT-A-KEY/480.jpg")) {
            Browser.Response response = browser.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("at press.dispatch").doesNotContain("Whitelabel");
            if (response.header("Content-Type").startsWith("text/html")) {
                assertThat(response.page().select("h1").text()).as(path).isEqualTo("Page not found");
            }
        }
    }

    @Test
    void pathTraversalIsRefused() {
        for (String path : List.of("/media/../../etc/passwd", "/media/%2e%2e/%2e%2e/etc/passwd", "/media/..%2f..%2fetc/passwd.jpg")) {
            Browser.Response response = browser.get(path);
            assertThat(response.status()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("root:").doesNotContain("Exception");
        }
    }

    @Test
    void articleBodiesKeepWebAndMailLinksAndDropDataAndScriptTargets() {
        long id = publishing.draft(ArticleDraft.of(unique("Link targets"), "Standfirst.", """
                [web](https://example.com/report) [mail](mailto:desk@example.com) [page](/sections/land)

                [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [script](javascript:alert(1)) [vb](vbscript:msgbox)

                ![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
                """));
        publishing.publish(id);
        Element body = browser.get("/articles/" + slugOf(id)).page().selectFirst("article .body");
        assertThat(body.select("a").eachAttr("href")).contains("https://example.com/report", "mailto:desk@example.com", "/sections/land");
        // The newsroom's own links are followed by search engines: no nofollow on a link staff wrote.
        assertThat(body.select("a[href=/sections/land], a[href=https://example.com/report]")).hasSize(2).noneMatch(a -> a.hasAttr("rel"));
        assertThat(body.select("a[href], img[src]").stream().map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src")).toList())
                .noneMatch(target -> target.toLowerCase(java.util.Locale.ROOT).matches("\\s*(data|javascript|vbscript):.*"));
    }

    @Test
    void anImageOnAnotherSiteIsALinkToItSinceThePageLoadsImagesFromThisSiteOnly() {
        long id = publishing.draft(ArticleDraft.of(unique("Hotlinked"), "Standfirst.", """
                ![Satellite view of the port](https://elsewhere.example/sat.png)

                ![](//cdn.elsewhere.example/x.jpg) and ![ours](http://localhost:%d/assets/logo.png)
                """.formatted(port)));
        publishing.publish(id);
        Element body = browser.get("/articles/" + slugOf(id)).page().selectFirst("article .body");
        assertThat(body.select("img[src*=elsewhere]")).isEmpty();
        assertThat(body.select("a[href=https://elsewhere.example/sat.png]").text()).isEqualTo("Satellite view of the port");
        assertThat(body.select("a[href=//cdn.elsewhere.example/x.jpg]").text()).isEqualTo("Picture on cdn.elsewhere.example");
        assertThat(body.select("img[src=http://localhost:" + port + "/assets/logo.png]")).as("this site's own address stays a picture").hasSize(1);
    }

    @Test
    void aSlugNeverHoldsCharactersThatReverseText() {
        long id = publishing.draft(ArticleDraft.of("Invoice \u202Efdp.exe " + unique("story"), "Standfirst.", "Body."));
        assertThat(slugOf(id)).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(new ArticleDraft(unique("Typed slug"), "report\u202Efdp", "", "Body.", null, List.of(), List.of(), null, "", "", "", false, true)
                .problems()).containsKey("slug");
    }

    @Test
    void listingsAndHomePageTwoHaveHeadingsThatNeverSkipALevel() {
        Section section = section("Outline");
        Author author = author("Ola Outline");
        for (int i = 1; i <= 11; i++) {
            publishing.publish(publishing.draft(ArticleDraft.of("Outline story " + i + " " + section.slug(), "Standfirst.", "Body.")
                    .withSection(section.id()).withAuthors(List.of(author.id())).withTags(List.of("Outline"))));
            clock.advance(Duration.ofMinutes(1));
        }
        for (String path : List.of("/sections/" + section.slug(), "/sections/" + section.slug() + "?page=2", "/tags/outline",
                "/authors/" + author.slug(), "/?page=2", "/")) {
            Browser.Response response = browser.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            List<Integer> levels = response.page().select("h1, h2, h3, h4, h5, h6").stream().map(h -> h.tagName().charAt(1) - '0').toList();
            assertThat(levels).as(path).isNotEmpty().first().isEqualTo(1);
            for (int i = 1; i < levels.size(); i++) {
                assertThat(levels.get(i)).as(path + " heading " + (i + 1) + " of " + levels).isLessThanOrEqualTo(levels.get(i - 1) + 1);
            }
        }
    }

    @Test
    void listingsPaginateAndRejectPagesThatDoNotExist() {
        Section section = section("Paged");
        for (int i = 1; i <= 11; i++) {
            publishedArticle("Paged story " + i + " " + section.slug(), section);
            clock.advance(Duration.ofMinutes(1));
        }
        String path = "/sections/" + section.slug();

        Document first = browser.get(path).page();
        assertThat(first.select(".list article")).hasSize(10);
        assertThat(first.select(".list h2").first().text()).startsWith("Paged story 11 ");
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo(path + "?page=2");
        assertThat(first.select("a[rel=prev]")).isEmpty();

        Document second = browser.get(path + "?page=2").page();
        assertThat(second.select(".list h2").eachText()).hasSize(1).first().asString().startsWith("Paged story 1 ");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo(path);
        assertThat(second.select("a[rel=next]")).isEmpty();

        for (String bad : List.of("?page=3", "?page=0", "?page=-1", "?page=abc", "?page=99999", "?page=1.5")) {
            assertThat(browser.get(path + bad).status()).as(bad).isEqualTo(404);
        }
        Section empty = section("Empty");
        Browser.Response emptyPage = browser.get("/sections/" + empty.slug());
        assertThat(emptyPage.status()).isEqualTo(200);
        assertThat(emptyPage.page().select(".empty").text()).isEqualTo("No stories here yet.");
        assertThat(browser.get("/sections/" + empty.slug() + "?page=2").status()).isEqualTo(404);
    }

    @Test
    void draftsAndFutureScheduledArticlesAreNeverPublic() {
        Section section = section("Hidden");
        Author author = author("Hidden Writer");
        String draftHeadline = unique("Draft only");
        long draft = publishing.draft(ArticleDraft.of(draftHeadline, "", "Body").withSection(section.id()).withAuthors(List.of(author.id()))
                .withTags(List.of("Secret")));
        String scheduledHeadline = unique("Embargoed until tomorrow");
        long scheduled = publishing.draft(ArticleDraft.of(scheduledHeadline, "", "Body").withSection(section.id())
                .withAuthors(List.of(author.id())).withTags(List.of("Secret")));
        publishing.schedule(scheduled, clock.instant().plus(Duration.ofHours(1)));
        publishedArticle(unique("Visible"), section);

        List<String> publicPaths = List.of("/", "/?page=2", "/sections/" + section.slug(), "/authors/" + author.slug(), "/tags/secret");
        for (String path : publicPaths) {
            String html = browser.get(path).body();
            assertThat(html).as(path).doesNotContain(draftHeadline).doesNotContain(scheduledHeadline);
        }
        assertThat(browser.get("/articles/" + slugOf(draft)).status()).isEqualTo(404);
        assertThat(browser.get("/articles/" + slugOf(scheduled)).status()).isEqualTo(404);

        publishing.publishDue();
        assertThat(browser.get("/articles/" + slugOf(scheduled)).status()).as("not yet due").isEqualTo(404);

        clock.advance(Duration.ofMinutes(61));
        publishing.publishDue();
        assertThat(browser.get("/articles/" + slugOf(scheduled)).status()).isEqualTo(200);
        assertThat(browser.get("/sections/" + section.slug()).body()).contains(scheduledHeadline).doesNotContain(draftHeadline);
        assertThat(browser.get("/").body()).contains(scheduledHeadline);
    }

    @Test
    void withdrawnArticleDisappearsFromCachedPages() {
        Section section = section("Withdrawn");
        String headline = unique("Soon withdrawn");
        long id = publishedArticle(headline, section);
        String path = "/articles/" + slugOf(id);
        assertThat(browser.get(path).status()).isEqualTo(200);
        assertThat(browser.get("/").body()).contains(headline);
        assertThat(browser.get("/sections/" + section.slug()).body()).contains(headline);

        publishing.withdraw(id);

        assertThat(browser.get(path).status()).isEqualTo(404);
        assertThat(browser.get("/").body()).doesNotContain(headline);
        assertThat(browser.get("/sections/" + section.slug()).body()).doesNotContain(headline);
    }

    @Test
    void editingAPublishedArticleRefreshesItsCachedPages() {
        Section section = section("Edited");
        long id = publishedArticle(unique("Before the edit"), section);
        String path = "/articles/" + slugOf(id);
        assertThat(browser.get(path).page().selectFirst("h1").text()).startsWith("Before the edit");
        browser.get("/tags/testing");

        String newHeadline = unique("After the edit");
        publishing.revise(id, ArticleDraft.of(newHeadline, "New standfirst", "New body.").withSection(section.id())
                .withTags(List.of("Testing")));

        assertThat(browser.get(path).page().selectFirst("h1").text()).isEqualTo(newHeadline);
        assertThat(browser.get("/sections/" + section.slug()).body()).contains(newHeadline);
        assertThat(browser.get("/tags/testing").body()).contains(newHeadline);
    }

    @Test
    void publishingPurgesTheFrontPage() {
        browser.get("/");
        String headline = unique("Fresh news");
        publishedArticle(headline, null);
        assertThat(browser.get("/").page().select(".lead h2").text()).isEqualTo(headline);
    }

    @Test
    void conditionalGetAnswers304AndGzipIsGivenToClientsThatAsk() throws IOException {
        long id = publishedArticle(unique("Cache me"), null);
        String path = "/articles/" + slugOf(id);
        Browser.Response plain = browser.get(path);
        String etag = plain.header("ETag");
        // weak: the same tag stands for the plain and the gzip body (RFC 9110 8.8.3)
        assertThat(etag).matches("W/\"[0-9a-f]+\"");
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(plain.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(plain.header("Content-Security-Policy")).contains("default-src 'self'");

        // The first answer was rendered; this one comes from the page cache, and must be the same in every respect.
        Browser.Response hit = browser.get(path);
        assertThat(hit.bytes()).isEqualTo(plain.bytes());
        for (String header : List.of("ETag", "Content-Type", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                "X-Frame-Options", "Cache-Control", "Vary", "Content-Length")) {
            assertThat(hit.header(header)).as(header).isNotNull().isEqualTo(plain.header(header));
        }
        assertThat(hit.header("Set-Cookie")).isNull();

        Browser.Response again = browser.get(path, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();

        Browser.Response gzipped = browser.get(path, "Accept-Encoding", "gzip");
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.bytes().length).isLessThan(plain.bytes().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.bytes()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.bytes());
        }
        assertThat(browser.get(path, "Accept-Encoding", "gzip;q=0").header("Content-Encoding")).isNull();
        assertThat(browser.get(path, "If-None-Match", "\"something-else\"").status()).isEqualTo(200);
    }

    /**
     * Share links carry a parameter of their own ({@code fbclid}, {@code utm_source}…), and anyone can add a made-up one:
     * each must be answered with the cached page, not rendered and stored anew (a flood of them would push real pages
     * out of the cache). A parameter a page reads still makes its own page, and an old WordPress address keeps its redirect.
     */
    @Test
    void parametersAPageDoesNotReadAreAnsweredWithItsCachedPage() {
        long id = publishedArticle(unique("Shared widely"), null);
        String path = "/articles/" + slugOf(id);
        String cached = browser.get(path).page().select("h1").text();
        // Changed behind the page cache's back (no purge): only a page rendered from now on shows the new headline.
        jdbc.sql("UPDATE articles SET headline = 'Rendered again' WHERE id = :id").param("id", id).update();
        for (String query : List.of("?fbclid=IwAR0" + UUID.randomUUID(), "?utm_source=newsletter&utm_medium=email", "?anything=" + UUID.randomUUID(),
                "?a=1&b=2&c=3")) {
            Browser.Response shared = browser.get(path + query);
            assertThat(shared.status()).as(query).isEqualTo(200);
            assertThat(shared.page().select("h1").text()).as(query).isEqualTo(cached);
        }

        // The front page reads ?page=: page 2 is another page, also with another parameter added.
        for (int i = 0; i < ArticlePages.FRONT_LATEST + 2; i++) {
            publishedArticle(unique("Filler"), null);
        }
        Browser.Response front = browser.get("/");
        Browser.Response second = browser.get("/?page=2");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isNotEqualTo(front.body());
        assertThat(second.page().select("h1").text()).contains("Latest stories");
        assertThat(browser.get("/?utm_campaign=x&page=2").page().select("h1").text()).contains("Latest stories");
        assertThat(browser.get("/?page=2&utm_campaign=y").body()).isNotEqualTo(front.body());

        // "/?p=123" is an old WordPress address, not the front page with a parameter it does not read.
        redirects.put("/?p=4242", path, "test");
        Browser.Response old = browser.get("/?p=4242");
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).isEqualTo(path);
    }

    @Test
    void theStyleSheetIsSentCompressedToBrowsersThatAcceptGzip() throws IOException {
        Browser.Response plain = browser.get("/assets/site.css");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).startsWith("text/css");
        Browser.Response gzipped = browser.get("/assets/site.css", "Accept-Encoding", "gzip");
        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(gzipped.bytes().length).isLessThan(plain.bytes().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.bytes()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.bytes());
        }
    }

    @Test
    void aBrowsersRequestForTheSiteIconGetsAnIcon() {
        Browser.Response icon = browser.get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).startsWith("image/");
        assertThat(icon.bytes()).as("an ICO file").startsWith((byte) 0, (byte) 0, (byte) 1, (byte) 0);
        assertThat(icon.header("Cache-Control")).contains("max-age");
        assertThat(icon.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theHealthCheckAnswersUpAndNothingElseOfTheActuatorIsOpen() {
        Browser.Response health = browser.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(browser.get("/actuator/metrics").status()).isEqualTo(404);
        assertThat(browser.get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void photosAreServedAsImmutableJpegsWithNosniff() {
        MediaItem photo = photo("Served photo");
        Browser.Response response = browser.get(photo.url(photo.variants().get(0)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
        assertThat(response.bytes()[0] & 0xff).isEqualTo(0xff);
        assertThat(response.bytes()[1] & 0xff).isEqualTo(0xd8);
    }
}
