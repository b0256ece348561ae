package press.dispatch.articles;

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
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Editors manage the site's sections and tags in the admin and the Admin API; readers follow old addresses. On each database. */
abstract class SectionsAndTagsContract extends NewsroomTest {

    @Autowired
    ApiKeys keys;

    @Autowired
    press.dispatch.subscriptions.Subscriptions subscriptions;

    private final HttpClient http = HttpClient.newHttpClient();

    private static List<String> navigation(Document page) {
        return page.select("nav.sections a").eachText();
    }

    private static String slugFor(String name) {
        return Slugs.from(name);
    }

    private long sectionId(AdminSession session, String name) {
        Document list = session.get("/admin/sections").page();
        String href = list.select("#sections tr").stream().filter(tr -> tr.selectFirst("td") != null && tr.selectFirst("td").text().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("No section " + name + " in " + list.select("#sections").text()))
                .selectFirst("a[href^=/admin/sections/]").attr("href");
        return Long.parseLong(href.replace("/admin/sections/", ""));
    }

    private long tagId(AdminSession session, String name) {
        Document list = session.get("/admin/tags").page();
        String href = list.select("#tags tr").stream().filter(tr -> tr.selectFirst("td") != null && tr.selectFirst("td").text().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("No tag " + name + " in " + list.select("#tags").text()))
                .selectFirst("a[href^=/admin/tags/]").attr("href");
        return Long.parseLong(href.replace("/admin/tags/", ""));
    }

    private void assertMovedPermanently(String from, String to) {
        Browser.Response answer = browser.get(from);
        assertThat(answer.status()).as(from).isEqualTo(301);
        assertThat(answer.header("Location")).as(from).endsWith(to);
    }

    private HttpResponse<String> api(String key, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEditorCreatesADescribedSectionThatEveryPageNavigatesToAtOnce() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        String name = unique("Air Power");
        assertThat(browser.get("/").status()).isEqualTo(200); // cached before the change
        AdminSession.Response created = editor.post("/admin/sections", Map.of("name", name, "slug", "", "description", "Jets, tankers and drones."));
        assertThat(created.status()).as(created.body()).isEqualTo(302);

        assertThat(navigation(browser.get("/").page())).contains(name);
        Document page = browser.get("/sections/" + slugFor(name)).page();
        assertThat(page.selectFirst("h1").text()).isEqualTo(name);
        assertThat(page.select(".listing-header .standfirst").text()).isEqualTo("Jets, tankers and drones.");
    }

    @Test
    void aSectionWithoutANameOrWithATakenAddressIsRefusedWithTheFormRefilled() {
        AdminSession editor = owner();
        Section existing = section("Land");
        AdminSession.Response refused = editor.post("/admin/sections", Map.of("name", "Sea", "slug", existing.slug(), "description", "Ships."));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text()).contains("Another section has the address");
        assertThat(refused.page().selectFirst("textarea[name=description]").text()).isEqualTo("Ships.");
        assertThat(editor.post("/admin/sections", Map.of("name", " ", "slug", "", "description", "")).status()).isEqualTo(422);
    }

    @Test
    void aSectionRenamedTwiceIsAtItsNewAddressAndBothOldOnesRedirectThere() {
        AdminSession editor = owner();
        Section first = section("Naval");
        long article = publishedArticle(unique("Frigate launched"), first);
        assertThat(browser.get("/articles/" + slugOf(article)).page().select("nav.sections a").eachText()).contains(first.name());

        String second = unique("Maritime");
        assertThat(editor.post("/admin/sections/" + first.id(), Map.of("name", second, "slug", "", "description", "Ships.")).status()).isEqualTo(302);
        String third = unique("Sea Power");
        assertThat(editor.post("/admin/sections/" + first.id(), Map.of("name", third, "slug", "", "description", "Ships and ports.")).status())
                .isEqualTo(302);

        assertMovedPermanently("/sections/" + first.slug(), "/sections/" + slugFor(third));
        assertMovedPermanently("/sections/" + slugFor(second), "/sections/" + slugFor(third));
        Document current = browser.get("/sections/" + slugFor(third)).page();
        assertThat(current.selectFirst("h1").text()).isEqualTo(third);
        assertThat(current.select(".listing-header .standfirst").text()).isEqualTo("Ships and ports.");
        assertThat(current.select(".list").text()).contains(publishing.get(article).headline());
        List<String> nav = navigation(browser.get("/articles/" + slugOf(article)).page());
        assertThat(nav).contains(third).doesNotContain(first.name(), second);
    }

    @Test
    void aSectionsAddressCanBeChangedWithoutItsName() {
        AdminSession editor = owner();
        Section s = section("Cyber");
        String slug = "cyber-" + s.id();
        assertThat(editor.post("/admin/sections/" + s.id(), Map.of("name", s.name(), "slug", slug, "description", "")).status()).isEqualTo(302);
        assertMovedPermanently("/sections/" + s.slug(), "/sections/" + slug);
        assertThat(browser.get("/sections/" + slug).page().selectFirst("h1").text()).isEqualTo(s.name());
        AdminSession.Response bad = editor.post("/admin/sections/" + s.id(), Map.of("name", s.name(), "slug", "Not A Slug!", "description", ""));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.page().selectFirst("input[name=slug]").val()).isEqualTo("Not A Slug!");
    }

    @Test
    void movingASectionUpChangesTheOrderOfTheNavigationOnEveryPage() {
        AdminSession editor = owner();
        Section a = section("Alpha");
        Section b = section("Bravo");
        long article = publishedArticle(unique("Order test"), a);
        browser.get("/articles/" + slugOf(article));
        List<String> before = navigation(browser.get("/").page());
        assertThat(before.indexOf(a.name())).isLessThan(before.indexOf(b.name()));

        assertThat(editor.post("/admin/sections/" + b.id() + "/move", Map.of("direction", "up")).status()).isEqualTo(302);

        for (String path : List.of("/", "/articles/" + slugOf(article), a.href())) {
            List<String> after = navigation(browser.get(path).page());
            assertThat(after.indexOf(b.name())).as(path).isEqualTo(after.indexOf(a.name()) - 1);
        }
    }

    @Test
    void deletingASectionWithArticlesAsksWhereTheyGoThenMovesThemAndItsAddress() {
        AdminSession editor = owner();
        Section gone = section("Logistics");
        Section kept = section("Supply");
        long article = publishedArticle(unique("Convoy"), gone);

        AdminSession.Response asked = editor.post("/admin/sections/" + gone.id() + "/delete", Map.of());
        assertThat(asked.status()).isEqualTo(422);
        assertThat(asked.page().select(".problem").text()).contains("Choose the section its 1 article moves to");
        assertThat(asked.page().select("select[name=moveTo] option").eachText()).contains(kept.name()).doesNotContain(gone.name());

        assertThat(editor.post("/admin/sections/" + gone.id() + "/delete", Map.of("moveTo", Long.toString(kept.id()))).status()).isEqualTo(302);
        assertThat(navigation(browser.get("/").page())).contains(kept.name()).doesNotContain(gone.name());
        assertThat(browser.get(kept.href()).page().select(".list").text()).contains(publishing.get(article).headline());
        assertThat(publishing.get(article).sectionId()).isEqualTo(kept.id());
        assertMovedPermanently(gone.href(), kept.href());
    }

    @Test
    void anEmptySectionIsDeletedWithoutQuestionAndItsAddressIsGone() {
        AdminSession editor = owner();
        Section gone = section("Empty");
        assertThat(editor.post("/admin/sections/" + gone.id() + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get(gone.href()).status()).isEqualTo(404);
        assertThat(editor.get("/admin/sections/" + gone.id()).status()).isEqualTo(404);
    }

    @Test
    void tagsAreListedWithTheirArticleCountsRenamedAndTheOldAddressRedirects() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        String name = unique("Drones");
        long one = publishing.draft(ArticleDraft.of(unique("Drone one"), "", "Body.").withTags(List.of(name, "Keep A")));
        publishing.publish(one);
        long two = publishing.draft(ArticleDraft.of(unique("Drone two"), "", "Body.").withTags(List.of(name)));
        publishing.publish(two);
        Document list = editor.get("/admin/tags").page();
        assertThat(list.select("#tags tr[data-tag=" + slugFor(name) + "] td").eachText()).contains(name, "2");
        long id = tagId(editor, name);

        String renamed = unique("Uncrewed aircraft");
        assertThat(browser.get("/articles/" + slugOf(one)).status()).isEqualTo(200);
        assertThat(editor.post("/admin/tags/" + id, Map.of("name", renamed, "slug", "")).status()).isEqualTo(302);
        assertMovedPermanently("/tags/" + slugFor(name), "/tags/" + slugFor(renamed));
        assertThat(browser.get("/tags/" + slugFor(renamed)).page().select(".list").text()).contains(publishing.get(one).headline(),
                publishing.get(two).headline());
        assertThat(browser.get("/articles/" + slugOf(one)).body()).contains(renamed).doesNotContain(name);
    }

    @Test
    void aTagCannotTakeAnotherTagsAddressButCanBeMergedIntoIt() {
        AdminSession editor = owner();
        String from = unique("UAV");
        String into = unique("Drone");
        long both = publishing.draft(ArticleDraft.of(unique("Both tags"), "", "Body.").withTags(List.of(from, into)));
        publishing.publish(both);
        long onlyFrom = publishing.draft(ArticleDraft.of(unique("Only UAV"), "", "Body.").withTags(List.of(from, "Other")));
        publishing.publish(onlyFrom);
        long fromId = tagId(editor, from);
        long intoId = tagId(editor, into);

        AdminSession.Response refused = editor.post("/admin/tags/" + fromId, Map.of("name", from, "slug", slugFor(into)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text()).contains("merge into it instead");

        assertThat(editor.post("/admin/tags/" + fromId + "/merge", Map.of("into", Long.toString(intoId))).status()).isEqualTo(302);
        assertMovedPermanently("/tags/" + slugFor(from), "/tags/" + slugFor(into));
        assertThat(editor.get("/admin/tags").page().select("#tags tr[data-tag=" + slugFor(into) + "] td").eachText()).contains("2");
        assertThat(browser.get("/tags/" + slugFor(into)).page().select(".list").text()).contains(publishing.get(onlyFrom).headline(),
                publishing.get(both).headline());
        assertThat(browser.get("/articles/" + slugOf(onlyFrom)).body()).contains(into).contains("Other").doesNotContain(from);
    }

    @Test
    void aDeletedTagLeavesItsArticlesWithTheirOtherTags() {
        AdminSession editor = owner();
        String gone = unique("Rumour");
        String other = unique("Procurement");
        long article = publishing.draft(ArticleDraft.of(unique("Tender"), "", "Body.").withTags(List.of(gone, other)));
        publishing.publish(article);
        assertThat(browser.get("/articles/" + slugOf(article)).body()).contains(gone);

        assertThat(editor.post("/admin/tags/" + tagId(editor, gone) + "/delete", Map.of()).status()).isEqualTo(302);

        assertThat(browser.get("/tags/" + slugFor(gone)).status()).isEqualTo(404);
        assertThat(browser.get("/articles/" + slugOf(article)).body()).contains(other).doesNotContain(gone);
        assertThat(browser.get("/tags/" + slugFor(other)).page().select(".list").text()).contains(publishing.get(article).headline());
    }

    @Test
    void aTagOnlyDraftsUseHasNoPageOrFeedUntilAStoryWithItIsPublished() {
        String secret = unique("Merger talks");
        long draft = publishing.draft(ArticleDraft.of(unique("Unannounced"), "", "Body.").withTags(List.of(secret)));
        for (String path : List.of("/tags/" + slugFor(secret), "/tags/" + slugFor(secret) + "/feed", "/tags/" + slugFor(secret) + "/feed/atom")) {
            assertThat(browser.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(browser.get("/tags/no-such-tag-at-all").status()).isEqualTo(404);

        publishing.publish(draft);
        assertThat(browser.get("/tags/" + slugFor(secret)).status()).isEqualTo(200);
        assertThat(browser.get("/tags/" + slugFor(secret) + "/feed").status()).isEqualTo(200);
    }

    @Test
    void anEditorsKeyManagesSectionsThroughTheApi() throws Exception {
        String key = keys.create(ownerStaff(), "structure script", Role.EDITOR);
        String name = unique("Space");
        HttpResponse<String> created = api(key, "POST", "/api/v1/sections", "{\"name\":\"" + name + "\",\"description\":\"Orbit.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replace("/api/v1/sections/", ""));
        assertThat(created.body()).contains("\"slug\":\"" + slugFor(name) + "\"", "\"description\":\"Orbit.\"", "\"articles\":0");
        assertThat(navigation(browser.get("/").page())).contains(name);

        String renamed = unique("Space Force");
        HttpResponse<String> updated = api(key, "PUT", "/api/v1/sections/" + id, "{\"name\":\"" + renamed + "\",\"description\":\"Satellites.\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertMovedPermanently("/sections/" + slugFor(name), "/sections/" + slugFor(renamed));
        assertThat(browser.get("/sections/" + slugFor(renamed)).page().select(".listing-header .standfirst").text()).isEqualTo("Satellites.");

        HttpResponse<String> invalid = api(key, "PUT", "/api/v1/sections/" + id, "{\"name\":\"\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"name\"");

        HttpResponse<String> listed = api(key, "GET", "/api/v1/sections", null);
        List<Long> ids = new java.util.ArrayList<>(newsdesk.sections().stream().map(Section::id).toList());
        assertThat(listed.body()).contains(renamed);
        ids.remove(id);
        ids.add(0, id);
        HttpResponse<String> ordered = api(key, "PUT", "/api/v1/sections/order", "{\"sectionIds\":" + ids + "}");
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(200);
        assertThat(navigation(browser.get("/").page()).get(0)).isEqualTo(renamed);
        assertThat(api(key, "PUT", "/api/v1/sections/order", "{\"sectionIds\":[" + id + "]}").statusCode()).isEqualTo(422);

        Section target = section("Orbit");
        long article = publishedArticle(unique("Satellite"), newsdesk.sections().stream().filter(s -> s.id() == id).findFirst().orElseThrow());
        HttpResponse<String> asked = api(key, "DELETE", "/api/v1/sections/" + id, null);
        assertThat(asked.statusCode()).isEqualTo(422);
        assertThat(asked.body()).contains("moveTo");
        assertThat(api(key, "DELETE", "/api/v1/sections/" + id + "?moveTo=" + target.id(), null).statusCode()).isEqualTo(204);
        assertThat(publishing.get(article).sectionId()).isEqualTo(target.id());
        assertThat(api(key, "PUT", "/api/v1/sections/" + id, "{\"name\":\"Gone\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void changesKeptForLaterInADeletedSectionArePublishedInTheSectionItsArticlesMovedTo() throws Exception {
        String key = keys.create(ownerStaff(), "later script", Role.EDITOR);
        Section gone = section("Archive");
        Section kept = section("Features");
        long article = publishedArticle(unique("Old piece"), gone);
        String read = api(key, "GET", "/api/v1/articles/" + article, null).body();
        int version = Integer.parseInt(read.replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
        String headline = unique("Old piece, revised");
        HttpResponse<String> kept4Later = api(key, "PUT", "/api/v1/articles/" + article, "{\"headline\":\"" + headline
                + "\",\"body\":\"Revised.\",\"sectionId\":" + gone.id() + ",\"version\":" + version + "}");
        assertThat(kept4Later.body()).contains("\"pendingRevision\":");

        assertThat(api(key, "DELETE", "/api/v1/sections/" + gone.id() + "?moveTo=" + kept.id(), null).statusCode()).isEqualTo(204);
        HttpResponse<String> published = api(key, "POST", "/api/v1/articles/" + article + "/publish", null);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(publishing.get(article).sectionId()).isEqualTo(kept.id());
        assertThat(browser.get(kept.href()).page().select(".list").text()).contains(headline);
    }

    @Test
    void anEditorsKeyRenamesMergesAndDeletesTagsThroughTheApi() throws Exception {
        String key = keys.create(ownerStaff(), "tag script", Role.EDITOR);
        String a = unique("Tanks");
        String b = unique("Armour");
        String c = unique("Gossip");
        long article = publishing.draft(ArticleDraft.of(unique("Armour story"), "", "Body.").withTags(List.of(a, c)));
        publishing.publish(article);
        publishing.publish(publishing.draft(ArticleDraft.of(unique("Armour two"), "", "Body.").withTags(List.of(b))));
        AdminSession owner = owner();
        long aId = tagId(owner, a);
        long bId = tagId(owner, b);
        long cId = tagId(owner, c);

        HttpResponse<String> listed = api(key, "GET", "/api/v1/tags", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"name\":\"" + a + "\"");

        String renamed = unique("Main battle tanks");
        HttpResponse<String> rename = api(key, "PUT", "/api/v1/tags/" + aId, "{\"name\":\"" + renamed + "\"}");
        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(200);
        assertMovedPermanently("/tags/" + slugFor(a), "/tags/" + slugFor(renamed));

        HttpResponse<String> merged = api(key, "POST", "/api/v1/tags/" + aId + "/merge", "{\"into\":" + bId + "}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(merged.body()).contains("\"articles\":2");
        assertMovedPermanently("/tags/" + slugFor(a), "/tags/" + slugFor(b));
        assertMovedPermanently("/tags/" + slugFor(renamed), "/tags/" + slugFor(b));

        assertThat(api(key, "DELETE", "/api/v1/tags/" + cId, null).statusCode()).isEqualTo(204);
        assertThat(browser.get("/articles/" + slugOf(article)).body()).contains(b).doesNotContain(c);
        assertThat(api(key, "DELETE", "/api/v1/tags/" + cId, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theApiDocumentDescribesEverySectionAndTagOperation() {
        String document = browser.get("/api/openapi.json").body();
        assertThat(document).contains("\"/api/v1/sections\"", "\"/api/v1/sections/{id}\"", "\"/api/v1/sections/order\"",
                "\"/api/v1/tags\"", "\"/api/v1/tags/{id}\"", "\"/api/v1/tags/{id}/merge\"", "Sections and tags");
    }

    @Test
    void anAuthorsKeyMayListSectionsButNotChangeThem() throws Exception {
        String key = keys.create(ownerStaff(), "author script", Role.AUTHOR);
        assertThat(api(key, "GET", "/api/v1/sections", null).statusCode()).isEqualTo(200);
        assertThat(api(key, "POST", "/api/v1/sections", "{\"name\":\"Nope\"}").statusCode()).isEqualTo(403);
        assertThat(api(key, "GET", "/api/v1/tags", null).statusCode()).isEqualTo(403);
        assertThat(navigation(browser.get("/").page())).doesNotContain("Nope");
    }

    @Test
    void aSiteWithoutTheDemoStartsWithASectionThatAnArticleIsPublishedInAndTheNavigationShows() {
        assertThat(newsdesk.sections()).extracting(Section::name).contains("News");
        AdminSession owner = owner();
        Document editor = owner.get("/admin/articles/new").page();
        String news = editor.select("select[name=sectionId] option").stream().filter(o -> o.text().equals("News")).findFirst()
                .orElseThrow(() -> new AssertionError(editor.select("select[name=sectionId]").outerHtml())).val();
        String headline = unique("First story");
        Map<String, String> form = new java.util.HashMap<>(Map.of("headline", headline, "standfirst", "", "body", "The first story.",
                "sectionId", news, "tags", "", "commentsOpen", "true", "action", "publish", "version", "0"));
        AdminSession.Response published = owner.post("/admin/articles", form);
        assertThat(published.status()).as(published.body()).isEqualTo(302);

        Document front = browser.get("/").page();
        assertThat(navigation(front)).contains("News");
        assertThat(browser.get("/sections/news").page().select(".list").text()).contains(headline);
    }

    private String followerOf(Section... followed) {
        String email = unique("follower").replace(' ', '-') + "@readers.example";
        subscriptions.subscribe(email, "192.0.2.1");
        long id = subscriptions.confirm(lastLink(email, "/subscribe/confirm?token=")).orElseThrow().id();
        String token = subscriptions.linkToken(id);
        subscriptions.choose(token, press.dispatch.subscriptions.Cadence.EACH,
                java.util.Arrays.stream(followed).map(Section::id).collect(java.util.stream.Collectors.toSet()));
        return token;
    }

    private List<String> followedOnManagePage(String token) {
        return browser.get("/subscriptions/manage?token=" + token).page().select("input[name=section][checked]").stream()
                .map(i -> i.parent().text()).toList();
    }

    @Test
    void subscribersWhoFollowedADeletedSectionFollowTheSectionItsArticlesMovedTo() {
        AdminSession editor = owner();
        Section gone = section("Helicopters");
        Section kept = section("Aviation");
        Section other = section("Rotary extra");
        publishedArticle(unique("Chinook"), gone);
        String onlyGone = followerOf(gone);
        String goneAndKept = followerOf(gone, kept);
        String goneAndOther = followerOf(gone, other);

        assertThat(editor.post("/admin/sections/" + gone.id() + "/delete", Map.of("moveTo", Long.toString(kept.id()))).status()).isEqualTo(302);

        assertThat(followedOnManagePage(onlyGone)).containsExactly(kept.name());
        assertThat(followedOnManagePage(goneAndKept)).containsExactly(kept.name());
        assertThat(followedOnManagePage(goneAndOther)).containsExactlyInAnyOrder(kept.name(), other.name());
        assertThat(subscriptions.findByLink(goneAndOther).orElseThrow().sectionIds()).containsExactlyInAnyOrder(kept.id(), other.id());
    }

    @Test
    void subscribersWhoFollowedADeletedEmptySectionKeepTheirOtherSections() {
        AdminSession editor = owner();
        Section gone = section("Empty follow");
        Section other = section("Still followed");
        String token = followerOf(gone, other);

        assertThat(editor.post("/admin/sections/" + gone.id() + "/delete", Map.of()).status()).isEqualTo(302);

        assertThat(subscriptions.findByLink(token).orElseThrow().sectionIds()).containsExactly(other.id());
        assertThat(followedOnManagePage(token)).containsExactly(other.name());
    }

    @Test
    void aSiteWithoutTheDemoCreatesASectionPublishesInItAndEveryPageNavigatesToIt() {
        assertThat(settingsLoadedDemo()).as("this site started without the demo").isFalse();
        AdminSession owner = owner();
        String name = unique("Cyber Defence");
        assertThat(owner.post("/admin/sections", Map.of("name", name, "slug", "", "description", "Networks.")).status()).isEqualTo(302);
        Document editor = owner.get("/admin/articles/new").page();
        String section = editor.select("select[name=sectionId] option").stream().filter(o -> o.text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(editor.select("select[name=sectionId]").outerHtml())).val();
        String headline = unique("Grid attack repelled");
        Map<String, String> form = new java.util.HashMap<>(Map.of("headline", headline, "standfirst", "", "body", "The story.",
                "sectionId", section, "tags", "", "commentsOpen", "true", "action", "publish", "version", "0"));
        AdminSession.Response published = owner.post("/admin/articles", form);
        assertThat(published.status()).as(published.body()).isEqualTo(302);

        Document front = browser.get("/").page();
        assertThat(navigation(front)).contains(name);
        String href = front.select("nav.sections a").stream().filter(a -> a.text().equals(name)).findFirst().orElseThrow().attr("href");
        assertThat(browser.get(href).page().select(".list").text()).contains(headline);
    }

    private boolean settingsLoadedDemo() {
        return jdbc.sql("SELECT COUNT(*) FROM site_settings WHERE key = 'demo.loaded_at'").query(Long.class).single() > 0;
    }
}
