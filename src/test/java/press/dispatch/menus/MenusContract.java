package press.dispatch.menus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.Role;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Section;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Editors choose what the header and footer link to, in the admin and the Admin API; readers never get a dead or hostile link. On each database. */
abstract class MenusContract extends NewsroomTest {

    @Autowired
    ApiKeys keys;

    private final HttpClient http = HttpClient.newHttpClient();

    private static List<String> header(Document page) {
        return page.select("nav.sections a").eachText();
    }

    private static List<String> footer(Document page) {
        return page.select("nav.footer-links a").eachText();
    }

    private HttpResponse<String> api(String key, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String editorKey() {
        return keys.create(ownerStaff(), unique("menu script"), Role.EDITOR);
    }

    /** Publishes a page through the page editor; answers its id. */
    private long publishedPage(AdminSession session, String title) {
        String slug = unique("page").toLowerCase().replaceAll("[^a-z0-9]+", "-");
        AdminSession.Response answer = session.post("/admin/pages", Map.of("title", title, "slug", slug, "body", "Text.", "action", "publish"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        return Long.parseLong(answer.location().substring("/admin/pages/".length()));
    }

    private long tagId(String name) {
        long article = publishing.draft(ArticleDraft.of(unique("Tagged"), "", "Body.").withTags(List.of(name)));
        publishing.publish(article);
        return jdbc.sql("SELECT id FROM tags WHERE name = :name").param("name", name).query(Long.class).single();
    }

    /** The menu's form on the Menus screen, as a browser would send it when this button is pressed. */
    private AdminSession.Response press(AdminSession session, String menu, String action, Map<String, String> changes) {
        Document screen = session.get("/admin/menus").page();
        FormElement form = (FormElement) screen.selectFirst("form[action=/admin/menus/" + menu + "]");
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        form.formData().forEach(kv -> fields.add(Map.entry(kv.key(), changes.getOrDefault(kv.key(), kv.value()))));
        fields.add(Map.entry("action", action));
        return session.postPairs("/admin/menus/" + menu, fields);
    }

    @Test
    void aMenuNeverEditedShowsTheSectionsInTheHeaderAndThePublishedPagesInTheFooter() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        press(editor, "header", "reset", Map.of());
        press(editor, "footer", "reset", Map.of());
        Section section = section("Defaults");
        String title = unique("Contact us");
        publishedPage(editor, title);

        Document front = browser.get("/").page();
        assertThat(header(front)).containsExactlyElementsOf(newsdesk.sections().stream().map(Section::name).toList()).contains(section.name());
        assertThat(footer(front)).contains(title);
        assertThat(editor.get("/admin/menus").page().select("#menu-header h2").text()).contains("(defaults)");
    }

    @Test
    void anEditorsKeyPutsASectionAPageATagAndAnAddressInTheHeaderInThatOrderWithLabels() throws Exception {
        AdminSession editor = owner();
        Section section = section("Air");
        long page = publishedPage(editor, unique("About"));
        String tag = unique("Drones");
        long tagId = tagId(tag);
        assertThat(browser.get("/").status()).isEqualTo(200); // cached before the change

        HttpResponse<String> saved = api(editorKey(), "PUT", "/api/v1/menus/header", """
                {"items": [
                  {"type": "url", "url": "https://shop.example.org/prints", "label": "Prints"},
                  {"type": "section", "targetId": %d},
                  {"type": "page", "targetId": %d, "label": "Who we are"},
                  {"type": "tag", "targetId": %d, "label": ""},
                  {"type": "url", "url": "/search?q=tankers"}
                ]}""".formatted(section.id(), page, tagId));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"edited\":true", "\"name\":\"" + section.name() + "\"");

        Document front = browser.get("/").page();
        assertThat(header(front)).containsExactly("Prints", section.name(), "Who we are", tag, "/search?q=tankers");
        List<String> hrefs = front.select("nav.sections a").eachAttr("href");
        assertThat(hrefs.get(0)).isEqualTo("https://shop.example.org/prints");
        assertThat(hrefs.get(1)).isEqualTo(section.href());
        assertThat(hrefs.get(2)).startsWith("/page-");
        assertThat(hrefs.get(3)).startsWith("/tags/");
        assertThat(hrefs.get(4)).isEqualTo("/search?q=tankers");
        assertThat(browser.get(hrefs.get(2)).page().select("h1").text()).isEqualTo(jdbc.sql("SELECT live_title FROM pages WHERE id = :id")
                .param("id", page).query(String.class).single());
        HttpResponse<String> read = api(editorKey(), "GET", "/api/v1/menus/header", null);
        assertThat(read.body()).contains("\"label\":\"Who we are\"", "\"type\":\"tag\"");
    }

    @Test
    void hostileOrBrokenAddressesAreRefusedAndTheMenuStaysAsItWas() throws Exception {
        String key = editorKey();
        assertThat(api(key, "PUT", "/api/v1/menus/footer", "{\"items\": [{\"type\": \"url\", \"url\": \"/kept\", \"label\": \"Kept\"}]}").statusCode())
                .isEqualTo(200);
        List<String> hostile = List.of("javascript:alert(1)", "JavaScript:alert(document.cookie)", "  javascript:alert(1)", "java\\tscript:alert(1)",
                "java\\u0000script:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "//evil.example/path", "/\\\\evil.example",
                "https:///no-host", "http://exa mple.org/", "ftp://files.example.org/", "mailto:news@example.org", "\\u202ejavascript:x",
                "file:///etc/passwd", "");
        for (String url : hostile) {
            HttpResponse<String> refused = api(key, "PUT", "/api/v1/menus/footer", "{\"items\": [{\"type\": \"url\", \"url\": \"" + url + "\"}]}");
            assertThat(refused.statusCode()).as(url + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.body()).as(url).contains("items[0].url");
        }
        assertThat(footer(browser.get("/").page())).containsExactly("Kept");

        AdminSession editor = owner();
        AdminSession.Response form = press(editor, "footer", "add", Map.of("add-target", "url", "add-url", "javascript:alert(1)", "add-label", "Click"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.page().select("#menu-footer .problem").text()).contains("https://");
        assertThat(form.page().select("#menu-footer input[name=add-url]").val()).isEqualTo("javascript:alert(1)");
        assertThat(browser.get("/").page().select("a[href^=javascript]")).isEmpty();
        assertThat(api(key, "PUT", "/api/v1/menus/footer", "{\"items\": [{\"type\": \"section\", \"targetId\": 987654}]}").statusCode()).isEqualTo(422);
    }

    @Test
    void aDeletedSectionTagOrPageDropsOutOfTheMenuForReadersAndIsMarkedBrokenForStaff() throws Exception {
        AdminSession editor = owner();
        Section section = section("Gone soon");
        long page = publishedPage(editor, unique("Old page"));
        String tag = unique("Old tag");
        long tagId = tagId(tag);
        HttpResponse<String> saved = api(editorKey(), "PUT", "/api/v1/menus/footer", """
                {"items": [{"type": "section", "targetId": %d}, {"type": "page", "targetId": %d}, {"type": "tag", "targetId": %d},
                           {"type": "url", "url": "/about-the-archive", "label": "Archive"}]}""".formatted(section.id(), page, tagId));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(footer(browser.get("/").page())).hasSize(4);

        assertThat(editor.post("/admin/sections/" + section.id() + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(editor.post("/admin/tags/" + tagId + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(api(editorKey(), "DELETE", "/api/v1/pages/" + page, null).statusCode()).isEqualTo(204);

        Document front = browser.get("/").page();
        assertThat(footer(front)).containsExactly("Archive");
        Document screen = editor.get("/admin/menus").page();
        assertThat(screen.select("#menu-footer .menu-item.broken")).hasSize(3);
        assertThat(api(editorKey(), "GET", "/api/v1/menus/footer", null).body()).contains("\"broken\":true");

        AdminSession.Response kept = press(editor, "footer", "save", Map.of());
        assertThat(kept.status()).as("a menu with broken items can still be saved: " + kept.body()).isEqualTo(302);
        assertThat(footer(browser.get("/").page())).containsExactly("Archive");
    }

    @Test
    void withoutAScriptTheMenusScreenAddsMovesRelabelsAndRemovesItems() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        press(editor, "header", "reset", Map.of());
        Section first = newsdesk.sections().get(0);

        assertThat(press(editor, "header", "add", Map.of("add-target", "url", "add-url", "https://example.org/live", "add-label", "Live")).status())
                .isEqualTo(302);
        List<String> after = header(browser.get("/").page());
        assertThat(after.get(after.size() - 1)).isEqualTo("Live");

        Element lastRow = editor.get("/admin/menus").page().select("#menu-header .menu-item").last();
        String up = lastRow.selectFirst("button[value^=up-]").val();
        for (int n = Integer.parseInt(up.substring(3)); n > 0; n--) {
            assertThat(press(editor, "header", "up-" + n, Map.of()).status()).isEqualTo(302);
        }
        assertThat(header(browser.get("/").page()).get(0)).isEqualTo("Live");

        Document screen = editor.get("/admin/menus").page();
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        FormElement form = (FormElement) screen.selectFirst("form[action=/admin/menus/header]");
        int row = 0;
        for (var kv : form.formData()) {
            boolean secondLabel = kv.key().equals("label") && row++ == 1;
            fields.add(Map.entry(kv.key(), secondLabel ? "Front line" : kv.value()));
        }
        fields.add(Map.entry("action", "save"));
        assertThat(editor.postPairs("/admin/menus/header", fields).status()).isEqualTo(302);
        assertThat(header(browser.get("/").page())).startsWith("Live", "Front line").doesNotContain(first.name());

        assertThat(press(editor, "header", "remove-0", Map.of()).status()).isEqualTo(302);
        assertThat(header(browser.get("/").page())).startsWith("Front line").doesNotContain("Live");
    }

    @Test
    void anAuthorMayNotOpenTheMenusScreenNorChangeAMenuThroughTheApi() throws Exception {
        AdminSession author = signedIn(staffMember(Role.AUTHOR), PASSWORD);
        assertThat(author.get("/admin/menus").status()).isEqualTo(403);
        String key = keys.create(ownerStaff(), unique("author script"), Role.AUTHOR);
        assertThat(api(key, "PUT", "/api/v1/menus/header", "{\"items\": []}").statusCode()).isEqualTo(403);
    }

    @Test
    void anItemForASectionDeletedIntoAnotherFollowsItsArticlesThere() throws Exception {
        AdminSession editor = owner();
        Section gone = section("Merged away");
        Section kept = section("Merged into");
        publishedArticle(unique("Filed"), gone);
        HttpResponse<String> saved = api(editorKey(), "PUT", "/api/v1/menus/header", """
                {"items": [{"type": "section", "targetId": %d}, {"type": "section", "targetId": %d, "label": "Second"}]}"""
                .formatted(gone.id(), kept.id()));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        assertThat(editor.post("/admin/sections/" + gone.id() + "/delete", Map.of("moveTo", Long.toString(kept.id()))).status()).isEqualTo(302);

        Document front = browser.get("/").page();
        assertThat(header(front)).containsExactly(kept.name(), "Second");
        assertThat(front.select("nav.sections a").eachAttr("href")).containsOnly(kept.href());
        assertThat(editor.get("/admin/menus").page().select("#menu-header .menu-item.broken")).isEmpty();
    }
}
