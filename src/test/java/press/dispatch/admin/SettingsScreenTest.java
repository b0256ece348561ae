package press.dispatch.admin;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.site.Contrast;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsScreenTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    SiteSettings settings;

    @Test
    void theScreenOffersEverySetting() {
        Document screen = owner().get("/admin/settings").page();
        Set<String> fields = screen.select("form[action=/admin/settings] [name]").eachAttr("name").stream()
                .filter(n -> !n.equals("_csrf")).collect(Collectors.toSet());
        assertThat(fields).isEqualTo(Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.toSet()));
    }

    @Test
    void aSavedLabelAppearsOnThePublicPagesAndABadValueSavesNothing() {
        AdminSession owner = owner();
        long id = publishedArticle(unique("Settings story"), null);
        Map<String, String> form = current();
        form.put(Setting.COMMENTS_HEADING.key(), "Join the discussion");
        form.put(Setting.TAGLINE.key(), "Defense News Military Pictures");
        assertThat(owner.post("/admin/settings", form).status()).isEqualTo(302);
        Document article = browser.get("/articles/" + slugOf(id)).page();
        assertThat(article.select("#comments-heading").text()).isEqualTo("Join the discussion");
        assertThat(article.select(".tagline").text()).isEqualTo("Defense News Military Pictures");

        Map<String, String> bad = current();
        bad.put(Setting.TIME_ZONE.key(), "Mars/Olympus");
        bad.put(Setting.NAME.key(), "Renamed newsroom");
        AdminSession.Response refused = owner.post("/admin/settings", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text()).contains("time zone");
        assertThat(refused.page().selectFirst("input[name='site.name']").val()).as("input kept").isEqualTo("Renamed newsroom");
        // The message is tied to its field for screen readers, as on every other form
        var zone = refused.page().getElementById(Setting.TIME_ZONE.key());
        assertThat(zone.attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.page().getElementById(zone.attr("aria-describedby")).text()).contains("time zone");
        assertThat(refused.page().selectFirst("input[name='site.name']").hasAttr("aria-invalid")).isFalse();
        assertThat(settings.current().name()).as("nothing saved").isNotEqualTo("Renamed newsroom");
    }

    @Test
    void theAdminHeaderLinksToThePublicHomePage() {
        Document dashboard = owner().get("/admin").page();
        assertThat(dashboard.select(".admin-bar a.view-site").eachAttr("href")).containsExactly("/");
        assertThat(dashboard.select(".admin-bar a.view-site").text()).isEqualTo("View site");
    }

    @Test
    void aDarkBlueAccentColourIsSavedAndColoursThePublicPages() {
        AdminSession owner = owner();
        Document before = browser.get("/").page();
        Map<String, String> form = current();
        form.put(Setting.ACCENT_COLOR.key(), "#1a3d7c");
        assertThat(owner.post("/admin/settings", form).status()).isEqualTo(302);

        Document home = browser.get("/").page();
        String href = home.select("link[rel=stylesheet][href^=/assets/accent.css]").attr("href");
        assertThat(href).as("a new address, so the page cache and browsers fetch the new colour")
                .isNotEqualTo(before.select("link[rel=stylesheet][href^=/assets/accent.css]").attr("href"));
        Browser.Response css = browser.get(href);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.body()).contains("--accent: #1a3d7c");
        assertThat(settings.current().get(Setting.ACCENT_COLOR)).isEqualTo("#1a3d7c");
    }

    @Test
    void theDefaultAccentColourIsTheOneTheStylesheetHadBefore() {
        String href = browser.get("/").page().select("link[rel=stylesheet][href^=/assets/accent.css]").attr("href");
        assertThat(browser.get(href).body()).contains("--accent: " + settings.current().get(Setting.ACCENT_COLOR));
        assertThat(Setting.ACCENT_COLOR.defaultValue()).isEqualTo("#8a1c1c");
    }

    @Test
    void aLightYellowAccentIsRefusedWithItsContrastRatioAndNothingIsSaved() {
        Map<String, String> form = current();
        form.put(Setting.ACCENT_COLOR.key(), "#ffee88");
        form.put(Setting.NAME.key(), "Yellow newsroom");
        AdminSession.Response refused = owner().post("/admin/settings", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text()).contains("1.17:1").contains("4.5:1");
        assertThat(refused.page().selectFirst("input[name='site.accent_color']").val()).as("input kept").isEqualTo("#ffee88");
        assertThat(settings.current().get(Setting.ACCENT_COLOR)).isNotEqualTo("#ffee88");
        assertThat(settings.current().name()).as("nothing saved").isNotEqualTo("Yellow newsroom");
    }

    @Test
    void anAccentColourNotWrittenAsSixHexDigitsIsRefused() {
        for (String malformed : new String[] {"blue", "#12345", "#1234567", "1a3d7c", "#1a3d7g", "#1a3d7c;color:red", "#abc"}) {
            Map<String, String> form = current();
            form.put(Setting.ACCENT_COLOR.key(), malformed);
            AdminSession.Response refused = owner().post("/admin/settings", form);
            assertThat(refused.status()).as(malformed).isEqualTo(422);
            assertThat(refused.page().select(".problem").text()).as(malformed).contains("#rrggbb");
            assertThat(settings.current().get(Setting.ACCENT_COLOR)).isNotEqualTo(malformed);
        }
    }

    @Test
    void contrastRatiosFollowTheWcagFormula() {
        assertThat(Contrast.ratio(Contrast.PAGE_BACKGROUND, "#000000")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Contrast.ratio(Contrast.PAGE_BACKGROUND, "#ffffff")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Contrast.ratio(Contrast.PAGE_BACKGROUND, "#767676")).isCloseTo(4.54, org.assertj.core.data.Offset.offset(0.01));
    }

    private Map<String, String> current() {
        Map<String, String> values = new HashMap<>();
        for (Setting s : Setting.values()) {
            values.put(s.key(), settings.current().get(s));
        }
        return values;
    }
}
