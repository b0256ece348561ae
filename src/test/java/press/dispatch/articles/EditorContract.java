package press.dispatch.articles;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import press.dispatch.accounts.Role;
import press.dispatch.comments.CommentForm;
import press.dispatch.comments.Moderation;
import press.dispatch.media.Cataloguing;
import press.dispatch.media.MediaItem;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The newsroom editor through its forms, on each database. */
abstract class EditorContract extends NewsroomTest {

    @org.springframework.beans.factory.annotation.Autowired
    Moderation moderation;

    @org.springframework.beans.factory.annotation.Autowired
    Stories stories;

    @org.springframework.beans.factory.annotation.Autowired
    Cataloguing cataloguing;

    private static Map<String, String> article(String headline, String body, String action, int version) {
        Map<String, String> form = new HashMap<>();
        form.put("headline", headline);
        form.put("standfirst", "A standfirst.");
        form.put("body", body);
        form.put("tags", "Defence, Trials");
        form.put("commentsOpen", "true");
        form.put("action", action);
        form.put("version", Integer.toString(version));
        return form;
    }

    private static long idFrom(AdminSession.Response saved) {
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        return Long.parseLong(saved.location().replace("/admin/articles/", ""));
    }

    private static int versionOf(AdminSession session, long id) {
        Document editor = session.get("/admin/articles/" + id).page();
        return Integer.parseInt(editor.selectFirst("input[name=version]").val());
    }

    @Test
    void everySaveKeepsARevisionThatCanBeComparedAndRestored() {
        AdminSession owner = owner();
        long id = idFrom(owner.post("/admin/articles", article("Radar upgrade approved", "The first version.", "save", 0)));
        assertThat(owner.post("/admin/articles/" + id, article("Radar upgrade approved", "The second version.", "save", versionOf(owner, id)))
                .status()).isEqualTo(302);
        assertThat(owner.post("/admin/articles/" + id, article("Radar upgrade delayed", "The third version.", "save", versionOf(owner, id)))
                .status()).isEqualTo(302);

        Document revisions = owner.get("/admin/articles/" + id + "/revisions").page();
        assertThat(revisions.select("tbody tr")).hasSize(3);
        assertThat(revisions.select("tbody tr").first().text()).contains("3").contains(ownerStaff().displayName());

        Document diff = owner.get("/admin/articles/" + id + "/diff?from=1&to=3").page();
        assertThat(diff.select("del").eachText()).contains("first", "approved");
        assertThat(diff.select("ins").eachText()).contains("third", "delayed");

        assertThat(owner.post("/admin/articles/" + id + "/revisions/1/restore", Map.of("version", Integer.toString(versionOf(owner, id))))
                .status()).isEqualTo(302);
        assertThat(publishing.get(id).headline()).isEqualTo("Radar upgrade approved");
        assertThat(publishing.get(id).bodyMarkdown()).isEqualTo("The first version.");
        assertThat(owner.get("/admin/articles/" + id + "/revisions").page().select("tbody tr")).as("a restore is a new revision").hasSize(4);
    }

    @Test
    void aRevisionWhosePhotoIsGoneIsRestoredWithoutItAndTheDeskSaysSo() {
        AdminSession owner = owner();
        MediaItem deleted = photo("A photo deleted later");
        Map<String, String> withPhoto = article("Frigate trials begin", "With a photo.", "save", 0);
        withPhoto.put("featuredMediaId", Long.toString(deleted.id()));
        long id = idFrom(owner.post("/admin/articles", withPhoto));
        assertThat(publishing.get(id).featuredMediaId()).isEqualTo(deleted.id());
        assertThat(owner.post("/admin/articles/" + id, article("Frigate trials begin", "Without a photo.", "save", versionOf(owner, id)))
                .status()).isEqualTo(302);
        assertThat(cataloguing.delete(deleted.id())).as("revision 1 is history, not a use").isTrue();
        clock.advance(Duration.ofMinutes(5));
        // On SQLite the next upload takes the deleted photo's id; restoring revision 1 must not show it.
        MediaItem later = photo("A photo uploaded afterwards");

        assertThat(owner.post("/admin/articles/" + id + "/revisions/1/restore", Map.of("version", Integer.toString(versionOf(owner, id))))
                .status()).as("not a 500 for a reference that is gone").isEqualTo(302);
        assertThat(publishing.get(id).bodyMarkdown()).isEqualTo("With a photo.");
        assertThat(publishing.get(id).featuredMediaId()).as("neither the deleted photo nor " + later.id()).isNull();
        assertThat(owner.get("/admin/articles/" + id).page().select(".notice").text())
                .contains("Revision 1 restored").contains("Left out: its photo, deleted from the library since.");
    }

    @Test
    void twoPeopleEditingTheSameArticleNeverSilentlyOverwriteEachOther() {
        AdminSession owner = owner();
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = idFrom(owner.post("/admin/articles", article("Carrier group sails", "Original text.", "save", 0)));
        int opened = versionOf(owner, id);
        assertThat(versionOf(editor, id)).isEqualTo(opened);

        assertThat(editor.post("/admin/articles/" + id, article("Carrier group sails", "The editor's text.", "save", opened)).status())
                .isEqualTo(302);
        AdminSession.Response refused = owner.post("/admin/articles/" + id, article("Carrier group sails", "The owner's late text.", "save", opened));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.page().select(".conflict").text()).contains("was changed by Test Editor");
        assertThat(refused.page().selectFirst("textarea[name=body]").wholeText()).as("their text is kept").isEqualTo("The owner's late text.");
        assertThat(publishing.get(id).bodyMarkdown()).isEqualTo("The editor's text.");

        int offered = Integer.parseInt(refused.page().selectFirst("input[name=version]").val());
        assertThat(owner.post("/admin/articles/" + id, article("Carrier group sails", "The owner's late text.", "save", offered)).status())
                .as("saving again after reading the warning is a deliberate choice").isEqualTo(302);
        assertThat(publishing.get(id).bodyMarkdown()).isEqualTo("The owner's late text.");
    }

    @Test
    void aChangedSlugKeepsTheOldAddressWorkingWithAPermanentRedirect() {
        AdminSession owner = owner();
        long id = idFrom(owner.post("/admin/articles", article("Drone trial ends early", "Text.", "publish", 0)));
        String oldSlug = publishing.get(id).slug();
        Map<String, String> form = article("Drone trial ends early", "Text.", "publish", versionOf(owner, id));
        form.put("slug", "drone-trial-ends");
        assertThat(owner.post("/admin/articles/" + id, form).status()).isEqualTo(302);

        var moved = browser.get("/articles/" + oldSlug);
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.header("Location")).endsWith("/articles/drone-trial-ends");
        assertThat(browser.get("/articles/drone-trial-ends").status()).isEqualTo(200);

        Map<String, String> taken = article("Another story", "Text.", "save", 0);
        taken.put("slug", "drone-trial-ends");
        AdminSession.Response clash = owner.post("/admin/articles", taken);
        assertThat(clash.status()).as("a slug in use is refused").isEqualTo(422);
        assertThat(clash.page().select(".problem").text()).contains("already uses the slug");
    }

    @Test
    void aContributorSubmitsForReviewAndAnEditorSendsItBackThenPublishesIt() {
        AdminSession contributor = signedIn(staffMember(Role.CONTRIBUTOR), PASSWORD);
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        assertThat(contributor.post("/admin/articles", article("Field report", "Notes.", "publish", 0)).status())
                .as("contributors cannot publish").isEqualTo(403);
        long id = idFrom(contributor.post("/admin/articles", article("Field report", "Notes from the field.", "submit", 0)));

        Document queue = editor.get("/admin/review").page();
        assertThat(queue.select("tbody tr").text()).contains("Field report");
        assertThat(editor.post("/admin/review/" + id + "/return", Map.of("note", "Name your sources, please.")).status()).isEqualTo(302);
        assertThat(contributor.get("/admin/articles/" + id).page().select(".conflict").text()).contains("Name your sources, please.");
        assertThat(editor.get("/admin/review").page().select("tbody tr").text()).doesNotContain("Field report");

        assertThat(contributor.post("/admin/articles/" + id, article("Field report", "Notes, with sources.", "submit", versionOf(contributor, id)))
                .status()).isEqualTo(302);
        assertThat(editor.post("/admin/review/" + id + "/publish", Map.of()).status()).isEqualTo(302);
        assertThat(publishing.get(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(contributor.get("/admin/articles/" + id).status()).as("a contributor cannot change a published article").isEqualTo(403);
    }

    @Test
    void anAuthorPublishesTheirOwnArticleButCannotOpenSomeoneElses() {
        AdminSession author = signedIn(staffMember(Role.AUTHOR), PASSWORD);
        long own = idFrom(author.post("/admin/articles", article("Own story", "Text.", "publish", 0)));
        assertThat(publishing.get(own).status()).isEqualTo(ArticleStatus.PUBLISHED);
        long other = idFrom(owner().post("/admin/articles", article("Owner's story", "Text.", "save", 0)));
        assertThat(author.get("/admin/articles/" + other).status()).isEqualTo(403);
        assertThat(author.get("/admin/articles").page().text()).contains("Own story").doesNotContain("Owner's story");
    }

    @Test
    void aScheduledArticleGoesLiveOnTimeAndTheTrashTakesItOffTheSite() {
        AdminSession owner = owner();
        String zone = settingsZone();
        String at = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(2)), ZoneId.of(zone))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        Map<String, String> form = article("Budget vote tonight", "Text.", "schedule", 0);
        form.put("publishAt", at);
        long id = idFrom(owner.post("/admin/articles", form));
        String slug = publishing.get(id).slug();
        assertThat(browser.get("/articles/" + slug).status()).isEqualTo(404);

        clock.advance(Duration.ofMinutes(3));
        publishing.publishDue();
        assertThat(browser.get("/articles/" + slug).status()).isEqualTo(200);

        Map<String, String> past = article("Too late", "Text.", "schedule", 0);
        past.put("publishAt", "2001-01-01T10:00");
        AdminSession.Response refused = owner.post("/admin/articles", past);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().selectFirst("input[name=headline]").val()).isEqualTo("Too late");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM articles WHERE headline = 'Too late'").query(Long.class).single())
                .as("nothing half-written").isZero();

        assertThat(owner.post("/admin/articles/" + id, Map.of("action", "trash")).status()).isEqualTo(302);
        assertThat(browser.get("/articles/" + slug).status()).isEqualTo(404);
        assertThat(owner.get("/admin/articles?status=trash").page().text()).contains("Budget vote tonight");
    }

    @Test
    void aHeldCommentIsReportedToTheStaffInTheArticlesBylineWithALinkToTheQueue() {
        String authorEmail = staffMember(Role.AUTHOR);
        AdminSession author = signedIn(authorEmail, PASSWORD);
        long id = idFrom(author.post("/admin/articles", article("Reader questions welcome", "Text.", "publish", 0)));
        Story story = stories.findById(id).orElseThrow();
        String token = moderation.formToken(id);
        clock.advance(Duration.ofSeconds(10));
        var outcome = moderation.submit(story, new CommentForm("A first comment from a new reader.", "New Reader", "new-reader@example.org", "",
                false, false, null, token, ""), "192.0.2.1");
        assertThat(outcome.status()).isEqualTo("pending");
        String notice = jdbc.sql("SELECT text_body FROM outbox WHERE recipient = :to AND subject LIKE 'Comment held%'").param("to", authorEmail)
                .query(String.class).single();
        assertThat(notice).contains("New Reader").contains("/admin/comments?status=pending#comment-" + outcome.commentId());
    }

    @Test
    void aStaffMemberSetsTheirBylineWithAPortraitAndReadersSeeIt() {
        AdminSession author = signedIn(staffMember(Role.AUTHOR), PASSWORD);
        long portrait = photo("Portrait of the defence correspondent").id();
        AdminSession.Response refused = author.post("/admin/byline", Map.of("displayName", "", "bio", "x".repeat(1001), "photoMediaId", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().selectFirst("textarea[name=bio]").wholeText()).hasSize(1001);

        assertThat(author.post("/admin/byline", Map.of("displayName", "Dana Whitfield", "bio", "Defence correspondent since 2015.",
                "photoMediaId", Long.toString(portrait))).status()).isEqualTo(302);
        String href = author.get("/admin/byline").page().select("a[href^=/authors/]").attr("href");
        idFrom(author.post("/admin/articles", article("Dana's dispatch", "Text.", "publish", 0)));
        Document page = browser.get(href).page();
        assertThat(page.select("h1").text()).isEqualTo("Dana Whitfield");
        assertThat(page.select(".listing-header .standfirst").text()).isEqualTo("Defence correspondent since 2015.");
        assertThat(page.selectFirst("img.portrait").attr("src")).startsWith("/media/");
        assertThat(page.text()).contains("Dana's dispatch");
        assertThat(owner().get("/admin/staff").page().text()).as("the staff list shows the new name").contains("Dana Whitfield");
    }

    @Test
    void keptForLaterChangesToAPublishedArticleStayOffTheLivePageUntilPublished() {
        AdminSession owner = owner();
        long id = idFrom(owner.post("/admin/articles", article("Submarine contract signed", "The live text.", "publish", 0)));
        String slug = publishing.get(id).slug();
        assertThat(browser.get("/articles/" + slug).page().select("article").text()).contains("The live text.");

        Document editor = owner.get("/admin/articles/" + id).page();
        assertThat(editor.select("button[value=save]").text()).isEqualTo("Keep for later");
        assertThat(editor.select("button[value=publish]").text()).isEqualTo("Update");
        assertThat(editor.select(".live-version").text()).contains("Readers see revision 1");

        assertThat(owner.post("/admin/articles/" + id, article("Submarine contract signed", "The corrected text.", "save", versionOf(owner, id)))
                .status()).isEqualTo(302);
        assertThat(browser.get("/articles/" + slug).page().select("article").text()).as("the live page is unchanged")
                .contains("The live text.").doesNotContain("The corrected text.");
        assertThat(publishing.get(id).bodyMarkdown()).isEqualTo("The live text.");

        Document kept = owner.get("/admin/articles/" + id).page();
        assertThat(kept.selectFirst("textarea[name=body]").wholeText()).as("the editor goes on with the kept changes").isEqualTo("The corrected text.");
        assertThat(kept.select(".live-version").text()).contains("Readers see revision 1");
        assertThat(kept.select(".pending-version").text()).contains("revision 2").contains("not live");
        assertThat(owner.get("/admin/articles/" + id + "/preview").page().select("article").text()).as("the preview shows the kept changes")
                .contains("The corrected text.");
        Document revisions = owner.get("/admin/articles/" + id + "/revisions").page();
        assertThat(revisions.select("tbody tr").get(0).text()).startsWith("2 kept for later, not live");
        assertThat(revisions.select("tbody tr").get(1).text()).startsWith("1 live");

        assertThat(owner.post("/admin/articles/" + id + "/pending/publish", Map.of("version", Integer.toString(versionOf(owner, id)))).status())
                .isEqualTo(302);
        assertThat(browser.get("/articles/" + slug).page().select("article").text()).as("the cached page was purged")
                .contains("The corrected text.").doesNotContain("The live text.");
        Document published = owner.get("/admin/articles/" + id).page();
        assertThat(published.select(".pending-version")).isEmpty();
        assertThat(published.select(".live-version").text()).contains("Readers see revision 2");
    }

    @Test
    void discardedChangesNeverReachTheLivePageAndTheEditorShowsTheLiveTextAgain() {
        AdminSession owner = owner();
        long id = idFrom(owner.post("/admin/articles", article("Tanker fleet renewed", "The live text.", "publish", 0)));
        String slug = publishing.get(id).slug();
        assertThat(owner.post("/admin/articles/" + id, article("Tanker fleet cancelled", "A mistaken text.", "save", versionOf(owner, id)))
                .status()).isEqualTo(302);

        assertThat(owner.post("/admin/articles/" + id + "/pending/discard", Map.of("version", Integer.toString(versionOf(owner, id)))).status())
                .isEqualTo(302);
        Document editor = owner.get("/admin/articles/" + id).page();
        assertThat(editor.select(".pending-version")).isEmpty();
        assertThat(editor.selectFirst("input[name=headline]").val()).isEqualTo("Tanker fleet renewed");
        assertThat(editor.selectFirst("textarea[name=body]").wholeText()).isEqualTo("The live text.");
        assertThat(browser.get("/articles/" + slug).page().select("article h1").text()).isEqualTo("Tanker fleet renewed");
        assertThat(owner.post("/admin/articles/" + id + "/pending/publish", Map.of("version", Integer.toString(versionOf(owner, id)))).status())
                .as("nothing is left to publish").isEqualTo(302);
        assertThat(browser.get("/articles/" + slug).page().select("article").text()).doesNotContain("A mistaken text.");
    }

    @Test
    void aFormSentAfterTheSessionEndedSavesNothingButShowsWhatWasWrittenAndHowToSignInAgain() {
        AdminSession owner = owner();
        long id = idFrom(owner.post("/admin/articles", article("Bridge repaired", "The first text.", "save", 0)));
        String token = owner.csrf(); // the token the open editor holds
        Map<String, String> form = new java.util.LinkedHashMap<>(article("Bridge repaired", "An hour of <b>careful</b> work.", "save",
                versionOf(owner, id)));
        owner.post("/admin/sign-out", Map.of()); // as in another tab, or after the idle timeout
        form.put("_csrf", token);

        AdminSession.Response answer = owner.postForm("/admin/articles/" + id, form);
        assertThat(answer.status()).isEqualTo(403);
        Document page = answer.page();
        assertThat(page.select("h1").text()).isEqualTo("Your session ended");
        assertThat(page.select("textarea").stream().map(org.jsoup.nodes.Element::wholeText))
                .contains("An hour of <b>careful</b> work.", "Bridge repaired").doesNotContain(token);
        assertThat(page.select("textarea b")).as("what was sent is shown as text").isEmpty();
        assertThat(page.select("a[href^=/admin/sign-in]").attr("href")).isEqualTo("/admin/sign-in?next=%2Fadmin%2Farticles%2F" + id);
        assertThat(publishing.get(id).bodyMarkdown()).isEqualTo("The first text.");
    }

    @Test
    void aButtonTheEditorDoesNotHaveIsRefusedAndChangesNothingLive() {
        AdminSession owner = owner();
        long id = idFrom(owner.post("/admin/articles", article("Radar site sold", "The live text.", "publish", 0)));
        String slug = publishing.get(id).slug();
        AdminSession.Response answer = owner.post("/admin/articles/" + id, article("Radar site sold", "A hand-made change.", "bogus", versionOf(owner, id)));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().text()).contains("Press one of the editor's buttons");
        assertThat(answer.page().selectFirst("textarea[name=body]").wholeText()).as("the text is kept").isEqualTo("A hand-made change.");
        assertThat(browser.get("/articles/" + slug).page().select("article").text()).contains("The live text.").doesNotContain("A hand-made change.");
        assertThat(publishing.get(id).bodyMarkdown()).isEqualTo("The live text.");
    }

    @Test
    void updateOnAPublishedArticleChangesTheLivePageAtOnce() {
        AdminSession owner = owner();
        long id = idFrom(owner.post("/admin/articles", article("Air base reopens", "The first text.", "publish", 0)));
        String slug = publishing.get(id).slug();
        assertThat(browser.get("/articles/" + slug).page().select("article").text()).contains("The first text.");
        assertThat(owner.post("/admin/articles/" + id, article("Air base reopens", "The updated text.", "publish", versionOf(owner, id))).status())
                .isEqualTo(302);
        assertThat(browser.get("/articles/" + slug).page().select("article").text()).contains("The updated text.");
        assertThat(owner.get("/admin/articles/" + id).page().select(".live-version").text()).contains("Readers see revision 2");
    }

    @Test
    void theAdminApiKeepsAnUpdateToAPublishedArticlePendingUntilItIsPublished() throws Exception {
        AdminSession owner = owner();
        AdminSession.Response made = owner.post("/admin/api-keys", Map.of("name", unique("bridge"), "role", "editor"));
        String key = made.page().selectFirst("#new-key").text();
        long id = idFrom(owner.post("/admin/articles", article("Radar station opens", "The live text.", "publish", 0)));
        String slug = publishing.get(id).slug();
        int version = versionOf(owner, id);

        var put = api("PUT", "/api/v1/articles/" + id, key, """
                {"headline": "Radar station opens", "standfirst": "A standfirst.", "body": "The API's text.", "version": %d}""".formatted(version));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"pendingRevision\":2");
        assertThat(browser.get("/articles/" + slug).page().select("article").text()).contains("The live text.").doesNotContain("The API's text.");

        var published = api("POST", "/api/v1/articles/" + id + "/publish", key, "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).contains("\"pendingRevision\":null");
        assertThat(browser.get("/articles/" + slug).page().select("article").text()).contains("The API's text.");
    }

    @Test
    void aPreviewSaysItIsAPreviewAndLinksBackToTheEditor() {
        AdminSession owner = owner();
        long id = idFrom(owner.post("/admin/articles", article("Draft about drones", "Draft text.", "save", 0)));
        Document preview = owner.get("/admin/articles/" + id + "/preview").page();
        assertThat(preview.select(".preview-banner").text()).contains("Preview").contains("not public");
        assertThat(preview.select(".preview-banner a[href=/admin/articles/" + id + "]").text()).isEqualTo("Back to the editor");
        assertThat(preview.select("article .preview-banner")).as("the banner is not part of the article's text").isEmpty();

        owner.post("/admin/articles/" + id, article("Draft about drones", "Draft text.", "publish", versionOf(owner, id)));
        assertThat(browser.get("/articles/" + publishing.get(id).slug()).page().select(".preview-banner")).as("readers see no banner").isEmpty();
    }

    private java.net.http.HttpResponse<String> api(String method, String path, String key, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private String settingsZone() {
        return jdbc.sql("SELECT value FROM site_settings WHERE key = 'site.time_zone'").query(String.class).optional().orElse("UTC");
    }
}
