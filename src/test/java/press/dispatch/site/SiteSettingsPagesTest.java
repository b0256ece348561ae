package press.dispatch.site;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteSettingsPagesTest extends SiteTest {

    @Autowired
    SiteSettings settings;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Test
    void datesLanguageAndLabelsFollowTheSettingsAndCachedPagesAreRefreshed() {
        long id = publishedArticle(unique("Tokyo time"), null);
        String path = "/articles/" + slugOf(id);
        browser.get(path);

        settings.update(Map.of(Setting.TIME_ZONE.key(), "Asia/Tokyo", Setting.LANGUAGE.key(), "en-GB", Setting.NAME.key(), "Tokyo <Desk>",
                Setting.COMMENTS_HEADING.key(), "Have your say"));

        Document page = browser.get(path).page();
        Instant published = publishing.get(id).publishedAt();
        String tokyoHour = String.format("%02d:%02d", published.atZone(ZoneId.of("Asia/Tokyo")).getHour(),
                published.atZone(ZoneId.of("Asia/Tokyo")).getMinute());
        assertThat(page.selectFirst(".byline time").attr("datetime")).endsWith("+09:00");
        assertThat(page.selectFirst(".byline time").text()).contains(tokyoHour).contains("JST");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(page.select(".site-name").text()).isEqualTo("Tokyo <Desk>");
        assertThat(page.select("#subscribe h2").text()).isEqualTo("Discover more from Tokyo <Desk>");
        assertThat(page.select("#comments h2").text()).isEqualTo("Have your say");
    }

    @Test
    void badSettingValuesAreAllReportedAndNothingIsSaved() {
        String before = settings.current().name();
        assertThatThrownBy(() -> settings.update(Map.of(Setting.NAME.key(), "New name", Setting.TIME_ZONE.key(), "Mars/Olympus",
                Setting.BASE_URL.key(), "javascript:alert(1)", "no.such.key", "x")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsOnlyKeys(
                        Setting.TIME_ZONE.key(), Setting.BASE_URL.key(), "no.such.key"));
        assertThat(settings.current().name()).isEqualTo(before);
    }

    @Test
    void anArticleEditedLongAfterPublicationSaysWhenItWasUpdated() {
        long id = publishedArticle(unique("Corrected later"), null);
        assertThat(browser.get("/articles/" + slugOf(id)).page().select(".byline time")).hasSize(1);
        clock.advance(Duration.ofHours(2));
        publishing.revise(id, press.dispatch.articles.ArticleDraft.of(publishing.get(id).headline(), "", "Corrected body."));
        assertThat(browser.get("/articles/" + slugOf(id)).page().select(".byline time")).hasSize(2);
    }
}
