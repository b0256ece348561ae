package press.dispatch.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import press.dispatch.DispatchApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
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
    void aConnectionCountOutOfRangeStopsStartUpSayingWhatToSet() {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.database.connections=0"))
                .rootCause()
                .isInstanceOf(BadSettingException.class)
                .hasMessage("DISPATCH_DATABASE_CONNECTIONS is 0: set it to a number of connections from 1 to 1000 (PostgreSQL's max_connections is shared by every node)");
    }

    @Test
    void thePageCacheTakesAQuarterOfTheHeapUpTo64MegabytesUnlessSized() {
        long mb = 1024L * 1024L;
        assertThat(new DispatchProperties.PageCacheSettings(true, 0).maxBytes(128 * mb)).isEqualTo(32 * mb);
        assertThat(new DispatchProperties.PageCacheSettings(true, 0).maxBytes(4096 * mb)).isEqualTo(64 * mb);
        assertThat(new DispatchProperties.PageCacheSettings(true, 200).maxBytes(128 * mb)).isEqualTo(200 * mb);
    }

    @Test
    void aPortThatIsNotANumberStopsStartUpWithOneLineNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--server.port=notaport")).isNotNull();
        assertThat(whatTheUserSees(output)).isEqualTo("Dispatch cannot start: SERVER_PORT is 'notaport': set it to a port number from 1 to 65535, such as 8080");
    }

    @Test
    void aDemoSwitchThatIsNeitherTrueNorFalseStopsStartUpWithOneLineNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.demo=maybe")).isNotNull();
        assertThat(whatTheUserSees(output))
                .isEqualTo("Dispatch cannot start: DISPATCH_DEMO is 'maybe': set it to true or false, or leave it empty (the demo site only on SQLite)");
    }

    @Test
    void aMailRateThatIsNotANumberStopsStartUpNamingTheVariableUsersSet(CapturedOutput output) {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.mail.rate-per-second=fast")).isNotNull();
        assertThat(whatTheUserSees(output)).isEqualTo("Dispatch cannot start: DISPATCH_MAIL_RATE is 'fast': set it to a whole number");
    }

    @Test
    void aSettingReadByOneComponentThatIsNotADurationStopsStartUpWithOneLineNamingIt(CapturedOutput output) {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--DISPATCH_NODE_LEASE=xyz")).isNotNull();
        assertThat(whatTheUserSees(output)).isEqualTo("Dispatch cannot start: DISPATCH_NODE_LEASE is 'xyz': set it to a duration such as 30s or 5m");
    }

    @Test
    void aBadSettingOfABeanTheServletContextNeedsIsStillOneLine(CapturedOutput output) {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--DISPATCH_MEDIA_QUEUE_WAIT=abc")).isNotNull();
        assertThat(whatTheUserSees(output)).isEqualTo("Dispatch cannot start: DISPATCH_MEDIA_QUEUE_WAIT is 'abc': set it to a duration such as 30s or 5m");
    }

    @Test
    void noRequestThreadsStopsStartUpSayingWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--server.tomcat.threads.max=0")).isNotNull();
        assertThat(whatTheUserSees(output))
                .isEqualTo("Dispatch cannot start: SERVER_TOMCAT_THREADS_MAX is '0': set it to a whole number from 1 to 1000, such as 16");
    }

    @Test
    void anUnreachableDatabaseStopsStartUpWithOneLineNamingTheUrlAndWhereItTried(CapturedOutput output) {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.database.url=jdbc:postgresql://127.0.0.1:1/news?password=secret",
                "--dispatch.database.user=news"))
                .rootCause().isInstanceOf(BadSettingException.class);
        assertThat(whatTheUserSees(output))
                .startsWith("Dispatch cannot start: DISPATCH_DATABASE_URL is 'jdbc:postgresql://127.0.0.1:1/news', but no PostgreSQL server answers at "
                        + "127.0.0.1:1 (")
                .endsWith("): start PostgreSQL there, or set it to the address of a running server, such as jdbc:postgresql://localhost:5432/dispatch")
                .doesNotContain("secret");
    }

    @Test
    void aHealthMinimumThatIsNotASizeStopsStartUpShowingTheValueThatWasSet(CapturedOutput output) {
        // As the environment variable would, the argument fills the placeholder in application.properties.
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--DISPATCH_HEALTH_MIN_FREE=lots")).isNotNull();
        assertThat(whatTheUserSees(output)).isEqualTo("Dispatch cannot start: DISPATCH_HEALTH_MIN_FREE is 'lots': set it to a size such as 10MB");
    }

    @Test
    void aPortAlreadyInUseStopsStartUpWithOneLineSayingWhatToDo(CapturedOutput output) throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--server.port=" + taken.getLocalPort())).isNotNull();
            assertThat(whatTheUserSees(output)).startsWith("Dispatch cannot start: Web server failed to start. Port " + taken.getLocalPort()
                    + " was already in use. ").contains("listen on another port");
        }
    }

    @Test
    void aLiveStreamPortAlreadyInUseStopsStartUpWithOneLineNamingTheSetting(CapturedOutput output) throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.live.stream-port=" + taken.getLocalPort())).isNotNull();
            assertThat(whatTheUserSees(output)).startsWith("Dispatch cannot start: DISPATCH_LIVE_STREAM_PORT is " + taken.getLocalPort()
                    + ", which cannot be listened on").endsWith("set it to a free port, or 0 to serve streams on the site's own port");
        }
    }

    @Test
    void aLiveStreamPortOutOfRangeStopsStartUpSayingWhatToSet() {
        assertThatThrownBy(() -> start("--dispatch.data-dir=" + temp, "--dispatch.live.stream-port=70000"))
                .rootCause()
                .isInstanceOf(BadSettingException.class)
                .hasMessage("DISPATCH_LIVE_STREAM_PORT is 70000: set it to 0 (streams on the site's own port) or a free port number up to 65535");
    }

    /** The start-up failure as printed: exactly one line, and no multi-line report or stack trace around it. */
    private static String whatTheUserSees(CapturedOutput output) {
        String all = output.getAll();
        assertThat(all).doesNotContain("APPLICATION FAILED TO START").doesNotContain("\tat ").doesNotContain("cancelling refresh attempt")
                .doesNotContain("Exception during pool initialization").doesNotContain("Error starting Tomcat context")
                .doesNotContain("failed to stop it").doesNotContain("java.base@");
        List<String> lines = all.lines().filter(l -> l.contains("Dispatch cannot start")).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0).substring(lines.get(0).indexOf("Dispatch cannot start"));
    }

    private static void start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            all.add("--server.port=0");
        }
        if (all.stream().noneMatch(a -> a.startsWith("--dispatch.demo="))) {
            all.add("--dispatch.demo=false");
        }
        new SpringApplicationBuilder(DispatchApplication.class).run(all.toArray(new String[0])).close();
    }
}
