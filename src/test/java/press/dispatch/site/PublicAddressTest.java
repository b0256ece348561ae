package press.dispatch.site;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.subscriptions.Subscriptions;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Links in emails and the admin's warnings about an address that still looks like a test install. */
class PublicAddressTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    SiteSettings settings;

    @Autowired
    Subscriptions subscriptions;

    @Test
    void emailLinksFollowThePortTheServerListensOnUntilTheBaseUrlIsSet() {
        String first = unique("first").replace(' ', '-') + "@example.com";
        subscriptions.subscribe(first, "203.0.113.5");
        assertThat(lastEmailTo(first)).contains("http://localhost:" + port + "/subscribe/confirm?token=").doesNotContain(":8080");

        settings.update(Map.of(Setting.BASE_URL.key(), "https://news.example/"));
        String second = unique("second").replace(' ', '-') + "@example.com";
        subscriptions.subscribe(second, "203.0.113.5");
        assertThat(lastEmailTo(second)).contains("https://news.example/subscribe/confirm?token=");

        settings.update(Map.of(Setting.BASE_URL.key(), ""));
        assertThat(settings.current().baseUrl()).as("emptied again: follows the server").isEqualTo("http://localhost:" + port);
    }

    @Test
    void theDashboardWarnsWhileLinksPointAtLocalhostButTheSiteIsOpenedAtAnotherHost() {
        AdminSession owner = owner();
        assertThat(owner.get("/admin").page().select(".warning").text()).as("opened at localhost").doesNotContain("Links in emails");

        Document proxied = owner.get("/admin", Map.of("X-Forwarded-Host", "news.example")).page();
        assertThat(proxied.select(".warning").text())
                .contains("Links in emails and feeds point at http://localhost:" + port + ", but this page was opened at news.example")
                .contains("Emails are sent from Dispatch <newsroom@localhost>")
                .contains("placeholder postal address");
        assertThat(owner.get("/admin/settings", Map.of("X-Forwarded-Host", "news.example")).page().select(".warning").text())
                .contains("Links in emails and feeds point at http://localhost:" + port);
    }

    @Test
    void theSettingsScreenShowsWhereLinksPointAndOffersEnumerationsAsLists() {
        Document screen = owner().get("/admin/settings").page();
        assertThat(screen.selectFirst("input[name='site.base_url']").val()).isEmpty();
        assertThat(screen.text()).contains("Links now start with http://localhost:" + port);
        assertThat(screen.select("select[name='comments.moderation'] option").eachAttr("value")).containsExactly("hold_first", "hold_all");
        assertThat(screen.select("select[name='digest.weekly_day'] option").eachText())
                .containsExactly("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
        assertThat(screen.select("select[name='digest.weekly_day'] option[selected]").val()).isEqualTo("MONDAY");
        assertThat(screen.select("select[name='site.time_zone'] option").eachAttr("value")).contains("UTC", "Europe/London", "America/New_York");
        assertThat(screen.select("select[name='site.time_zone'] option[selected]").val()).isEqualTo("UTC");
    }

    private String lastEmailTo(String address) {
        return jdbc.sql("SELECT text_body FROM outbox WHERE recipient = :to ORDER BY id DESC").param("to", address).query(String.class).list()
                .get(0);
    }
}
