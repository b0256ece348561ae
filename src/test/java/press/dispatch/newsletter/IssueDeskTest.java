package press.dispatch.newsletter;

import java.io.StringReader;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.subscriptions.SubscriberCsv;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

class IssueDeskTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    SubscriberCsv csv;

    @Autowired
    Newsletters newsletters;

    @Autowired
    Delivery delivery;

    @Test
    void theNewsletterScreenShowsEachIssueAndItsAudience() {
        csv.importCsv(new StringReader("email\nreader-one@example.org\nreader-two@example.org\n"), true);
        clock.advance(java.time.Duration.ofSeconds(1));
        long article = publishedArticle(unique("Newsletter story"), null);
        long issue = newsletters.issueForArticle(article).orElseThrow();
        delivery.prepareIssues();

        AdminSession owner = owner();
        Document list = owner.get("/admin/newsletters").page();
        assertThat(list.select("a[href=/admin/newsletters/" + issue + "]").text()).isEqualTo(newsletters.report(issue).orElseThrow().subject());
        assertThat(list.select("tbody tr").first().select("td").get(2).text()).as("recipients").isEqualTo("2");
        AdminSession.Response detail = owner.get("/admin/newsletters/" + issue);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.page().text()).contains("2 recipients");
        assertThat(owner.get("/admin/newsletters/987654").status()).isEqualTo(404);
    }

    @Test
    void anArticlePublishedWithNobodySubscribedIsNotListedAmongTheSends() {
        jdbc.sql("UPDATE subscribers SET status = 'unsubscribed'").update();
        long nobody = publishedArticle(unique("Published to nobody"), null);
        long issue = newsletters.issueForArticle(nobody).orElseThrow();
        // As the worker's next round would (it also runs on its own here, so its tick() may be busy).
        delivery.prepareIssues();
        delivery.completeIssues();
        assertThat(newsletters.report(issue).orElseThrow().status()).isEqualTo("sent");

        AdminSession owner = owner();
        Document list = owner.get("/admin/newsletters").page();
        assertThat(list.select("a[href=/admin/newsletters/" + issue + "]")).as("not among the sends").isEmpty();
        assertThat(list.select(".unaddressed").text()).contains("had nobody subscribed to send to");
        Document detail = owner.get("/admin/newsletters/" + issue).page();
        assertThat(detail.select(".no-recipients").text()).startsWith("No recipients: nobody was subscribed");
    }
}
