package press.dispatch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

class ImportScreensTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Test
    void theOwnerUploadsAnExportWatchesItRunAndReadsTheKeptReportAndRedirects() throws IOException {
        AdminSession owner = owner();

        AdminSession.Response started = owner.postFile("/admin/import", Map.of(), "export", "defence-talks.xml", "text/xml",
                Files.readAllBytes(WordPressImportContract.EXPORT));

        assertThat(started.status()).isEqualTo(302);
        String run = started.location();
        assertThat(run).startsWith("/admin/import/runs/");
        await().atMost(Duration.ofSeconds(60)).until(() -> owner.get(run).page().getElementById("status") != null);
        Document report = owner.get(run).page();
        assertThat(report.getElementById("status").text()).isEqualTo("Finished.");
        assertThat(report.select("pre.report").text()).contains("posts: 4 published").contains("[contact-form-7] shortcode");
        assertThat(owner.get("/admin/import").page().select("table.list").text()).contains("defence-talks.xml").contains("succeeded");
        assertThat(browser.get("/articles/frigate-f127-contract").status()).isEqualTo(200);

        Document redirects = owner.get("/admin/redirects?q=frigate").page();
        Element row = redirects.select("tr[id^=redirect-]").stream()
                .filter(r -> r.text().contains("/2024/03/14/frigate-f127-contract") && r.select("code").text().equals("/2024/03/14/frigate-f127-contract"))
                .findFirst().orElseThrow();
        assertThat(row.select("input[name=target]").val()).isEqualTo("/articles/frigate-f127-contract");
        String id = row.id().substring("redirect-".length());

        assertThat(owner.post("/admin/redirects/" + id, Map.of("target", "/sections/naval")).status()).isEqualTo(302);
        assertThat(browser.get("/2024/03/14/frigate-f127-contract/").header("Location")).isEqualTo("/sections/naval");
        assertThat(owner.post("/admin/redirects/" + id, Map.of("target", "javascript:alert(1)")).status()).isEqualTo(422);

        assertThat(owner.post("/admin/redirects/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get("/2024/03/14/frigate-f127-contract/").status()).isEqualTo(404);
    }

    @Test
    void aRefusedUploadIsKeptAsAFailedRunThatSaysWhy() {
        AdminSession owner = owner();

        String run = owner.postFile("/admin/import", Map.of(), "export", "bomb.xml", "text/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><rss><channel></channel></rss>".getBytes()).location();

        await().atMost(Duration.ofSeconds(30)).until(() -> owner.get(run).page().getElementById("status") != null);
        Document page = owner.get(run).page();
        assertThat(page.getElementById("status").text()).isEqualTo("Failed: nothing was imported.");
        assertThat(page.select("pre.report").text()).contains("<!DOCTYPE");
    }
}
