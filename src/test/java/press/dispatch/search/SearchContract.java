package press.dispatch.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Section;
import press.dispatch.articles.StoryTexts;
import press.dispatch.media.MediaItem;
import press.dispatch.testing.Browser;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader finds with the search page; run against SQLite (FTS5) and PostgreSQL (tsvector) by the subclasses,
 * which must give the same answers. Each test searches for made-up words of its own, so tests never see each other's
 * stories.
 */
@TestPropertySource(properties = "dispatch.search.per-minute=100000")
abstract class SearchContract extends NewsroomTest {

    private static final Random RANDOM = new Random();

    @Autowired
    Search search;

    @Autowired
    SearchIndexing indexing;

    @Autowired
    SearchIndex index;

    /** A made-up word no stemmer changes (consonants only, no s or y) and no other test uses. */
    static String nonce() {
        String letters = "bcdfghjklmnpqrtvwxz";
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return word.toString();
    }

    long story(String headline, String standfirst, String body) {
        long id = publishing.draft(ArticleDraft.of(headline, standfirst, body).withTags(List.of("Testing")));
        publishing.publish(id);
        return id;
    }

    List<String> headlinesFound(String query) {
        return search.search(SearchQuery.of(query)).hits().stream()
                .map(h -> String.join("", h.headline().stream().map(Fragment::text).toList())).toList();
    }

    Document searchPage(String query) {
        Browser.Response response = browser.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.status()).as(query).isEqualTo(200);
        return response.page();
    }

    @Test
    void searchPagesAskSearchEnginesNotToIndexThemButToFollowTheirLinksAndStoriesDoNot() {
        String word = nonce();
        long id = story("Convoy " + word, "Standfirst.", "Body.");
        Document results = browser.get("/search?q=" + word).page();
        assertThat(results.select(".results a").eachAttr("href")).contains("/articles/" + slugOf(id));
        assertThat(results.select("meta[name=robots]").eachAttr("content")).containsExactly("noindex, follow");
        assertThat(browser.get("/search").page().select("meta[name=robots]").eachAttr("content")).containsExactly("noindex, follow");
        assertThat(browser.get("/articles/" + slugOf(id)).page().select("meta[name=robots]")).isEmpty();
        assertThat(browser.get("/").page().select("meta[name=robots]")).isEmpty();
    }

    @Test
    void aMatchInTheHeadlineRanksAboveTheStandfirstAndTheStandfirstAboveTheBody() {
        String word = nonce();
        story("Body mention of radar upgrades", "Nothing here.", "The crews tested the " + word + " system overnight at the range.");
        story(word + " radar upgrade approved", "Officials sign the order.", "The crews tested the new system overnight.");
        story("Standfirst mention of radar", "A report on the " + word + " order.", "The crews tested the new system overnight.");

        assertThat(headlinesFound(word)).containsExactly(word + " radar upgrade approved", "Standfirst mention of radar",
                "Body mention of radar upgrades");
    }

    @Test
    void ofTwoEqualMatchesTheRecentStoryRanksFirst() {
        String word = nonce();
        long old = publishing.draft(ArticleDraft.of("Old report on " + word, "", "Text."));
        publishing.publishAt(old, clock.instant().minus(Duration.ofDays(400)));
        story("New report on " + word, "", "Text.");

        assertThat(headlinesFound(word)).containsExactly("New report on " + word, "Old report on " + word);
    }

    @Test
    void everyWordMustMatchAndQuotesFindOnlyThePhrase() {
        String first = nonce();
        String second = nonce();
        story("Together", "", "They said " + first + " " + second + " twice.");
        story("Apart", "", "They said " + second + " and then " + first + ".");
        story("Only one", "", "They said " + first + ".");

        assertThat(headlinesFound(first + " " + second)).containsExactlyInAnyOrder("Together", "Apart");
        assertThat(headlinesFound("\"" + first + " " + second + "\"")).containsExactly("Together");
    }

    @Test
    void wordsAreFoundInTheirOtherFormsAndCaseDoesNotMatter() {
        String word = nonce();
        story("Drones " + word, "", "Airstrikes continued as the ships were attacked.");

        assertThat(headlinesFound(word.toUpperCase() + " attacking")).containsExactly("Drones " + word);
        assertThat(headlinesFound(word + " ship")).containsExactly("Drones " + word);
    }

    @Test
    void tagsSectionCaptionsAndCreditsAreSearched() {
        String tagWord = nonce();
        String sectionWord = nonce();
        String captionWord = nonce();
        String creditWord = nonce();
        Section section = newsdesk.createSection("Desk " + sectionWord, "");
        MediaItem photo = photo("Library caption");
        long id = publishing.draft(ArticleDraft.of("Fielded at last", "", "Text.").withTags(List.of("Tag " + tagWord)).withSection(section.id())
                .withFeaturedPhoto(photo.id(), "Smoke over " + captionWord, "Photo: " + creditWord + " Agency", ""));
        publishing.publish(id);

        for (String word : List.of(tagWord, sectionWord, captionWord, creditWord)) {
            assertThat(headlinesFound(word)).as(word).containsExactly("Fielded at last");
        }
    }

    @Test
    void theSearchPageShowsHitsWithTheMatchingWordsMarkedAndEscaped() {
        String word = nonce();
        Section section = section("Air");
        long id = publishing.draft(ArticleDraft.of("<script>alert(1)</script> " + word + " & more", "",
                "Before the news. The " + word + " <b>arrived</b> today.").withSection(section.id()));
        publishing.publish(id);

        Document page = searchPage(word);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select(".result")).hasSize(1);
        assertThat(page.select(".result-headline a").attr("href")).isEqualTo("/articles/" + slugOf(id));
        assertThat(page.select(".result-headline").text()).isEqualTo("<script>alert(1)</script> " + word + " & more");
        assertThat(page.select(".result-headline mark").eachText()).containsExactly(word);
        assertThat(page.select(".snippet mark").eachText()).containsExactly(word);
        // SQLite shows the body's literal "<b>" as text; PostgreSQL's ts_headline drops text that looks like a tag.
        assertThat(page.select(".snippet").text()).contains("arrived");
        assertThat(page.select(".snippet b")).isEmpty();
        assertThat(page.select(".result .kicker a").attr("href")).isEqualTo("/sections/" + section.slug());
        assertThat(page.select(".result-count").text()).startsWith("1 story matches");
        assertThat(page.select("#search-q").val()).isEqualTo(word);
    }

    @Test
    void aSectionFilterAndADateRangeNarrowTheHits() {
        String word = nonce();
        Section land = section("Land");
        Section sea = section("Sea");
        long onLand = publishing.draft(ArticleDraft.of("Land " + word, "", "Text.").withSection(land.id()));
        publishing.publish(onLand);
        long atSea = publishing.draft(ArticleDraft.of("Sea " + word, "", "Text.").withSection(sea.id()));
        publishing.publishAt(atSea, Instant.parse("2020-03-10T12:00:00Z"));

        Document bySection = browser.get("/search?q=" + word + "&section=" + land.slug()).page();
        assertThat(bySection.select(".result-headline").eachText()).containsExactly("Land " + word);
        assertThat(bySection.select("#search-section option[selected]").val()).isEqualTo(land.slug());

        Document byDate = browser.get("/search?q=" + word + "&from=2020-03-01&to=2020-03-10").page();
        assertThat(byDate.select(".result-headline").eachText()).containsExactly("Sea " + word);
        Document afterIt = browser.get("/search?q=" + word + "&from=2020-03-11").page();
        assertThat(afterIt.select(".result-headline").eachText()).containsExactly("Land " + word);

        Document badDate = browser.get("/search?q=" + word + "&from=yesterday").page();
        assertThat(badDate.select(".problem").text()).contains("2026-11-30");
        assertThat(badDate.select(".result-headline")).hasSize(2);
    }

    @Test
    void manyHitsArePagedTenAtATime() {
        String word = nonce();
        for (int i = 0; i < 12; i++) {
            story("Report " + i + " " + word, "", "Text.");
        }
        Document first = searchPage(word);
        assertThat(first.select(".result")).hasSize(10);
        assertThat(first.select(".result-count").text()).startsWith("12 stories match");
        String next = first.select(".pagination a[rel=next]").attr("href");
        assertThat(next).contains("page=2");

        Document second = browser.get(next).page();
        assertThat(second.select(".result")).hasSize(2);
        assertThat(second.select(".pagination a[rel=prev]")).hasSize(1);
        assertThat(second.select(".pagination a[rel=next]")).isEmpty();
    }

    @Test
    void hostileInputGivesAPageAndNeverAnError() {
        String word = nonce();
        story("Hostile " + word, "", "Text about " + word + ".");
        StringBuilder junk = new StringBuilder();
        String nasty = "\"*()[]{}:^-+~'\\;%_<>&|!NEAR AND OR NOT \u0000\u0001\u001f\u2028";
        while (junk.length() < 10_000) {
            junk.append(nasty.charAt(RANDOM.nextInt(nasty.length())));
        }
        List<String> hostile = List.of("\"", "\"\"\"", "*", word + "*", "NEAR(" + word + " text)", word + " NEAR text", "AND", "OR NOT",
                "((((" + word, word + ")))", "[" + word, "{" + word + "}", "'; DROP TABLE search_documents; --", "-" + word, "^" + word,
                "headline:" + word, word + ":*", "!" + word + " & | <->", "\\", "%_%", "\u0000" + word + "\u0007", "a".repeat(10_000),
                junk.toString(), (word + " ").repeat(2_000), "\"" + word, word + "\"", "🚀 " + word, "   ");
        for (String query : hostile) {
            Browser.Response response = browser.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            String label = query.length() > 40 ? query.substring(0, 40) + "…" : query;
            assertThat(response.status()).as(label).isEqualTo(200);
            assertThat(response.body()).as(label).doesNotContain("Exception").doesNotContain("SQL");
            Document page = response.page();
            assertThat(page.select("h1").text()).as(label).isEqualTo("Search");
            assertThat(page.select(".result").size() + page.select(".no-results").size() + (query.isBlank() ? 1 : 0))
                    .as(label).isPositive();
        }
        for (String query : List.of(word + "*", "((((" + word, "\"" + word, "-" + word, "\u0000" + word + "\u0007",
                "'" + word + "'")) {
            assertThat(headlinesFound(query)).as(query).containsExactly("Hostile " + word);
        }
        assertThat(searchPage("\"*()").select(".no-results").text()).startsWith("No stories match");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM search_documents").query(Long.class).single()).isPositive();
    }

    @Test
    void resultsFollowEveryChangeAtOnce() {
        String word = nonce();
        String edited = nonce();
        long id = publishing.draft(ArticleDraft.of("Draft " + word, "", "Text."));
        assertThat(searchPage(word).select(".result")).as("a draft").isEmpty();

        publishing.publish(id);
        assertThat(searchPage(word).select(".result-headline").eachText()).as("published").containsExactly("Draft " + word);

        publishing.revise(id, ArticleDraft.of("Edited " + edited, "", "Text."));
        assertThat(searchPage(word).select(".result")).as("edited away").isEmpty();
        assertThat(searchPage(edited).select(".result-headline").eachText()).as("edited in").containsExactly("Edited " + edited);

        publishing.withdraw(id);
        assertThat(searchPage(edited).select(".result")).as("unpublished").isEmpty();

        publishing.schedule(id, clock.instant().plus(Duration.ofHours(1)));
        assertThat(searchPage(edited).select(".result")).as("scheduled").isEmpty();
        clock.advance(Duration.ofHours(2));
        publishing.publishDue();
        assertThat(searchPage(edited).select(".result-headline").eachText()).as("its time came").containsExactly("Edited " + edited);
    }

    @Test
    void aRepeatedSearchIsServedFromThePageCacheUntilAnyStoryChanges() {
        String word = nonce();
        long id = story("Cached " + word, "", "Text.");
        assertThat(searchPage(word).select(".result-headline").eachText()).containsExactly("Cached " + word);

        // Behind the index's back (no purge): the page kept in the cache still shows the story.
        jdbc.sql("DELETE FROM search_documents WHERE article_id = :id").param("id", id).update();
        jdbc.sql("UPDATE search_changes SET generation = generation + 1 WHERE id = 1").update();
        assertThat(headlinesFound(word)).as("the index itself").isEmpty();
        assertThat(searchPage(word).select(".result-headline").eachText()).as("the cached page").containsExactly("Cached " + word);

        // Any change to any story purges every search page.
        story("Unrelated " + nonce(), "", "Text.");
        assertThat(searchPage(word).select(".result")).as("after a change").isEmpty();
    }

    @Test
    void storiesTheIndexLacksAreIndexedAtStartUpAndGoneOnesDropped() {
        String word = nonce();
        long id = story("Missed " + word, "", "Text.");
        jdbc.sql("DELETE FROM search_documents WHERE article_id = :id").param("id", id).update();
        String gone = nonce();
        index.put(new StoryTexts.StoryText(1_000_000_000L, "gone", "Gone " + gone, "", "", List.of(), null, "", null, "",
                "published", clock.instant(), clock.instant()));
        assertThat(headlinesFound(word)).isEmpty();
        assertThat(headlinesFound(gone)).containsExactly("Gone " + gone);

        indexing.backfill();

        assertThat(headlinesFound(word)).containsExactly("Missed " + word);
        assertThat(headlinesFound(gone)).isEmpty();
    }

    @Test
    void theNewsroomFindsDraftsAndScheduledArticlesByTheirWordsWhereReadersFindOnlyThePublishedOne() {
        String word = nonce();
        long draft = publishing.draft(ArticleDraft.of("Draft plan", "", "The " + word + " plan is not ready."));
        long scheduled = publishing.draft(ArticleDraft.of("Scheduled plan", "", "The " + word + " plan comes out tomorrow."));
        publishing.schedule(scheduled, clock.instant().plus(Duration.ofHours(1)));
        long published = story(word + " plan published", "", "Text.");

        List<Long> found = search.find(word + " plans", 10);
        assertThat(found).containsExactlyInAnyOrder(draft, scheduled, published);
        assertThat(found.get(0)).as("the headline match first").isEqualTo(published);
        assertThat(headlinesFound(word)).containsExactly(word + " plan published");
        assertThat(searchPage(word).select(".result-headline").eachText()).containsExactly(word + " plan published");
    }

    @Test
    void theNewsroomSearchFollowsEveryChangeToADraftAtOnce() {
        String word = nonce();
        String other = nonce();
        long id = publishing.draft(ArticleDraft.of("Notes on " + word, "", "Text."));
        assertThat(search.find(word, 10)).as("a new draft").containsExactly(id);

        publishing.revise(id, ArticleDraft.of("Notes on " + other, "", "Text."));
        assertThat(search.find(word, 10)).as("edited away").isEmpty();
        assertThat(search.find(other, 10)).as("edited in").containsExactly(id);

        publishing.schedule(id, clock.instant().plus(Duration.ofHours(1)));
        publishing.withdraw(id);
        assertThat(search.find(other, 10)).as("scheduled, then a draft again").containsExactly(id);
        assertThat(headlinesFound(other)).as("never public").isEmpty();
    }

    @Test
    void theNewsroomsArticleListSearchesTheTextOfEveryStatusBestMatchFirst() {
        String word = nonce();
        long draft = publishing.draft(ArticleDraft.of("Harbour draft", "", "The cranes lifted " + word + " containers."));
        story("Harbour story about " + word + " cranes", "", "Text.");
        publishing.draft(ArticleDraft.of("Unrelated " + word, "", "Nothing about lifting gear."));
        AdminSession owner = owner();

        Document list = owner.get("/admin/articles?q=" + word + "+crane").page();
        assertThat(list.select("tbody tr").eachText()).as("words of the body, any form, headline matches first").hasSize(2);
        assertThat(list.select("tbody tr").get(0).text()).contains("Harbour story about " + word + " cranes");
        assertThat(list.select("tbody tr").get(1).text()).contains("Harbour draft");
        assertThat(list.select("#q").val()).isEqualTo(word + " crane");
        assertThat(owner.get("/admin/articles?status=draft&q=" + word + "+crane").page().select("tbody tr").eachText())
                .hasSize(1).allMatch(row -> row.contains("Harbour draft"));
        assertThat(owner.get("/admin/articles?q=%22" + word + "+containers%22").page().select("tbody tr").eachText()).as("a phrase")
                .hasSize(1).allMatch(row -> row.contains("Harbour draft"));
        assertThat(owner.get("/admin/articles?q=%22containers+" + word + "%22").page().select("tbody tr")).isEmpty();

        assertThat(owner.post("/admin/articles/" + draft, java.util.Map.of("action", "trash")).status()).isEqualTo(302);
        assertThat(owner.get("/admin/articles?q=" + word + "+crane").page().select("tbody tr").eachText()).as("trashed")
                .hasSize(1).noneMatch(row -> row.contains("Harbour draft"));
        assertThat(owner.get("/admin/articles?status=trash&q=" + word + "+crane").page().select("tbody tr").eachText())
                .hasSize(1).allMatch(row -> row.contains("Harbour draft"));
    }

    @Test
    void everyPageHasASearchBoxInTheHeader() {
        Document front = browser.get("/").page();
        assertThat(front.select("header.masthead form[role=search]").attr("action")).isEqualTo("/search");
        assertThat(front.select("header.masthead form[role=search] input[name=q]")).hasSize(1);
    }
}
