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

/** The newsroom's preview of an article is the page readers will see: what other features add to it included. */
class ArticlePreviewTest extends NewsroomTest {

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
}
