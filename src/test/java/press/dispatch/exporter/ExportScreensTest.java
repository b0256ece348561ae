package press.dispatch.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

class ExportScreensTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Test
    void theOwnerFindsTheExportFromTheImportScreenAndDownloadsTheWxrAndTheMediaZip() {
        String headline = unique("Exported story");
        publishedArticle(headline, section("Land"));
        photo("Exported photo");
        AdminSession owner = owner();

        Document importScreen = owner.get("/admin/import").page();
        String exportScreen = importScreen.select("a:contains(Export to WordPress)").attr("href");
        Document screen = owner.get(exportScreen).page();
        String wxrLink = screen.select("a:contains(Download WXR)").attr("href");
        String zipLink = screen.select("a:contains(Download media zip)").attr("href");

        AdminSession.Response wxr = owner.get(wxrLink);
        assertThat(wxr.status()).isEqualTo(200);
        assertThat(wxr.header("Content-Disposition")).startsWith("attachment");
        assertThat(wxr.body()).contains("<wp:wxr_version>1.2</wp:wxr_version>").contains(headline).contains("Exported photo");
        AdminSession.Response zip = owner.get(zipLink);
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
        assertThat(zip.body()).startsWith("PK");
    }
}
