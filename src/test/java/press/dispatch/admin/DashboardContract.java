package press.dispatch.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import press.dispatch.accounts.Role;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.platform.SqlTime;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's counts, charts and activity, checked against data the test made; run against SQLite and
 * PostgreSQL by the subclasses. Other tests of the class share the database, so figures are compared before and after.
 */
abstract class DashboardContract extends NewsroomTest {

    @Autowired
    SiteSettings settings;

    /** A chart's figures as its screen-reader table gives them: row label → values. */
    private static Map<String, List<Long>> figures(Document dashboard, String title) {
        Element table = dashboard.select("figure.chart table").stream().filter(t -> t.select("caption").text().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart " + title + " in " + dashboard.select(".charts").html()));
        Map<String, List<Long>> rows = new HashMap<>();
        for (Element row : table.select("tbody tr")) {
            rows.put(row.select("th").text(), row.select("td").eachText().stream().map(Long::parseLong).toList());
        }
        return rows;
    }

    private static long count(Document dashboard, String label) {
        return dashboard.select(".counts li a").stream().filter(a -> a.ownText().strip().equals(label)).findFirst()
                .map(a -> Long.parseLong(a.select("strong").text())).orElseThrow(() -> new AssertionError("no count " + label));
    }

    private static long value(Map<String, List<Long>> figures, LocalDate day, int series) {
        return figures.getOrDefault(day.toString(), List.of(0L, 0L)).get(series);
    }

    private long comment(long article, String status, Instant at) {
        return jdbc.sql("""
                INSERT INTO comments (article_id, author_name, author_email, body, status, created_at)
                VALUES (:article, 'Reader', 'reader@example.org', :body, :status, :at) RETURNING id
                """).param("article", article).param("body", "A " + status + " comment " + unique("c")).param("status", status)
                .param("at", SqlTime.of(at)).query(Long.class).single();
    }

    private void subscriber(String status, Instant confirmed, Instant unsubscribed) {
        jdbc.sql("""
                INSERT INTO subscribers (email, status, consent_at, consent_form, confirmed_at, unsubscribed_at, created_at, updated_at)
                VALUES (:email, :status, :consent, 'test', :confirmed, :unsubscribed, :consent, :consent)
                """).param("email", unique("reader").replace(' ', '-') + "@example.org").param("status", status)
                .param("consent", SqlTime.of(confirmed.minus(Duration.ofHours(1)))).param("confirmed", SqlTime.of(confirmed))
                .param("unsubscribed", SqlTime.of(unsubscribed)).update();
    }

    private long sendingIssues() {
        return jdbc.sql("SELECT COUNT(*) FROM newsletter_issues WHERE status IN ('preparing', 'sending')").query(Long.class).single();
    }

    @Test
    void theDashboardCountsChartsAndListsWhatTheNewsroomDid() {
        AdminSession owner = owner();
        Document before = owner.get("/admin").page();
        ZoneId zone = settings.current().zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant threeDaysAgo = now.minus(Duration.ofDays(3));
        LocalDate earlier = LocalDate.ofInstant(threeDaysAgo, zone);

        String first = unique("Harbour opens");
        long one = publishedArticle(first, null);
        publishedArticle(unique("Second story"), null);
        publishing.draft(ArticleDraft.of(unique("Draft story"), "", "Body."));
        String later = unique("Scheduled story");
        long scheduled = publishing.draft(ArticleDraft.of(later, "", "Body."));
        publishing.schedule(scheduled, now.plus(Duration.ofDays(2)));

        comment(one, "pending", now);
        comment(one, "pending", now);
        comment(one, "approved", threeDaysAgo);
        comment(one, "spam", now);

        subscriber("confirmed", now, null);
        subscriber("confirmed", now, null);
        subscriber("confirmed", threeDaysAgo, null);
        subscriber("unsubscribed", threeDaysAgo, now);

        long issue = jdbc.sql("""
                INSERT INTO newsletter_issues (subject, status, audience_frozen_at, created_at) VALUES ('Morning briefing', 'sending', :now, :now)
                RETURNING id
                """).param("now", SqlTime.of(now)).query(Long.class).single();
        for (int i = 0; i < 4; i++) {
            jdbc.sql("""
                    INSERT INTO deliveries (issue_id, subscriber_id, email, status, next_attempt_at) VALUES (:issue, :n, :email, :status, :now)
                    """).param("issue", issue).param("n", 900_000 + i).param("email", "d" + i + "@example.org")
                    .param("status", i < 3 ? "sent" : "failed").param("now", SqlTime.of(now)).update();
        }

        // One message still being handed to the SMTP server keeps the issue sending while the test looks.
        jdbc.sql("""
                INSERT INTO deliveries (issue_id, subscriber_id, email, status, next_attempt_at, claimed_at) VALUES (:issue, 900100, 'e@example.org', 'sending', :now, :now)
                """).param("issue", issue).param("now", SqlTime.of(now)).update();

        long sendingBefore = sendingIssues();
        Document after = owner.get("/admin").page();
        long sendingAfter = sendingIssues();

        assertThat(count(after, "published") - count(before, "published")).isEqualTo(2);
        assertThat(count(after, "drafts") - count(before, "drafts")).isEqualTo(1);
        assertThat(count(after, "scheduled") - count(before, "scheduled")).isEqualTo(1);
        assertThat(count(after, "waiting for moderation") - count(before, "waiting for moderation")).isEqualTo(2);
        assertThat(count(after, "confirmed") - count(before, "confirmed")).isEqualTo(3);
        // Publishing a story also starts an issue to subscribers, which the delivery job may finish while the page is made.
        assertThat(count(after, "issues sending")).isBetween(sendingAfter, sendingBefore);
        assertThat(jdbc.sql("SELECT status FROM newsletter_issues WHERE id = :id").param("id", issue).query(String.class).single()).isEqualTo("sending");

        Map<String, List<Long>> published = figures(after, "Articles published per day");
        assertThat(published).hasSize(30).containsKey(today.toString()).containsKey(today.minusDays(29).toString());
        assertThat(value(published, today, 0) - value(figures(before, "Articles published per day"), today, 0)).isEqualTo(2);

        Map<String, List<Long>> comments = figures(after, "Comments per day");
        Map<String, List<Long>> commentsBefore = figures(before, "Comments per day");
        assertThat(value(comments, today, 0) - value(commentsBefore, today, 0)).as("spam is not counted").isEqualTo(2);
        assertThat(value(comments, earlier, 0) - value(commentsBefore, earlier, 0)).isEqualTo(1);

        Map<String, List<Long>> subscribers = figures(after, "Subscribers per day");
        Map<String, List<Long>> subscribersBefore = figures(before, "Subscribers per day");
        assertThat(value(subscribers, today, 0) - value(subscribersBefore, today, 0)).as("confirmed today").isEqualTo(2);
        assertThat(value(subscribers, earlier, 0) - value(subscribersBefore, earlier, 0)).as("confirmed three days ago").isEqualTo(2);
        assertThat(value(subscribers, today, 1) - value(subscribersBefore, today, 1)).as("unsubscribed today").isEqualTo(1);

        assertThat(figures(after, "Newsletter delivery per issue")).containsEntry("#" + issue + " Morning briefing", List.of(3L, 1L));
        Element chart = after.select("figure.chart").stream().filter(f -> f.select("caption").text().equals("Newsletter delivery per issue"))
                .findFirst().orElseThrow();
        assertThat(chart.select("svg rect").size()).as("bars drawn on the server").isPositive();
        assertThat(chart.select("svg").attr("aria-hidden")).as("the table speaks for it").isEqualTo("true");
        assertThat(after.select("script:not([src])")).isEmpty();

        assertThat(after.select(".activity li a[href=/articles/" + slugOf(one) + "]").text()).isEqualTo(first);
        assertThat(after.select(".activity li").stream().filter(li -> li.select("a").text().equals(later)).findFirst().orElseThrow()
                .select(".activity-kind").text()).isEqualTo("scheduled");
        assertThat(after.select(".activity li .activity-kind").eachText()).contains("commented");
    }

    @Test
    void anAuthorSeesNeitherCommentNorSubscriberChartsNorWhatOthersScheduled() {
        AdminSession author = signedIn(staffMember(Role.AUTHOR), PASSWORD);
        long scheduled = publishing.draft(ArticleDraft.of(unique("Not for authors"), "", "Body."));
        publishing.schedule(scheduled, clock.instant().plus(Duration.ofDays(1)));
        Document page = author.get("/admin").page();
        assertThat(page.select("figure.chart table caption").eachText()).containsExactly("Articles published per day");
        assertThat(page.select(".activity .activity-kind").eachText()).doesNotContain("scheduled", "submitted", "commented");
    }
}
