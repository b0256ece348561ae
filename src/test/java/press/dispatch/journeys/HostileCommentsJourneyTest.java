package press.dispatch.journeys;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import press.dispatch.articles.Stories;
import press.dispatch.comments.Moderation;
import press.dispatch.testing.Chromium;
import press.dispatch.testing.Databases;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile payloads in every comment field, posted over HTTP and then opened in headless Chromium with
 * a hook that records any script execution. Checked twice: in the browser (nothing ran) and in the HTML (no
 * script element, event handler or javascript: URL got through), because the Content-Security-Policy alone would
 * hide a broken escape from the browser check.
 */
@TestPropertySource(properties = "dispatch.comments.rate-limits=false")
class HostileCommentsJourneyTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    Moderation moderation;

    @Autowired
    Stories stories;

    ChromeDriver chromium;

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    static List<String> payloads() {
        List<String> vectors = List.of(
                "<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=1>", "<svg onload=window.__xss=1>",
                "<svg><script>window.__xss=1</script></svg>", "\"><script>window.__xss=1</script>", "'><img src=x onerror=window.__xss=1>",
                "javascript:window.__xss=1", "JaVaScRiPt:window.__xss=1", "<a href=\"javascript:window.__xss=1\">x</a>",
                "<iframe src=\"javascript:window.__xss=1\"></iframe>", "<body onload=window.__xss=1>", "<details open ontoggle=window.__xss=1>",
                "<math><mtext></mtext><mglyph><svg><mtext><style><img src=x onerror=window.__xss=1></style>",
                "&lt;script&gt;window.__xss=1&lt;/script&gt;", "&#60;script&#62;window.__xss=1&#60;/script&#62;",
                "<scr<script>ipt>window.__xss=1</script>", "</textarea><script>window.__xss=1</script>", "</title><script>window.__xss=1</script>",
                "<input autofocus onfocus=window.__xss=1>", "<video><source onerror=window.__xss=1>", "<object data=\"javascript:window.__xss=1\">",
                "<embed src=\"javascript:window.__xss=1\">", "<form action=\"javascript:window.__xss=1\"><button>x</button></form>",
                "<div style=\"background:url(javascript:window.__xss=1)\">", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=1\">",
                "'-window.__xss=1-'", "\";window.__xss=1;//", "{{constructor.constructor('window.__xss=1')()}}", "${window.__xss=1}",
                "<img src=\"x\" onerror=\"&#119;indow.__xss=1\">", "<svg><a xlink:href=\"javascript:window.__xss=1\"><text>x</text></a></svg>",
                "https://example.org/\"><script>window.__xss=1</script>", "https://example.org/?q=<img src=x onerror=window.__xss=1>",
                "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=window.__xss=1 )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=window.__xss=1//>\\x3e",
                "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=1>\">");
        List<String> corpus = new ArrayList<>(vectors);
        for (String v : vectors) {
            corpus.add(v.toUpperCase());
            corpus.add("Hello " + v + " world");
        }
        return corpus;
    }

    @Test
    void hostileCommentsNeverRunInTheReadersBrowserNorInTheFormShownAgain() throws Exception {
        List<String> corpus = payloads();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        long articleId = publishedArticle(unique("Hostile comments"), null);
        String slug = slugOf(articleId);
        var story = stories.findById(articleId).orElseThrow();

        List<Document> refilledForms = new ArrayList<>();
        int n = 0;
        for (String payload : corpus) {
            n++;
            String email = "xss" + n + "@example.com";
            String website = payload.startsWith("https://") ? payload : "https://example.org/" + n;
            HttpResponse<String> accepted = comment(slug, Map.of("comment", payload, "author", payload.length() > 100 ? payload.substring(0, 100) : payload,
                    "email", email, "url", website));
            if (accepted.statusCode() == 302) {
                jdbc.sql("SELECT id FROM comments WHERE author_email = :e").param("e", email).query(Long.class).list()
                        .forEach(id -> moderation.approve(story, id));
            } else {
                refilledForms.add(Jsoup.parse(accepted.body()));
            }
            HttpResponse<String> refused = comment(slug, Map.of("comment", payload, "author", payload, "email", payload, "url", payload));
            assertThat(refused.statusCode()).as(payload).isEqualTo(422);
            refilledForms.add(Jsoup.parse(refused.body()));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE status = 'approved'").query(Long.class).single()).isGreaterThanOrEqualTo(70);

        Document article = browser.get("/articles/" + slug).page();
        assertHarmless(article, "article page");
        for (Document form : refilledForms) {
            assertHarmless(form, "form shown again");
        }

        chromium = Chromium.start();
        chromium.get(browser.base() + "/articles/" + slug);
        Object ran = ((JavascriptExecutor) chromium).executeScript("return window.__xss === undefined ? 'nothing ran' : 'a payload ran'");
        assertThat(ran).isEqualTo("nothing ran");
        assertThat(chromium.findElements(org.openqa.selenium.By.cssSelector(".comment"))).hasSizeGreaterThanOrEqualTo(70);

        // The moderation queue shows every field, the email and website too: held and approved comments alike.
        jdbc.sql("SELECT id FROM comments WHERE status = 'approved' ORDER BY id LIMIT 30").query(Long.class).list()
                .forEach(id -> moderation.unapprove(story, id));
        AdminSession owner = owner();
        for (String status : List.of("pending", "approved")) {
            Document queue = owner.get("/admin/comments?status=" + status).page();
            assertThat(queue.select("tr[id^=comment-]")).as(status).hasSizeGreaterThanOrEqualTo(30);
            assertHarmless(queue, "moderation queue (" + status + ")");
        }
        chromium.get(browser.base() + "/admin/sign-in");
        chromium.findElement(org.openqa.selenium.By.id("email")).sendKeys(OWNER_EMAIL);
        chromium.findElement(org.openqa.selenium.By.id("password")).sendKeys(PASSWORD);
        chromium.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
        // Wait for the signed-in landing page: navigating on at once can overtake the sign-in's own request.
        new WebDriverWait(chromium, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(browser.base() + "/admin"));
        for (String status : List.of("pending", "approved")) {
            chromium.get(browser.base() + "/admin/comments?status=" + status);
            assertThat(chromium.findElements(org.openqa.selenium.By.cssSelector("tr[id^=comment-]"))).as(status).hasSizeGreaterThanOrEqualTo(30);
            Object inQueue = ((JavascriptExecutor) chromium).executeScript("return window.__xss === undefined ? 'nothing ran' : 'a payload ran'");
            assertThat(inQueue).as("moderation queue (" + status + ")").isEqualTo("nothing ran");
        }
    }

    private static void assertHarmless(Document page, String where) {
        // Structured data is the one inline script element: data, not code, with every < written as \u003c.
        assertThat(page.select("script[type=application/ld+json]").html()).as(where).doesNotContain("<");
        var scripts = page.select("script").not("[type=application/ld+json]");
        assertThat(scripts.not("[src=/assets/comments.js]")).as(where).isEmpty();
        assertThat(scripts.html()).as(where).isEmpty();
        for (Element element : page.getAllElements()) {
            element.attributes().forEach(a -> {
                assertThat(a.getKey().toLowerCase()).as(where + ": attribute on <" + element.tagName() + ">").doesNotStartWith("on");
                if (a.getKey().equalsIgnoreCase("href") || a.getKey().equalsIgnoreCase("src") || a.getKey().equalsIgnoreCase("action")) {
                    assertThat(a.getValue().strip().toLowerCase()).as(where).doesNotStartWith("javascript:");
                }
            });
        }
        assertThat(page.select("iframe, object, embed, svg, math, meta[http-equiv]")).as(where).isEmpty();
    }

    private HttpResponse<String> comment(String slug, Map<String, String> fields) throws Exception {
        String token = browser.get("/articles/" + slug).page().select("form.comment-form input[name=token]").val();
        clock.advance(Duration.ofSeconds(5));
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("token", token);
        String form = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.base() + "/articles/" + slug + "/comments")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
