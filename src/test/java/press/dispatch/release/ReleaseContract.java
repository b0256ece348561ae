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
            // A time past the year 9999 once wrapped around into the distant past when stored, and was due at once.
            session.post("/admin/articles/" + id, editorForm(session, id, "schedule", "+300000000-01-01T00:00"));
            if (role.can(press.dispatch.accounts.Permission.PUBLISH_ANY)) {
                session.post("/admin/articles/" + id + "/pending/publish", Map.of("version", "1"));
            }
            if (key != null) {
                api(key, "/api/v1/articles/" + id + "/publish", "{}");
                api(key, "/api/v1/articles/" + id + "/schedule", "{\"publishAt\": \"" + embargo.minusSeconds(60) + "\"}");
                assertThat(api(key, "/api/v1/articles/" + id + "/schedule", "{\"publishAt\": \"+999999999-12-31T23:59:59Z\"}").statusCode())
                        .isIn(403, 422);
            }
            assertThatThrownBy(() -> publishing.schedule(id, Instant.parse("+999999999-12-31T23:59:59Z"))).isInstanceOf(InvalidArticleException.class)
                    .hasMessageContaining("10000");
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
    void anEmbargoOrReleaseTimePastTheYear9999IsRefusedRatherThanStoredAsThePast() {
        long id = publishing.draft(ArticleDraft.of(unique("Far embargo"), "", "Body."));
        Instant far = Instant.parse("+300000000-01-01T00:00:00Z");
        assertThatThrownBy(() -> releases.hold(ownerStaff(), id, far, false, "")).isInstanceOf(InvalidReleaseException.class)
                .hasMessageContaining("10000");
        assertThat(releases.hold(id).embargoUntil()).isNull();
        releases.hold(ownerStaff(), id, null, true, "");
        assertThatThrownBy(() -> releases.request(ownerStaff(), id, far)).isInstanceOf(InvalidReleaseException.class).hasMessageContaining("10000");
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

    private String utc(Instant at) {
        return at.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    @Test
    void everyChangeOfAnEmbargoIsKeptWithWhoWhenFromToAndTheReason() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Embargo history"), "", "Body."));
        Instant first = clock.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant later = first.plus(Duration.ofHours(1));
        editor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", local(first), "reason", "The ministry asked for 10:00."));
        clock.advance(Duration.ofMinutes(5));
        editor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", local(later)));
        editor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", local(later)));
        editor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", "", "reason", "The ministry published first."));

        assertThat(releases.hold(id).embargoUntil()).isNull();
        Document page = editor.get("/admin/articles/" + id + "/release").page();
        List<List<String>> rows = page.select("table.embargo-history tbody tr").stream().map(tr -> tr.select("td").eachText()).toList();
        assertThat(rows).as("saving the same time again is no change").hasSize(3);
        assertThat(rows.get(0)).startsWith("set", "none", utc(first)).contains("The ministry asked for 10:00.", "made");
        assertThat(rows.get(1)).startsWith("moved later", utc(first), utc(later));
        assertThat(rows.get(2)).startsWith("lifted", utc(later), "none").contains("The ministry published first.", "made");
        String name = rows.get(0).get(3);
        assertThat(name).isNotBlank();
        assertThat(rows).allSatisfy(row -> assertThat(row.get(3)).isEqualTo(name));
    }

    @Test
    void movingASensitiveArticlesEmbargoEarlierWaitsForASecondEditorWhoApprovesIt() {
        AdminSession asker = signedIn(staffMember(Role.EDITOR), PASSWORD);
        AdminSession second = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Sensitive embargo earlier"), "", "Body."));
        Instant embargo = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant earlier = embargo.minus(Duration.ofHours(2));
        asker.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", local(embargo)));

        AdminSession.Response asked = asker.post("/admin/articles/" + id + "/hold",
                Map.of("sensitive", "true", "embargoUntil", local(earlier), "reason", "Agencies moved the time."));
        assertThat(asked.status()).isEqualTo(302);
        assertThat(releases.hold(id).embargoUntil()).as("the embargo stands while the change waits").isEqualTo(embargo);
        assertThat(asker.get("/admin/articles/" + id + "/release").page().select("tr.embargo-waiting td").eachText())
                .startsWith("moved earlier", utc(embargo), utc(earlier));
        Document queue = asker.get("/admin/releases").page();
        long change = Long.parseLong(queue.selectFirst(".embargo-queue li").id().replace("embargo-change-", ""));
        assertThat(queue.select("#embargo-change-" + change + " form.approve")).as("no approve button for the one who asked").isEmpty();
        asker.post("/admin/embargo-changes/" + change + "/approve", Map.of());
        assertThat(releases.hold(id).embargoUntil()).as("the editor who asked cannot approve").isEqualTo(embargo);

        Document seen = second.get("/admin/releases").page();
        assertThat(seen.selectFirst("#embargo-change-" + change).text()).contains("moved earlier", "Agencies moved the time.");
        assertThat(second.post("/admin/embargo-changes/" + change + "/approve", Map.of()).status()).isEqualTo(302);
        assertThat(releases.hold(id).embargoUntil()).isEqualTo(earlier);
        assertThat(releases.hold(id).sensitive()).isTrue();
        assertThat(second.get("/admin/articles/" + id + "/release").page().select("tr.embargo-approved td").eachText())
                .startsWith("moved earlier", utc(embargo), utc(earlier)).contains("approved");
        assertThat(second.get("/admin/releases").page().select("#embargo-change-" + change)).isEmpty();
    }

    @Test
    void liftingASensitiveArticlesEmbargoSentBackWithANoteLeavesTheEmbargoStanding() {
        AdminSession asker = signedIn(staffMember(Role.EDITOR), PASSWORD);
        AdminSession second = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Sensitive embargo lifted"), "", "Body."));
        Instant embargo = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        asker.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", local(embargo)));

        asker.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", ""));
        assertThat(releases.hold(id).embargoUntil()).isEqualTo(embargo);
        assertThat(asker.post("/admin/articles/" + id, editorForm(asker, id, "publish", "")).status()).isEqualTo(422);
        long change = releases.waitingEmbargoChanges().stream().filter(c -> c.articleId() == id).findFirst().orElseThrow().id();
        second.post("/admin/embargo-changes/" + change + "/return", Map.of("note", "The source is still at risk."));

        assertThat(releases.hold(id).embargoUntil()).isEqualTo(embargo);
        assertThat(asker.get("/admin/articles/" + id + "/release").page().select("tr.embargo-returned td").eachText())
                .startsWith("lifted", utc(embargo), "none").contains("The source is still at risk.");
    }

    @Test
    void unflaggingAnArticleInTheSameSaveDoesNotLetOneEditorLiftItsEmbargo() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Unflagged and lifted"), "", "Body."));
        Instant embargo = clock.instant().plus(Duration.ofHours(3));
        editor.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", local(embargo)));
        editor.post("/admin/articles/" + id + "/hold", Map.of("embargoUntil", ""));
        assertThat(releases.hold(id).embargoUntil()).isNotNull();
        assertThat(releases.waitingEmbargoChanges()).anyMatch(c -> c.articleId() == id);
    }

    @Test
    void settingOrMovingASensitiveArticlesEmbargoLaterIsOneEditorsAct() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Sensitive embargo later"), "", "Body."));
        Instant embargo = clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        editor.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", local(embargo)));
        editor.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", local(embargo.plus(Duration.ofHours(5)))));
        assertThat(releases.hold(id).embargoUntil()).isEqualTo(embargo.plus(Duration.ofHours(5)));
        assertThat(releases.embargoHistory(id)).extracting(EmbargoChange::status).containsExactly("made", "made");
        assertThat(releases.waitingEmbargoChanges()).noneMatch(c -> c.articleId() == id);
    }

    @Test
    void theOwnerLiftsASensitiveArticlesEmbargoAloneOnlyWithAStatedReason() {
        AdminSession owner = owner();
        AdminSession second = signedIn(staffMember(Role.EDITOR), PASSWORD);
        AdminSession admin = signedIn(staffMember(Role.ADMIN), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Owner lifts"), "", "Body."));
        Instant embargo = clock.instant().plus(Duration.ofHours(3));
        owner.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", local(embargo)));

        admin.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", "", "reason", "I am an admin."));
        assertThat(releases.hold(id).embargoUntil()).as("an admin's reason is not enough").isNotNull();
        long adminsChange = releases.waitingEmbargoChanges().stream().filter(c -> c.articleId() == id).findFirst().orElseThrow().id();
        second.post("/admin/embargo-changes/" + adminsChange + "/return", Map.of("note", "Not yet."));

        owner.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", ""));
        assertThat(releases.hold(id).embargoUntil()).as("the owner without a reason waits like anyone").isNotNull();
        long ownersChange = releases.waitingEmbargoChanges().stream().filter(c -> c.articleId() == id).findFirst().orElseThrow().id();
        second.post("/admin/embargo-changes/" + ownersChange + "/return", Map.of("note", "Give a reason."));

        owner.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", "", "reason", "The wires carry it already."));
        assertThat(releases.hold(id).embargoUntil()).isNull();
        assertThat(owner.get("/admin/articles/" + id + "/release").page().select("tr.embargo-alone td").eachText())
                .startsWith("lifted").contains("The wires carry it already.", "made by the owner alone");
    }

    @Test
    void authorsAndContributorsCannotDecideAnEmbargoChange() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishing.draft(ArticleDraft.of(unique("Not theirs to decide"), "", "Body."));
        Instant embargo = clock.instant().plus(Duration.ofHours(3));
        editor.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", local(embargo)));
        editor.post("/admin/articles/" + id + "/hold", Map.of("sensitive", "true", "embargoUntil", ""));
        long change = releases.waitingEmbargoChanges().stream().filter(c -> c.articleId() == id).findFirst().orElseThrow().id();
        for (Role role : List.of(Role.AUTHOR, Role.CONTRIBUTOR)) {
            AdminSession session = signedIn(staffMember(role), PASSWORD);
            assertThat(session.post("/admin/embargo-changes/" + change + "/approve", Map.of()).status()).isEqualTo(403);
            assertThat(session.post("/admin/embargo-changes/" + change + "/return", Map.of("note", "No.")).status()).isEqualTo(403);
        }
        assertThat(releases.hold(id).embargoUntil()).isNotNull();
        assertThat(releases.findChange(change).waiting()).isTrue();
    }

    private HttpResponse<String> apiPut(String key, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void throughTheApiLiftingASensitiveEmbargoWaitsForASecondEditorsKey() throws Exception {
        String first = keys.create(ownerStaff(), unique("embargo key"), Role.EDITOR);
        String secondEditor = staffMember(Role.EDITOR);
        var secondStaff = accounts.list().stream().filter(a -> a.email().equals(secondEditor)).findFirst()
                .map(a -> new press.dispatch.accounts.Staff(a.id(), a.email(), a.displayName(), a.role(), 0, null)).orElseThrow();
        String second = keys.create(secondStaff, unique("second embargo key"), Role.EDITOR);
        long id = publishing.draft(ArticleDraft.of(unique("API embargo"), "", "Body."));
        Instant embargo = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        assertThat(apiPut(first, "/api/v1/articles/" + id + "/release", "{\"embargoUntil\": \"" + embargo + "\", \"sensitive\": true}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> lifted = apiPut(first, "/api/v1/articles/" + id + "/release", "{\"embargoUntil\": null, \"reason\": \"Wires have it.\"}");
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(202);
        assertThat(lifted.body()).contains("\"status\":\"waiting\"", "\"kind\":\"lifted\"", "Wires have it.");
        assertThat(releases.hold(id).embargoUntil()).isEqualTo(embargo);
        long change = releases.waitingEmbargoChanges().stream().filter(c -> c.articleId() == id).findFirst().orElseThrow().id();

        assertThat(api(first, "/api/v1/embargo-changes/" + change + "/approve", "{}").statusCode()).isEqualTo(422);
        String author = keys.create(ownerStaff(), unique("author embargo key"), Role.AUTHOR);
        assertThat(api(author, "/api/v1/embargo-changes/" + change + "/approve", "{}").statusCode()).isEqualTo(403);
        assertThat(releases.hold(id).embargoUntil()).isEqualTo(embargo);

        HttpResponse<String> approved = api(second, "/api/v1/embargo-changes/" + change + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"embargoUntil\":null", "\"status\":\"approved\"");
        assertThat(releases.hold(id).embargoUntil()).isNull();
    }
}
