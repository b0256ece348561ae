package press.dispatch.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import press.dispatch.accounts.Role;
import press.dispatch.accounts.Staff;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Editing;
import press.dispatch.media.MediaItem;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live coverage as readers and the newsroom see it, run against SQLite and PostgreSQL by the subclasses: the
 * timeline on the article page (complete without JavaScript), its JSON-LD, the page cache, who may post, and the
 * readers' stream with its resumption after a broken connection.
 */
abstract class LiveContract extends NewsroomTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    LiveCoverage live;

    @Autowired
    Editing editing;

    private String reporterEmail;
    Staff reporter;
    long article;

    @BeforeEach
    void aLivePageByAReporter() {
        reporterEmail = staffMember(Role.AUTHOR);
        reporter = staff(reporterEmail);
        article = editing.create(reporter, ArticleDraft.of(unique("Ceasefire talks live"), "Follow the talks as they happen.", "The talks resume today."));
        publishing.publish(article);
        live.start(staff(OWNER_EMAIL), article);
    }

    /** The port readers' streams are on: the site's own, unless a subclass gives them one of their own. */
    int streamPort() {
        return port;
    }

    Staff staff(String email) {
        return accounts.list().stream().filter(a -> a.email().equals(email)).findFirst()
                .map(a -> new Staff(a.id(), a.email(), a.displayName(), a.role(), 0, null)).orElseThrow();
    }

    private String path() {
        return "/articles/" + slugOf(article);
    }

    Document page() {
        Browser.Response answer = browser.get(path());
        assertThat(answer.status()).isEqualTo(200);
        return answer.page();
    }

    private static List<String> entryTexts(Document page) {
        return page.select(".live-timeline .live-entries > li.live-entry").stream().map(li -> li.select(".live-text").text()).toList();
    }

    @Test
    void everyEntryIsOnThePageNewestFirstWithoutJavaScript() {
        for (int i = 1; i <= 12; i++) {
            live.post(reporter, article, EntryInput.text("Update number " + i + "."));
        }
        Document page = page();
        List<String> expected = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            expected.add("Update number " + i + ".");
        }
        assertThat(entryTexts(page)).containsExactlyElementsOf(expected);
        assertThat(page.selectFirst(".live-timeline a.live-refresh").attr("href")).isEqualTo(path() + "#live");
        assertThat(page.selectFirst(".live-timeline .live-author").text()).isEqualTo("Test Author");
    }

    @Test
    void anEntryCarriesAPhotoAQuoteAndAnEmbedKeptAsALink() {
        MediaItem photo = photo("Delegates arrive at the venue.");
        live.post(reporter, article, new EntryInput("Delegates *arrive*.", photo.id(), "We are close to a deal.", "A mediator",
                "https://video.example/watch?v=abc", false));
        Element entry = page().selectFirst(".live-entry");
        assertThat(entry.select(".live-text em").text()).isEqualTo("arrive");
        assertThat(entry.selectFirst(".live-photo img").attr("src")).contains("/media/");
        assertThat(entry.select(".live-photo figcaption .caption").text()).isEqualTo("Delegates arrive at the venue.");
        assertThat(entry.select("blockquote.live-quote p").text()).isEqualTo("We are close to a deal.");
        assertThat(entry.select("blockquote.live-quote cite").text()).isEqualTo("A mediator");
        Element link = entry.selectFirst(".live-embed a");
        assertThat(link.attr("href")).isEqualTo("https://video.example/watch?v=abc");
        assertThat(link.attr("rel")).contains("nofollow");
        assertThat(entry.select("iframe, script")).isEmpty();
    }

    @Test
    void rawHtmlInAnEntryIsShownAsTextAndUnsafeLinksAreRefused() {
        live.post(reporter, article, EntryInput.text("<script>alert(1)</script> and <img src=x onerror=alert(2)>"));
        Element entry = page().selectFirst(".live-entry");
        assertThat(entry.select("script, img")).isEmpty();
        assertThat(entry.select(".live-text").text()).contains("<script>alert(1)</script>");
        AdminSession session = signedIn(reporterEmail, PASSWORD);
        AdminSession.Response refused = session.post("/admin/live/" + article + "/entries", Map.of("text", "", "embedUrl", "javascript:alert(1)"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text()).contains("https://");
        assertThat(refused.page().selectFirst("#live-embed").attr("value")).isEqualTo("javascript:alert(1)");
    }

    @Test
    void aPinnedEntryIsListedAsAKeyEventAtTheTop() {
        live.post(reporter, article, EntryInput.text("Routine update."));
        Entry key = live.post(reporter, article, new EntryInput("Both sides sign the **agreement**.", null, "", "", "", false));
        live.pin(reporter, article, key.id(), true);
        Document page = page();
        Element keyEvents = page.selectFirst(".live-timeline .live-key-events");
        assertThat(keyEvents.select("li a").text()).as("inline markup leaves no space before the full stop")
                .contains("Both sides sign the agreement.");
        assertThat(keyEvents.selectFirst("li a").attr("href")).isEqualTo("#entry-" + key.id());
        assertThat(page.select("#entry-" + key.id() + " .key-event-label").text()).isEqualTo("Key event");
    }

    @Test
    void anEditedEntryIsMarkedEditedWithItsTimeAndADeletedOneIsGone() {
        Entry first = live.post(reporter, article, EntryInput.text("Casualty figures: 12."));
        Entry second = live.post(reporter, article, EntryInput.text("A mistaken update."));
        clock.advance(java.time.Duration.ofMinutes(7));
        live.edit(reporter, article, first.id(), EntryInput.text("Casualty figures: 14."));
        live.delete(reporter, article, second.id());
        Document page = page();
        assertThat(entryTexts(page)).containsExactly("Casualty figures: 14.");
        Element edited = page.selectFirst("#entry-" + first.id() + " .live-edited");
        assertThat(edited.text()).startsWith("Edited");
        assertThat(edited.selectFirst("time").attr("datetime")).isNotEqualTo(page.selectFirst("#entry-" + first.id() + " .live-time time").attr("datetime"));
    }

    @Test
    void theLivePageIsServedFromTheCacheAndANewEntryPurgesIt() {
        live.post(reporter, article, EntryInput.text("Before the purge."));
        Browser.Response first = browser.get(path());
        Browser.Response second = browser.get(path());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("Cache-Control")).isEqualTo("public, no-cache");
        live.post(reporter, article, EntryInput.text("After the purge."));
        assertThat(entryTexts(page())).containsExactly("After the purge.", "Before the purge.");
    }

    @Test
    void staffOutsideTheBylineMayNotPostButEditorsMay() {
        AdminSession outsider = signedIn(staffMember(Role.AUTHOR), PASSWORD);
        assertThat(outsider.post("/admin/live/" + article + "/entries", Map.of("text", "Not my story.")).status()).isEqualTo(403);
        assertThat(outsider.get("/admin/live/" + article).status()).isEqualTo(403);
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        AdminSession.Response posted = editor.post("/admin/live/" + article + "/entries", Map.of("text", "From the desk."));
        assertThat(posted.status()).isEqualTo(302);
        AdminSession.Response reporterDesk = signedIn(reporterEmail, PASSWORD).get("/admin/live/" + article);
        assertThat(reporterDesk.status()).isEqualTo(200);
        assertThat(reporterDesk.page().select(".live-desk-entries .live-text").text()).contains("From the desk.");
        assertThat(entryTexts(page())).containsExactly("From the desk.");
    }

    @Test
    void theReporterPostsPinsAndDeletesFromTheLiveDeskWithoutJavaScript() {
        AdminSession session = signedIn(reporterEmail, PASSWORD);
        Document editor = session.get("/admin/articles/" + article).page();
        assertThat(editor.select(".live-panel a[href='/admin/live/" + article + "']")).isNotEmpty();
        Document desk = session.get("/admin/live/" + article).page();
        assertThat(desk.select("form#live-composer textarea[name=text]")).isNotEmpty();
        assertThat(session.post("/admin/live/" + article + "/entries", Map.of("text", "Talks adjourn.", "pinned", "true")).status()).isEqualTo(302);
        long id = live.entries(article).get(0).id();
        assertThat(page().select(".live-key-events li a").text()).contains("Talks adjourn.");
        assertThat(session.post("/admin/live/" + article + "/entries/" + id + "/pin", Map.of("pinned", "false")).status()).isEqualTo(302);
        assertThat(page().select(".live-key-events")).isEmpty();
        assertThat(session.post("/admin/live/" + article + "/entries/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(entryTexts(page())).isEmpty();
    }

    @Test
    void thePageDescribesItselfAsALiveBlogPostingWithEachEntry() {
        Entry entry = live.post(reporter, article, EntryInput.text("Talks resume at the palace."));
        JsonNode posting = liveBlogPosting(page());
        assertThat(posting.path("coverageStartTime").asString()).isNotEmpty();
        assertThat(posting.has("coverageEndTime")).isFalse();
        JsonNode update = posting.path("liveBlogUpdate").get(0);
        assertThat(update.path("@type").asString()).isEqualTo("BlogPosting");
        assertThat(update.path("headline").asString()).isEqualTo("Talks resume at the palace.");
        assertThat(update.path("articleBody").asString()).isEqualTo("Talks resume at the palace.");
        assertThat(update.path("url").asString()).endsWith(path() + "#entry-" + entry.id());
        assertThat(update.path("author").path("name").asString()).isEqualTo("Test Author");
        assertThat(update.path("datePublished").asString()).isNotEmpty();

        live.end(staff(OWNER_EMAIL), article);
        assertThat(liveBlogPosting(page()).path("coverageEndTime").asString()).isNotEmpty();
    }

    @Test
    void aNewEntryMovesTheArticlesModifiedTimeEverywhereItIsGiven() {
        clock.advance(java.time.Duration.ofMinutes(7));
        java.time.Instant posted = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        live.post(reporter, article, EntryInput.text("Delegations break for lunch."));
        Document page = page();
        assertThat(java.time.OffsetDateTime.parse(liveBlogPosting(page).path("dateModified").asString()).toInstant()).isEqualTo(posted);
        assertThat(java.time.OffsetDateTime.parse(page.select("meta[property=article:modified_time]").attr("content")).toInstant())
                .as("the sharing card's time agrees with the structured data").isEqualTo(posted);
        assertThat(publishing.get(article).updatedAt()).as("what the sitemap's lastmod and the feed entry read")
                .isEqualTo(clock.instant());
    }

    private static JsonNode liveBlogPosting(Document page) {
        List<JsonNode> found = new ArrayList<>();
        page.select("script[type=application/ld+json]").forEach(s -> {
            JsonNode node = JSON.readTree(s.data());
            if ("LiveBlogPosting".equals(node.path("@type").asString())) {
                found.add(node);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void endingTheCoverageFreezesThePageAsAnArticleWithItsTimeline() {
        live.post(reporter, article, EntryInput.text("The last update."));
        try (EventStream stream = new EventStream(streamPort(), LiveStream.path(article), null)) {
            assertThat(stream.status()).isEqualTo(200);
            live.end(staff(OWNER_EMAIL), article);
            EventStream.Event ended = stream.next();
            assertThat(ended.type()).isEqualTo("ended");
            assertThat(stream.next().type()).isEqualTo("closed");
        }
        Document page = page();
        assertThat(entryTexts(page)).containsExactly("The last update.");
        assertThat(page.selectFirst(".live-timeline").hasAttr("data-stream")).isFalse();
        assertThat(page.select("script[src='/assets/live.js']")).isEmpty();
        assertThat(page.select(".live-timeline .live-status").text()).contains("it has ended");
        try (EventStream stream = new EventStream(streamPort(), LiveStream.path(article), null)) {
            assertThat(stream.status()).as("a browser stops reconnecting on 204").isEqualTo(204);
        }
        AdminSession session = signedIn(reporterEmail, PASSWORD);
        assertThat(session.post("/admin/live/" + article + "/entries", Map.of("text", "Too late.")).status()).isEqualTo(422);
    }

    @Test
    void aNewEntryReachesAnOpenStreamAsOneEventWithItsHtml() {
        String after = page().selectFirst(".live-timeline").attr("data-after");
        try (EventStream stream = new EventStream(streamPort(), LiveStream.path(article) + "?after=" + after, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("Cache-Control")).isEqualTo("no-store");
            assertThat(stream.header("Content-Security-Policy")).contains("script-src 'self'");
            Entry entry = live.post(reporter, article, EntryInput.text("Breaking: talks collapse."));
            EventStream.Event event = stream.next();
            assertThat(event.type()).isEqualTo("entry");
            assertThat(event.id()).isEqualTo(Long.toString(entry.sequence()));
            JsonNode data = JSON.readTree(event.data());
            assertThat(data.path("id").asLong()).isEqualTo(entry.id());
            assertThat(org.jsoup.Jsoup.parseBodyFragment(data.path("html").asString()).select("#entry-" + entry.id() + " .live-text").text())
                    .isEqualTo("Breaking: talks collapse.");
        }
    }

    @Test
    void aReaderWhoReconnectsWithTheLastEventIdMissesNothing() {
        Entry seen = live.post(reporter, article, EntryInput.text("Seen before the break."));
        String lastId;
        try (EventStream stream = new EventStream(streamPort(), LiveStream.path(article) + "?after=0", null)) {
            EventStream.Event event = stream.next();
            assertThat(JSON.readTree(event.data()).path("id").asLong()).isEqualTo(seen.id());
            Entry during = live.post(reporter, article, EntryInput.text("Seen live."));
            event = stream.next();
            assertThat(JSON.readTree(event.data()).path("id").asLong()).isEqualTo(during.id());
            lastId = event.id();
        }
        // While the reader's connection is broken: two new entries, an edit and a deletion.
        Entry third = live.post(reporter, article, EntryInput.text("Third, missed."));
        Entry fourth = live.post(reporter, article, EntryInput.text("Fourth, missed."));
        live.edit(reporter, article, third.id(), EntryInput.text("Third, missed and corrected."));
        live.delete(reporter, article, seen.id());

        try (EventStream resumed = new EventStream(streamPort(), LiveStream.path(article) + "?after=0", lastId)) {
            // Applied as the page's script applies them, until the last change made during the break has arrived.
            Map<Long, String> shown = new java.util.LinkedHashMap<>();
            List<Long> ids = new ArrayList<>();
            while (!"removed".equals(shown.get(seen.id()))) {
                EventStream.Event event = resumed.next();
                JsonNode data = JSON.readTree(event.data());
                ids.add(Long.parseLong(event.id()));
                shown.put(data.path("id").asLong(), event.type().equals("removed") ? "removed"
                        : org.jsoup.Jsoup.parseBodyFragment(data.path("html").asString()).select(".live-text").text());
            }
            assertThat(shown).containsOnly(Map.entry(third.id(), "Third, missed and corrected."), Map.entry(fourth.id(), "Fourth, missed."),
                    Map.entry(seen.id(), "removed"));
            assertThat(ids).as("in order, each after the last one seen").isSorted().allMatch(id -> id > Long.parseLong(lastId));
            // And the stream goes on from there.
            Entry fifth = live.post(reporter, article, EntryInput.text("Fifth, live again."));
            assertThat(JSON.readTree(resumed.next().data()).path("id").asLong()).isEqualTo(fifth.id());
        }
    }

    @Test
    void aReaderFurtherBehindThanTheStreamRemembersIsCaughtUpFromTheDatabase() {
        Entry first = live.post(reporter, article, EntryInput.text("First."));
        Entry second = live.post(reporter, article, EntryInput.text("Second."));
        live.delete(reporter, article, first.id());
        // No reader was connected: this node's broadcaster is made now and remembers nothing before it.
        try (EventStream stream = new EventStream(streamPort(), LiveStream.path(article), "0")) {
            EventStream.Event a = stream.next();
            EventStream.Event b = stream.next();
            assertThat(List.of(a.type() + " " + JSON.readTree(a.data()).path("id").asLong(), b.type() + " " + JSON.readTree(b.data()).path("id").asLong()))
                    .containsExactly("entry " + second.id(), "removed " + first.id());
        }
    }

    @Test
    void aStreamForAnArticleThatDoesNotExistOrThatReadersCannotSeeIsNotFound() {
        long draft = publishing.draft(ArticleDraft.of(unique("Never published"), "Standfirst.", "Body."));
        long none = draft + 1_000_000;
        for (long id : List.of(none, draft)) {
            try (EventStream stream = new EventStream(streamPort(), LiveStream.path(id), null)) {
                assertThat(stream.status()).as("article " + id + ", whose page is a 404").isEqualTo(404);
            }
            try (EventStream again = new EventStream(streamPort(), LiveStream.path(id), null)) {
                assertThat(again.status()).as("also when remembered as not live").isEqualTo(404);
            }
        }
        try (EventStream stream = new EventStream(streamPort(), LiveStream.path(article), null)) {
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    @Test
    void aStreamForAnArticleThatIsNotLiveAnswersNoContent() {
        long plain = publishedArticle(unique("Not live"), null);
        try (EventStream stream = new EventStream(streamPort(), LiveStream.path(plain), null)) {
            assertThat(stream.status()).isEqualTo(204);
        }
        assertThat(browser.get(path()).page().select(".live-timeline")).isNotEmpty();
        assertThat(browser.get("/articles/" + slugOf(plain)).page().select(".live-timeline")).isEmpty();
    }
}
