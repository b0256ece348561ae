package press.dispatch.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import press.dispatch.DispatchApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadSettingsTest {

    @TempDir
    Path temp;

    @Test
    void aDatabaseUrlThatIsNeitherPostgresNorSqliteStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.database.url=jdbc:mysql://db/news"))
                .rootCause()
                .isInstanceOf(BadSettingException.class)
                .hasMessage("DISPATCH_DATABASE_URL is 'jdbc:mysql://db/news', which is neither PostgreSQL nor SQLite: "
                        + "set it to a jdbc:postgresql://host:5432/dbname URL, or leave it empty for the SQLite file in the data folder");
    }

    @Test
    void aDataFolderThatCannotBeCreatedStopsStartUpNamingTheSetting() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + file.resolve("data")))
                .rootCause()
                .isInstanceOf(BadSettingException.class)
                .hasMessageStartingWith("DISPATCH_DATA_DIR is '" + file.resolve("data") + "', which cannot be created")
                .hasMessageEndingWith("set it to a folder this user can write to");
    }

    @Test
    void anAdminEmailWithoutAPasswordStopsStartUpNamingTheMissingSetting() {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.admin.email=owner@news.example"))
                .rootCause()
                .isInstanceOf(BadSettingException.class)
                .hasMessage("DISPATCH_ADMIN_PASSWORD is missing: set both DISPATCH_ADMIN_EMAIL and DISPATCH_ADMIN_PASSWORD, or neither");
    }

    @Test
    void aTooShortAdminPasswordStopsStartUpSayingWhatItNeeds() {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.admin.email=owner@news.example",
                "--dispatch.admin.password=short"))
                .isInstanceOf(BadSettingException.class)
                .hasMessage("DISPATCH_ADMIN_PASSWORD is not accepted: Choose a password of 10 to 128 characters.");
    }

    @Test
    void aNegativePageCacheSizeStopsStartUpSayingWhatToSet() {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.page-cache.max-megabytes=-5"))
                .rootCause()
                .isInstanceOf(BadSettingException.class)
                .hasMessage("DISPATCH_PAGE_CACHE_MB is -5: set it to 0 (a quarter of the Java heap, at most 64) or a number of megabytes");
    }

    @Test
    void thePageCacheTakesAQuarterOfTheHeapUpTo64MegabytesUnlessSized() {
        long mb = 1024L * 1024L;
        assertThat(new DispatchProperties.PageCacheSettings(true, 0).maxBytes(128 * mb)).isEqualTo(32 * mb);
        assertThat(new DispatchProperties.PageCacheSettings(true, 0).maxBytes(4096 * mb)).isEqualTo(64 * mb);
        assertThat(new DispatchProperties.PageCacheSettings(true, 200).maxBytes(128 * mb)).isEqualTo(200 * mb);
    }

    private static void start(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--dispatch.demo=false";
        new SpringApplicationBuilder(DispatchApplication.class).run(all).close();
    }
}
