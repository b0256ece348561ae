package press.dispatch.accounts;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.DispatchApplication;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff sessions live in the database: a restart signs nobody out, and readers never get one. */
class StaffSessionsTest {

    private static final String OWNER = "owner@news.example";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;

    @Test
    void aSignedInEditorIsStillSignedInAfterARestartAndSigningOutStillEndsTheSession() {
        AdminSession editor;
        String sessionBefore;
        try (ConfigurableApplicationContext first = start()) {
            editor = new AdminSession(port(first));
            assertThat(editor.signIn(OWNER, PASSWORD).status()).isEqualTo(302);
            sessionBefore = editor.sessionId();
            assertThat(editor.get("/admin").status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext second = start()) {
            editor = editor.onPort(port(second));
            AdminSession.Response admin = editor.get("/admin");
            assertThat(admin.status()).as("the same cookie after a restart").isEqualTo(200);
            assertThat(admin.page().select(".admin-nav a").eachText()).contains("Articles", "Settings");
            assertThat(editor.sessionId()).isEqualTo(sessionBefore);

            AdminSession.Response signedOut = editor.post("/admin/sign-out", java.util.Map.of());
            assertThat(signedOut.status()).isEqualTo(302);
            assertThat(sessionRows(second)).as("signing out deletes the session row").isZero();
            assertThat(editor.get("/admin").location()).isEqualTo("/admin/sign-in");
        }
    }

    @Test
    void pagesOpenedAtOnceInOneSessionAllAnswerEvenWhenEachAddsToTheSession() {
        try (ConfigurableApplicationContext site = start()) {
            AdminSession editor = new AdminSession(port(site));
            assertThat(editor.signIn(OWNER, PASSWORD).status()).isEqualTo(302);
            // Right after signing in the session has no form token yet: each of these pages makes one and stores it.
            java.util.List<java.util.concurrent.CompletableFuture<Integer>> pages = java.util.stream.IntStream.range(0, 6)
                    .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> editor.get("/admin/account").status()))
                    .toList();
            assertThat(pages.stream().map(java.util.concurrent.CompletableFuture::join).toList()).containsOnly(200);
        }
    }

    @Test
    void aReaderGetsNoSessionCookieAndWritesNoSessionRow() {
        try (ConfigurableApplicationContext site = start()) {
            Browser reader = new Browser(port(site));
            Browser.Response front = reader.get("/");
            String article = front.page().selectFirst(".lead h2 a").attr("href");
            for (String path : new String[] {"/", article, article, "/subscribe", "/sections/" + firstSection(site)}) {
                Browser.Response page = reader.get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.header("Set-Cookie")).as("a cookie set on " + path).isNull();
            }
            assertThat(sessionRows(site)).isZero();
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, because they outrank application.properties (builder properties do not).
        return new SpringApplicationBuilder(DispatchApplication.class).run("--server.port=0", "--dispatch.data-dir=" + data,
                "--dispatch.demo=true", "--dispatch.admin.email=" + OWNER, "--dispatch.admin.password=" + PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static long sessionRows(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM staff_sessions").query(Long.class).single();
    }

    private static String firstSection(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT slug FROM sections ORDER BY id LIMIT 1").query(String.class).single();
    }
}
