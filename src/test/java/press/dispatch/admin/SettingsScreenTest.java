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

import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.AdminSession;
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
        assertThat(settings.current().name()).as("nothing saved").isNotEqualTo("Renamed newsroom");
    }

    private Map<String, String> current() {
        Map<String, String> values = new HashMap<>();
        for (Setting s : Setting.values()) {
            values.put(s.key(), settings.current().get(s));
        }
        return values;
    }
}
