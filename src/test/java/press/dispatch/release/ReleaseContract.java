package press.dispatch.release;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.Role;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.ArticleStatus;
import press.dispatch.articles.InvalidArticleException;
import press.dispatch.newsletter.Newsletters;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Embargoes and two-person release: every path that could make an article public early, for every role, is refused;
 * a sensitive article goes out only when a second editor (or the owner, with a reason) releases it. Both databases.
 */
abstract class ReleaseContract extends NewsroomTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    ApiKeys keys;

    @Autowired
    SiteSettings settings;

    @Autowired
    Newsletters newsletters;

    @Autowired
    Releases releases;

    private final HttpClient http = HttpClient.newHttpClient();

    private String local(Instant at) {
        return LOCAL.format(LocalDateTime.ofInstant(at, settings.current().zone()));
    }

    private long staffId(String email) {
        return accounts.list().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow().id();
    }

    /** A draft written by {@code writer}. */
    private long draftBy(String writer, String headline) {
        long id = publishing.draft(ArticleDraft.of(headline, "Standfirst.", "Body of " + headline + "."));
        jdbc.sql("UPDATE articles SET created_by = :staff WHERE id = :id").param("staff", staffId(writer)).param("id", id).update();
        return id;
    }

    private HttpResponse<String> api(String key, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> editorForm(AdminSession session, long id, String action, String publishAt) {
        Document editor = session.get("/admin/articles/" + id).page();
        Map<String, String> form = new HashMap<>();
        form.put("headline", editor.selectFirst("#headline").val());
        form.put("body", editor.selectFirst("#body").val());
        form.put("version", editor.selectFirst("input[name=version]").val());
        form.put("action", action);
        form.put("publishAt", publishAt);
        return form;
    }

    private String partnerFeed() {
        owner().post("/admin/settings/partner-feed", Map.of("action", "rotate"));
        return "/feeds/partner/" + settings.current().get(Setting.FEED_PARTNER_SECRET);
    }

    @Test
    void everyPathThatCouldPublishAnEmbargoedArticleEarlyIsRefusedForEveryRole() throws Exception {
        AdminSession holdingEditor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        Instant embargo = clock.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String partner = partnerFeed();
        List<String> published = new ArrayList<>();
        for (Role role : Role.values()) {
            String email = role == Role.OWNER ? OWNER_EMAIL : staffMember(role);
            AdminSession session = signedIn(email, PASSWORD);
            String key = role == Role.OWNER ? null : keys.create(ownerStaff(), "embargo " + role, role);
            String headline = unique("Embargoed for " + role.label());
            long id = draftBy(email, headline);
            assertThat(holdingEditor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", local(embargo))).status()).isEqualTo(302);

            session.post("/admin/articles/" + id, editorForm(session, id, "publish", ""));
            session.post("/admin/articles/" + id, editorForm(session, id, "schedule", local(embargo.minus(Duration.ofMinutes(30)))));
            if (role.can(press.dispatch.accounts.Permission.PUBLISH_ANY)) {
                session.post("/admin/articles/" + id + "/pending/publish", Map.of("version", "1"));
            }
            if (key != null) {
                api(key, "/api/v1/articles/" + id + "/publish", "{}");
                api(key, "/api/v1/articles/" + id + "/schedule", "{\"publishAt\": \"" + embargo.minusSeconds(60) + "\"}");
            }
            assertThatThrownBy(() -> publishing.publish(id)).isInstanceOf(InvalidArticleException.class);
            assertThatThrownBy(() -> publishing.publishAt(id, clock.instant().minus(Duration.ofDays(1)))).isInstanceOf(InvalidArticleException.class);
            assertThatThrownBy(() -> publishing.schedule(id, embargo.minusSeconds(1))).isInstanceOf(InvalidArticleException.class);

            if (publishing.get(id).status() != ArticleStatus.DRAFT) {
                published.add(role + " made it " + publishing.get(id).status());
            }
            assertThat(browser.get("/admin/articles/" + id + "/preview").status()).as("preview without signing in").isEqualTo(302);
            assertThat(browser.get("/articles/" + slugOf(id)).status()).isEqualTo(404);
            assertThat(browser.get("/feed").body()).doesNotContain(headline);
            assertThat(browser.get("/feed/atom").body()).doesNotContain(headline);
            assertThat(browser.get(partner).body()).doesNotContain(headline);
            assertThat(newsletters.countIssuesForArticle(id)).isZero();
        }
        assertThat(published).isEmpty();
    }

    @Test
    void theEditorSaysWhyAnEmbargoedArticleIsNotPublished() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Embargo message"), "", "Body."));
        editor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", local(clock.instant().plus(Duration.ofHours(1)))));
        AdminSession.Response answer = editor.post("/admin/articles/" + id, editorForm(editor, id, "publish", ""));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().select(".problem").text()).contains("Embargoed until");
    }

    @Test
    void anEmbargoedArticleScheduledForItsEmbargoGoesLiveThen() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        String headline = unique("Goes live at the embargo");
        long id = publishing.draft(ArticleDraft.of(headline, "", "Body."));
        Instant embargo = clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        editor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", local(embargo)));
        assertThat(editor.post("/admin/articles/" + id, editorForm(editor, id, "schedule", local(embargo))).status()).isEqualTo(302);
        assertThat(publishing.get(id).status()).isEqualTo(ArticleStatus.SCHEDULED);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        publishing.publishDue();
        assertThat(browser.get("/articles/" + slugOf(id)).status()).isEqualTo(200);
        assertThat(browser.get("/feed").body()).contains(headline);
    }

    @Test
    void aPublicArticleCannotBePutUnderEmbargo() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishedArticle(unique("Already out"), null);
        editor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", local(clock.instant().plus(Duration.ofHours(1)))));
        assertThat(releases.hold(id).embargoUntil()).isNull();
        assertThat(editor.get("/admin/articles/" + id + "/release").body()).contains("already public");
    }

    @Test
    void authorsAndContributorsCannotLiftAnEmbargo() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Stays held"), "", "Body."));
        editor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", local(clock.instant().plus(Duration.ofHours(1)))));
        for (Role role : List.of(Role.AUTHOR, Role.CONTRIBUTOR)) {
            assertThat(signedIn(staffMember(role), PASSWORD).post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", "")).status()).isEqualTo(403);
        }
        assertThat(releases.hold(id).embargoUntil()).isNotNull();
    }

    @Test
    void aSensitiveArticleIsPublishedOnlyWhenASecondEditorApproves() {
        String first = staffMember(Role.EDITOR);
        String second = staffMember(Role.EDITOR);
        AdminSession asker = signedIn(first, PASSWORD);
        AdminSession approver = signedIn(second, PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Named source"), "", "Body."));
        asker.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true"));

        AdminSession.Response refused = asker.post("/admin/articles/" + id, editorForm(asker, id, "publish", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text()).contains("a second editor must approve");

        asker.post("/admin/articles/" + id + "/release/request", Map.of("publishAt", ""));
        long request = releases.queue().stream().filter(r -> r.articleId() == id).findFirst().orElseThrow().id();
        asker.post("/admin/releases/" + request + "/approve", Map.of());
        assertThat(publishing.get(id).status()).as("the editor who asked cannot approve").isEqualTo(ArticleStatus.DRAFT);

        assertThat(approver.post("/admin/releases/" + request + "/approve", Map.of()).status()).isEqualTo(302);
        assertThat(publishing.get(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
        Document trail = approver.get("/admin/articles/" + id + "/release").page();
        assertThat(trail.select("tr.trail-approved td").eachText()).contains("Test Editor").contains("approved");
    }

    @Test
    void aRequestSentBackKeepsTheArticleADraftAndTheNoteInTheTrail() {
        AdminSession asker = signedIn(staffMember(Role.EDITOR), PASSWORD);
        AdminSession second = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Needs a second source"), "", "Body."));
        asker.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true"));
        asker.post("/admin/articles/" + id + "/release/request", Map.of());
        long request = releases.queue().stream().filter(r -> r.articleId() == id).findFirst().orElseThrow().id();
        second.post("/admin/releases/" + request + "/return", Map.of("note", "Find a second source first."));

        assertThat(publishing.get(id).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(asker.get("/admin/articles/" + id + "/release").page().select("tr.trail-returned").text()).contains("Find a second source first.");
    }

    @Test
    void onlyTheOwnerReleasesAloneAndOnlyWithAReason() {
        long id = publishing.draft(ArticleDraft.of(unique("Owner's call"), "", "Body."));
        AdminSession owner = owner();
        owner.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true"));
        AdminSession admin = signedIn(staffMember(Role.ADMIN), PASSWORD);
        admin.post("/admin/articles/" + id + "/release/owner", Map.of("reason", "I am an admin."));
        owner.post("/admin/articles/" + id + "/release/owner", Map.of("reason", " "));
        assertThat(publishing.get(id).status()).isEqualTo(ArticleStatus.DRAFT);

        owner.post("/admin/articles/" + id + "/release/owner", Map.of("reason", "The minister confirmed on the record."));
        assertThat(publishing.get(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(owner.get("/admin/articles/" + id + "/release").page().select("tr.trail-released").text())
                .contains("The minister confirmed on the record.");
    }

    @Test
    void anApprovedReleaseStillWaitsForTheEmbargo() {
        AdminSession asker = signedIn(staffMember(Role.EDITOR), PASSWORD);
        AdminSession second = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Sensitive and embargoed"), "", "Body."));
        Instant embargo = clock.instant().plus(Duration.ofHours(3));
        asker.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", local(embargo)));
        asker.post("/admin/articles/" + id + "/release/request", Map.of("publishAt", ""));
        assertThat(releases.queue().stream().filter(r -> r.articleId() == id)).as("asking for before the embargo is refused").isEmpty();

        asker.post("/admin/articles/" + id + "/release/request", Map.of("publishAt", local(embargo.plus(Duration.ofHours(1)))));
        long request = releases.queue().stream().filter(r -> r.articleId() == id).findFirst().orElseThrow().id();
        second.post("/admin/releases/" + request + "/approve", Map.of());
        assertThat(publishing.get(id).status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(publishing.get(id).publishedAt()).isAfterOrEqualTo(embargo);
    }
}
