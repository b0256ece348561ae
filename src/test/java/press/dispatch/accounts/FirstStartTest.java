package press.dispatch.accounts;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** No account and no DISPATCH_ADMIN_*: the owner is made with the one-time link printed at start-up. */
class FirstStartTest extends SiteTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    Accounts accounts;

    @Test
    void theSetUpLinkCreatesTheOwnerOnce() {
        AdminSession visitor = new AdminSession(port);
        assertThat(visitor.get("/admin/sign-in").page().select(".notice").text()).contains("set-up link printed in the server's console");
        assertThat(visitor.get("/admin/setup?token=guessed").status()).isEqualTo(404);

        // The link printed at start-up carries this token (a new one replaces it, as a restart would).
        String token = accounts.newSetupToken();
        AdminSession.Response form = visitor.get("/admin/setup?token=" + token);
        assertThat(form.status()).isEqualTo(200);
        AdminSession.Response bad = visitor.postForm("/admin/setup?token=" + token, Map.of("displayName", "Olivia Owner", "email", "olivia@news.example",
                "password", "olivia@news.example", "_csrf", AdminSession.tokenIn(form.body())));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.page().selectFirst("input[name=email]").val()).isEqualTo("olivia@news.example");
        assertThat(bad.page().select(".problem").text()).contains("must not be your email address");

        assertThat(bad.page().selectFirst("input[name=firstSection]").val()).as("the first section's name is asked, News unless changed")
                .isEqualTo("News");
        AdminSession.Response created = visitor.postForm("/admin/setup?token=" + token, Map.of("displayName", "Olivia Owner",
                "email", "olivia@news.example", "password", "a long owner passphrase", "firstSection", "Home Front",
                "_csrf", AdminSession.tokenIn(bad.body())));
        assertThat(created.status()).isEqualTo(302);
        assertThat(visitor.get("/admin/staff").page().text()).contains("Olivia Owner").contains("Owner");
        assertThat(new AdminSession(port).get("/admin/setup?token=" + token).status()).as("the link works once").isEqualTo(404);
        assertThat(accounts.setupNeeded()).isFalse();
        assertThat(browser.get("/").page().select("nav.sections a").eachText()).as("a site is never without a section")
                .containsExactly("Home Front");
    }
}
