package press.dispatch.comments;

import java.time.Duration;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The moderation queue, used through the admin's forms. */
class CommentDeskTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    Moderation moderation;

    @Autowired
    Stories stories;

    private long held(Story story, String email, String text) {
        String token = moderation.formToken(story.article().id());
        clock.advance(Duration.ofSeconds(20));
        Moderation.Outcome outcome = moderation.submit(story, new CommentForm(text, "Quiet Reader", email, "", false, false, null, token, ""),
                "198.51.100.7");
        assertThat(outcome.status()).isEqualTo("pending");
        return outcome.commentId();
    }

    @Test
    void anEditorApprovesHeldCommentsInBulkAndTheyAppearOnTheArticle() {
        Story story = stories.findById(publishedArticle(unique("Queue story"), null)).orElseThrow();
        long first = held(story, "first@example.org", "A first held comment.");
        long second = held(story, "second@example.org", "A second held comment.");
        assertThat(browser.get(story.href()).body()).doesNotContain("A first held comment.");

        AdminSession editor = signedIn(staffMember(press.dispatch.accounts.Role.EDITOR), PASSWORD);
        Document queue = editor.get("/admin/comments?status=pending").page();
        assertThat(queue.select("#comment-" + first).text()).contains("A first held comment.").contains("first@example.org");
        AdminSession.Response bulk = editor.postForm("/admin/comments/bulk?ids=" + first + "&ids=" + second,
                Map.of("action", "approve", "status", "pending", "_csrf", editor.csrf()));
        assertThat(bulk.status()).isEqualTo(302);
        String page = browser.get(story.href()).body();
        assertThat(page).contains("A first held comment.").contains("A second held comment.");
        assertThat(page).as("the address is never public").doesNotContain("first@example.org");
    }
}
