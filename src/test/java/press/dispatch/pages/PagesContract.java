package press.dispatch.pages;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.Role;
import press.dispatch.articles.Section;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Static pages as editors make them and readers see them; run against SQLite and PostgreSQL by the subclasses. */
abstract class PagesContract extends NewsroomTest {

    @Autowired
    ApiKeys keys;

    /** Creates a page through the editor and answers its id. */
    private long createPage(AdminSession session, String title, String slug, String body, String action) {
        AdminSession.Response answer = session.post("/admin/pages", Map.of("title", title, "slug", slug, "body", body, "action", action));
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        return Long.parseLong(answer.location().substring("/admin/pages/".length()));
    }

    private static String slug(String prefix) {
        return unique(prefix).toLowerCase().replace(' ', '-');
    }

    @Test
    void aPublishedPageIsAtItsSlugAndADraftIsNot() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        String slug = slug("about");
        long id = createPage(editor, "About us", slug, "We are a **small** newsroom.\n\n<script>alert(1)</script>", "save");

        assertThat(browser.get("/" + slug).status()).as("a draft").isEqualTo(404);

        editor.post("/admin/pages/" + id, Map.of("title", "About us", "slug", slug, "body", "We are a **small** newsroom.\n\n<script>alert(1)</script>",
                "version", Integer.toString(version(id)), "action", "publish"));
        Browser.Response response = browser.get("/" + slug);
        assertThat(response.status()).isEqualTo(200);
        Document page = response.page();
        assertThat(page.select("article.static-page h1").text()).isEqualTo("About us");
        assertThat(page.select("article.static-page strong").text()).isEqualTo("small");
        assertThat(page.select("article.static-page script")).as("raw HTML is shown as text").isEmpty();
        assertThat(page.select("header.masthead .site-name").text()).as("in the site's layout").isNotBlank();
    }

    @Test
    void aReservedSlugIsRefusedWithTheFormRefilled() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        for (String reserved : new String[] {"admin", "api", "articles", "media", "subscribe"}) {
            AdminSession.Response answer = editor.post("/admin/pages", Map.of("title", "Our team", "slug", reserved, "body", "Kept text.", "action", "save"));
            assertThat(answer.status()).as(reserved).isEqualTo(422);
            Document form = answer.page();
            assertThat(form.select("#slug").val()).isEqualTo(reserved);
            assertThat(form.select("#title").val()).isEqualTo("Our team");
            assertThat(form.select("#body").text()).isEqualTo("Kept text.");
            assertThat(form.select("#slug ~ .problem").text()).contains("reserved");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pages WHERE title = 'Our team'").query(Long.class).single()).isZero();
    }

    @Test
    void unknownSlugsGetTheSitesNotFoundPageAndTheSitesOwnRoutesStillAnswer() {
        Browser.Response missing = browser.get("/" + slug("nothing-here"), "Accept", "text/html");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.page().select("section.error-page h1").text()).as("the site's own 404 page").isEqualTo("Page not found");
        assertThat(browser.get("/subscribe").status()).isEqualTo(200);
        assertThat(browser.get("/admin/sign-in").status()).isEqualTo(200);
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(owner().get("/admin/pages/999999999").status()).as("a missing page in the newsroom").isEqualTo(404);
    }

    @Test
    void aPageIsNeverInAStoryListing() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        Section section = section("Land");
        publishedArticle(unique("Tanks roll"), section);
        String title = unique("Corrections policy");
        createPage(editor, title, "", "How we correct.", "publish");

        assertThat(browser.get("/" + title.toLowerCase().replace(' ', '-')).status()).isEqualTo(200);
        assertThat(browser.get("/").page().select("main").text()).as("the footer links it, the listing does not").doesNotContain(title);
        assertThat(browser.get(section.href()).page().select("main").text()).doesNotContain(title);
    }

    @Test
    void everyPublicPageLinksThePublishedPagesFromItsFooter() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long article = publishedArticle(unique("Frigate launched"), section("Sea"));
        String articlePath = "/articles/" + slugOf(article);
        browser.get(articlePath);
        String slug = slug("contact");
        long id = createPage(editor, "Contact us", slug, "Write to us.", "publish");
        createPage(editor, "Unfinished draft", slug("draft"), "Not yet.", "save");

        Document page = browser.get(articlePath).page();
        assertThat(page.select("footer .footer-links a[href=/" + slug + "]").text()).as("the cached article page was purged").isEqualTo("Contact us");
        assertThat(page.select("footer .footer-links").text()).doesNotContain("Unfinished draft");

        editor.post("/admin/pages/" + id, Map.of("action", "unpublish"));
        assertThat(browser.get(articlePath).page().select("footer a[href=/" + slug + "]")).isEmpty();
    }

    @Test
    void savedChangesStayOffTheSiteUntilPublishedAndEverySaveIsARevision() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        String slug = slug("terms");
        long id = createPage(editor, "Terms", slug, "First terms.", "publish");
        assertThat(browser.get("/" + slug).page().select("article.static-page").text()).contains("First terms.");

        editor.post("/admin/pages/" + id, Map.of("title", "Terms of use", "slug", slug, "body", "Second terms.",
                "version", Integer.toString(version(id)), "action", "save"));
        assertThat(browser.get("/" + slug).page().select("article.static-page").text()).as("still the live version")
                .contains("First terms.").doesNotContain("Second terms.");
        assertThat(editor.get("/admin/pages/" + id + "/preview").page().select("article.static-page").text()).contains("Second terms.");

        editor.post("/admin/pages/" + id, Map.of("title", "Terms of use", "slug", slug, "body", "Second terms.",
                "version", Integer.toString(version(id)), "action", "publish"));
        Document live = browser.get("/" + slug).page();
        assertThat(live.select("article.static-page h1").text()).isEqualTo("Terms of use");
        assertThat(live.select("article.static-page").text()).contains("Second terms.");

        Document revisions = editor.get("/admin/pages/" + id + "/revisions").page();
        assertThat(revisions.select("tbody tr")).hasSize(3);

        editor.post("/admin/pages/" + id, Map.of("action", "unpublish"));
        assertThat(browser.get("/" + slug).status()).isEqualTo(404);
    }

    @Test
    void aPublishedPageIsInTheSitemapsAndADraftIsNot() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        String published = slug("masthead");
        String draft = slug("draft-terms");
        createPage(editor, "Masthead", published, "Who is who.", "publish");
        createPage(editor, "Terms", draft, "Not yet.", "save");

        String index = browser.get("/sitemap.xml").body();
        List<String> sitemaps = org.jsoup.Jsoup.parse(index, "", org.jsoup.parser.Parser.xmlParser()).select("sitemap > loc").eachText().stream()
                .filter(loc -> loc.contains("/sitemaps/pages-")).toList();
        assertThat(sitemaps).as(index).isNotEmpty();
        String all = sitemaps.stream().map(loc -> browser.get(loc.substring(loc.indexOf("/sitemaps/"))).body()).reduce("", String::concat);
        assertThat(all).contains("/" + published + "</loc>").doesNotContain("/" + draft + "<");
    }

    @Test
    void aSaveFromAnOldVersionIsRefusedAndTheTextKept() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = createPage(editor, "Contact", slug("contact"), "Write to us.", "save");
        int read = version(id);
        editor.post("/admin/pages/" + id, Map.of("title", "Contact", "slug", "", "body", "Call us.", "version", Integer.toString(read), "action", "save"));
        AdminSession.Response late = editor.post("/admin/pages/" + id, Map.of("title", "Contact", "slug", "", "body", "Mine.",
                "version", Integer.toString(read), "action", "save"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.page().select("#body").text()).isEqualTo("Mine.");
        assertThat(jdbc.sql("SELECT body_markdown FROM pages WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("Call us.");
    }

    @Test
    void thePrivacyPageIsLinkedFromTheSubscribeBoxAndTheCommentFormOnceItIsPublished() {
        jdbc.sql("DELETE FROM page_revisions").update();
        jdbc.sql("DELETE FROM pages").update();
        long article = publishedArticle(unique("Radar upgrade"), section("Air"));
        String articlePath = "/articles/" + slugOf(article);
        assertThat(browser.get(articlePath).page().select(".subscribe-box a[href=/privacy], .comment-form a[href=/privacy], #respond a[href=/privacy]"))
                .isEmpty();

        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = createPage(editor, "Privacy policy", "privacy", "What we keep.", "publish");

        Document page = browser.get(articlePath).page();
        assertThat(page.select(".subscribe-box a[href=/privacy]")).hasSize(1);
        assertThat(page.select("#respond a[href=/privacy]")).hasSize(1);
        assertThat(browser.get("/subscribe").page().select("main a[href=/privacy]")).hasSize(1);

        editor.post("/admin/pages/" + id, Map.of("action", "unpublish"));
        assertThat(browser.get(articlePath).page().select("a[href=/privacy]")).as("the cached article page was purged").isEmpty();
    }

    @Test
    void theAdminApiCreatesPublishesAndRefusesReservedSlugs() throws Exception {
        String key = keys.create(ownerStaff(), "pages", Role.EDITOR);
        String slug = slug("masthead");
        HttpResponse<String> created = api(key, "POST", "/api/v1/pages", "{\"title\":\"Masthead\",\"slug\":\"" + slug + "\",\"body\":\"Who is who.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(browser.get("/" + slug).status()).isEqualTo(404);

        HttpResponse<String> published = api(key, "POST", location + "/publish", "");
        assertThat(published.body()).contains("\"status\":\"published\"").contains("\"url\":\"/" + slug + "\"");
        assertThat(browser.get("/" + slug).page().select("article.static-page").text()).contains("Who is who.");

        HttpResponse<String> stale = api(key, "PUT", location, "{\"title\":\"Masthead\",\"body\":\"x\",\"version\":1}");
        assertThat(stale.statusCode()).isEqualTo(409);

        HttpResponse<String> reserved = api(key, "POST", "/api/v1/pages", "{\"title\":\"Admin\",\"slug\":\"admin\",\"body\":\"x\"}");
        assertThat(reserved.statusCode()).isEqualTo(422);
        assertThat(reserved.body()).contains("\"slug\"").contains("reserved");
        HttpResponse<String> digits = api(key, "POST", "/api/v1/pages", "{\"title\":\"The year\",\"slug\":\"2026\",\"body\":\"x\"}");
        assertThat(digits.statusCode()).as("/2026 is the year's archive").isEqualTo(422);
        assertThat(digits.body()).contains("\"slug\"").contains("date archives");

        assertThat(api(key, "DELETE", location, "").statusCode()).isEqualTo(204);
        assertThat(browser.get("/" + slug).status()).isEqualTo(404);
    }

    private int version(long id) {
        return jdbc.sql("SELECT version FROM pages WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    private HttpResponse<String> api(String key, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
        request = switch (method) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            case "PUT" -> request.PUT(HttpRequest.BodyPublishers.ofString(body));
            default -> request.POST(HttpRequest.BodyPublishers.ofString(body));
        };
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
