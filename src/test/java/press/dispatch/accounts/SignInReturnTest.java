package press.dispatch.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.articles.ArticleDraft;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in lands on the admin page that was asked for, and never on another site. */
class SignInReturnTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Test
    void signingInLandsOnThePageThatWasAskedFor() {
        long id = publishing.draft(ArticleDraft.of("Patrol boats ordered", "", "Text."));
        AdminSession session = new AdminSession(port);
        AdminSession.Response asked = session.get("/admin/articles/" + id);
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.location()).startsWith("/admin/sign-in");

        AdminSession.Response landed = signInThroughTheForm(session, asked.location(), PASSWORD);
        assertThat(landed.status()).isEqualTo(302);
        assertThat(landed.location()).isEqualTo("/admin/articles/" + id);
        assertThat(session.get(landed.location()).page().selectFirst("input[name=headline]").val()).isEqualTo("Patrol boats ordered");
    }

    @Test
    void aWrongPasswordKeepsThePageThatWasAskedForForTheNextTry() {
        AdminSession session = new AdminSession(port);
        String signIn = session.get("/admin/articles?status=draft").location();
        AdminSession.Response refused = signInThroughTheForm(session, signIn, "not the password");
        assertThat(refused.status()).isEqualTo(401);
        String action = refused.page().selectFirst("form").attr("action");
        AdminSession.Response landed = session.postForm(action, Map.of("email", OWNER_EMAIL, "password", PASSWORD,
                "_csrf", AdminSession.tokenIn(refused.body())));
        assertThat(landed.location()).isEqualTo("/admin/articles?status=draft");
    }

    @Test
    void signInNeverSendsAnyoneToAnotherSite() {
        for (String next : List.of("https://evil.example/admin", "//evil.example/admin", "/\\evil.example", "\\\\evil.example",
                "javascript:alert(1)", "/admin\r\nSet-Cookie: x=y", "http:/admin", "/admin/sign-in", "/articles/../admin", "")) {
            AdminSession session = new AdminSession(port);
            String path = "/admin/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            AdminSession.Response landed = signInThroughTheForm(session, path, PASSWORD);
            assertThat(landed.status()).as(next).isEqualTo(302);
            assertThat(landed.location()).as(next).isEqualTo("/admin");
        }
    }

    /** Opens the sign-in page at {@code path} and submits its form as a browser would, to the form's own action. */
    private AdminSession.Response signInThroughTheForm(AdminSession session, String path, String password) {
        AdminSession.Response form = session.get(path);
        assertThat(form.status()).isEqualTo(200);
        Document page = form.page();
        return session.postForm(page.selectFirst("form").attr("action"), Map.of("email", OWNER_EMAIL, "password", password,
                "_csrf", AdminSession.tokenIn(form.body())));
    }
}
