package press.dispatch.articles;

import java.time.Duration;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.accounts.Role;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way an article's page is shown — to readers, in the newsroom's preview, with a comment sent back for a mistake —
 * carries what other features add to it (corrections, its thread, a live timeline).
 */
class ArticlePagesTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    private long thread(AdminSession editor, String title, long... articles) {
        AdminSession.Response created = editor.post("/admin/threads", Map.of("title", title, "summary", "What we know."));
        long id = Long.parseLong(created.location().replaceAll(".*/", ""));
        for (long a : articles) {
            editor.post("/admin/threads/" + id + "/articles", Map.of("articleId", Long.toString(a)));
        }
        return id;
    }

    @Test
    void thePreviewShowsTheCorrectionsThreadBoxAndLiveTimelineReadersSee() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long earlier = publishedArticle(unique("Talks open"), null);
        clock.advance(Duration.ofMinutes(1));
        long id = publishedArticle(unique("Casualty figures"), null);
        String title = unique("Ceasefire talks");
        thread(editor, title, earlier, id);
        editor.post("/admin/articles/" + id + "/corrections", Map.of("kind", "correction", "text", "The toll is 14, not 40."));
        editor.post("/admin/live/" + id + "/start", Map.of());
        editor.post("/admin/live/" + id + "/entries", Map.of("text", "Sirens in the north."));

        Document reader = browser.get("/articles/" + slugOf(id)).page();
        Document preview = editor.get("/admin/articles/" + id + "/preview").page();

        assertThat(preview.select(".preview-banner")).isNotEmpty();
        assertThat(reader.select(".part-of").text()).isEqualTo("Part of: " + title + ", 2 updates");
        assertThat(preview.select(".part-of").text()).isEqualTo(reader.select(".part-of").text());
        assertThat(preview.select(".thread-neighbours a[rel=prev]").attr("href")).isEqualTo("/articles/" + slugOf(earlier));
        assertThat(reader.select(".story").text()).contains("The toll is 14, not 40.");
        assertThat(preview.select(".story").text()).contains("The toll is 14, not 40.");
        assertThat(preview.select(".live-timeline .live-entry .live-text").eachText()).containsExactly("Sirens in the north.");
        assertThat(preview.select("article.story").outerHtml().replaceAll("\\s+", " "))
                .as("the article as readers see it, above the comments")
                .isEqualTo(reader.select("article.story").outerHtml().replaceAll("\\s+", " "));
    }

    @Test
    void aDraftsPreviewShowsWhereItWillStandInItsThread() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long earlier = publishedArticle(unique("Opening part"), null);
        long draft = publishing.draft(ArticleDraft.of(unique("Next part"), "", "Body."));
        String title = unique("Developing story");
        thread(editor, title, earlier, draft);

        Document preview = editor.get("/admin/articles/" + draft + "/preview").page();
        assertThat(preview.select(".part-of").text()).isEqualTo("Part of: " + title + ", 2 updates");
        assertThat(preview.select(".thread-neighbours a[rel=prev]").attr("href")).isEqualTo("/articles/" + slugOf(earlier));
        assertThat(browser.get("/stories/" + jdbc.sql("SELECT slug FROM story_threads WHERE title = :t").param("t", title).query(String.class).single())
                .page().select(".timeline .thread-part")).as("readers still see only the published part").hasSize(1);
    }

    @Test
    void aCommentSentBackForAMistakeComesBackOnThePageWithItsCorrectionsAndThread() throws Exception {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long id = publishedArticle(unique("Commented part"), null);
        String title = unique("Commented thread");
        thread(editor, title, id);
        editor.post("/admin/articles/" + id + "/corrections", Map.of("kind", "correction", "text", "The strike hit a depot, not a school."));
        String token = browser.get("/articles/" + slugOf(id)).page().select("form.comment-form input[name=token]").val();
        clock.advance(Duration.ofSeconds(31));

        String form = "comment=&author=Reader&email=reader%40example.com&token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(browser.base() + "/articles/" + slugOf(id) + "/comments")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = org.jsoup.Jsoup.parse(answer.body());
        assertThat(page.select("#comment-error").text()).isEqualTo("Please write a comment.");
        assertThat(page.select(".story").text()).contains("The strike hit a depot, not a school.");
        assertThat(page.select(".part-of").text()).isEqualTo("Part of: " + title + ", 1 update");
    }
}
