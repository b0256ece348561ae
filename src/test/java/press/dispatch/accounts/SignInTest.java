package press.dispatch.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

@Import(CountedPasswords.class)
class SignInTest extends NewsroomTest {

    @Autowired
    ResetLinks resetLinks;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
        // Reset links are sent when a test says so, so it can see what the request alone did.
        registry.add("dispatch.password-reset.first-check", () -> "1h");
    }

    @AfterEach
    void forgetFailures() {
        // Sign-in failures are forgotten a day after the last one; the next test starts clean.
        clock.advance(Duration.ofDays(2));
    }

    @Test
    void aVisitorIsSentToSignInAndSigningInStartsANewSessionWithSafeCookies() {
        AdminSession session = new AdminSession(port);
        AdminSession.Response admin = session.get("/admin/articles");
        assertThat(admin.status()).isEqualTo(302);
        assertThat(admin.location()).isEqualTo("/admin/sign-in?next=%2Fadmin%2Farticles");

        AdminSession.Response form = session.get("/admin/sign-in");
        String before = session.sessionId();
        assertThat(before).as("the form's CSRF token lives in a session").isNotNull();
        assertThat(form.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax");

        AdminSession.Response answer = session.postForm("/admin/sign-in",
                Map.of("email", "OWNER@news.example ", "password", PASSWORD, "_csrf", AdminSession.tokenIn(form.body())));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/admin");
        assertThat(session.sessionId()).as("a new session id at sign-in").isNotEqualTo(before);
        assertThat(session.get("/admin").page().select(".admin-nav a").eachText()).contains("Articles", "Settings", "Staff");
    }

    @Test
    void anUnknownAddressAndAWrongPasswordGetTheSameAnswerAfterTheSameWork() {
        String known = staffMember(Role.AUTHOR);
        for (int i = 0; i < 3; i++) {
            CountedPasswords.Work before = CountedPasswords.work();
            AdminSession.Response wrong = new AdminSession(port).signIn(known, "not the password " + i);
            CountedPasswords.Work wrongWork = CountedPasswords.work().since(before);
            before = CountedPasswords.work();
            String stranger = "nobody-" + i + "@news.example";
            AdminSession.Response unknown = new AdminSession(port).signIn(stranger, "not the password " + i);
            CountedPasswords.Work unknownWork = CountedPasswords.work().since(before);

            assertThat(wrong.status()).isEqualTo(unknown.status()).isEqualTo(401);
            assertThat(comparable(unknown.body(), stranger)).isEqualTo(comparable(wrong.body(), known)).contains(SignInPages.WRONG);
            // Both answers verify one Argon2id hash of the same cost; without the stand-in hash an unknown address would
            // verify none and answer many times faster. (Timings: bench/sign-in.sh.)
            assertThat(wrongWork).isEqualTo(unknownWork).isEqualTo(new CountedPasswords.Work(0, 1));
        }
    }

    @Test
    void aResetRequestDoesTheSameWorkForAStaffAddressAndAStrangersAddress() {
        String email = staffMember(Role.EDITOR);
        long outboxBefore = jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single();
        AdminSession session = new AdminSession(port);
        AdminSession.Response known = session.postForm("/admin/password-reset",
                Map.of("email", email, "_csrf", AdminSession.tokenIn(session.get("/admin/password-reset").body())));
        AdminSession.Response unknown = session.postForm("/admin/password-reset",
                Map.of("email", " Stranger@News.example", "_csrf", AdminSession.tokenIn(session.get("/admin/password-reset").body())));
        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(200);

        // The answer's only work, the same for both: the request written down as typed. Nothing is looked up or sent yet.
        assertThat(jdbc.sql("SELECT email FROM password_reset_requests ORDER BY id").query(String.class).list())
                .containsExactly(email, "stranger@news.example");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single()).isEqualTo(outboxBefore);

        resetLinks.sendWaiting();
        assertThat(lastLink(email, "/admin/password-reset/")).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = 'stranger@news.example'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset_requests").query(Long.class).single()).isZero();
    }

    @Test
    void fiftyWrongPasswordsAreThrottledAndTheOwnerCanStillResetThePassword() {
        int refusedAsWrong = 0;
        int throttled = 0;
        for (int i = 0; i < 50; i++) {
            AdminSession.Response answer = new AdminSession(port).signIn(OWNER_EMAIL, "guess number " + i);
            if (answer.status() == 401) {
                refusedAsWrong++;
            } else if (answer.status() == 429) {
                throttled++;
                assertThat(answer.header("Retry-After")).isNotNull();
                assertThat(answer.page().select(".problem").text()).contains("Too many failed attempts");
            }
        }
        assertThat(refusedAsWrong).as("attempts checked before the throttle").isEqualTo(SignInThrottle.FREE_PER_ACCOUNT);
        assertThat(throttled).isEqualTo(50 - SignInThrottle.FREE_PER_ACCOUNT);
        assertThat(new AdminSession(port).signIn(OWNER_EMAIL, PASSWORD).status()).as("even the right password waits").isEqualTo(429);

        AdminSession owner = new AdminSession(port);
        AdminSession.Response requested = owner.postForm("/admin/password-reset",
                Map.of("email", OWNER_EMAIL, "_csrf", AdminSession.tokenIn(owner.get("/admin/password-reset").body())));
        assertThat(requested.status()).isEqualTo(200);
        resetLinks.sendWaiting();
        String token = lastLink(OWNER_EMAIL, "/admin/password-reset/");
        AdminSession.Response form = owner.get("/admin/password-reset/" + token);
        assertThat(form.status()).isEqualTo(200);
        String newPassword = "a brand new passphrase";
        AdminSession.Response reset = owner.postForm("/admin/password-reset/" + token, Map.of("password", newPassword, "_csrf",
                AdminSession.tokenIn(form.body())));
        assertThat(reset.status()).isEqualTo(302);
        assertThat(reset.location()).isEqualTo("/admin/sign-in?reset");
        assertThat(owner.get("/admin/password-reset/" + token).status()).as("a reset link works once").isEqualTo(404);

        assertThat(signedIn(OWNER_EMAIL, newPassword).get("/admin").status()).isEqualTo(200);
        // Put the shared owner back as the other tests expect it.
        AdminSession again = signedIn(OWNER_EMAIL, newPassword);
        assertThat(again.post("/admin/account/password", Map.of("currentPassword", newPassword, "password", PASSWORD)).status()).isEqualTo(302);
    }

    @Test
    void aResetRequestAnswersTheSameForAnyAddressAndItsLinkExpiresAfterThirtyMinutes() {
        String email = staffMember(Role.EDITOR);
        AdminSession session = new AdminSession(port);
        AdminSession.Response known = session.postForm("/admin/password-reset",
                Map.of("email", email, "_csrf", AdminSession.tokenIn(session.get("/admin/password-reset").body())));
        AdminSession.Response unknown = session.postForm("/admin/password-reset",
                Map.of("email", "stranger@news.example", "_csrf", AdminSession.tokenIn(session.get("/admin/password-reset").body())));
        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(200);
        assertThat(comparable(known.body(), email)).isEqualTo(comparable(unknown.body(), "stranger@news.example"));
        resetLinks.sendWaiting();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = 'stranger@news.example'").query(Long.class).single()).isZero();

        String token = lastLink(email, "/admin/password-reset/");
        clock.advance(Duration.ofMinutes(31));
        assertThat(session.get("/admin/password-reset/" + token).status()).isEqualTo(404);
    }

    @Test
    void oneAddressIsSentAtMostThreeResetLinksAnHourAndATypoIsAskedAgain() {
        clock.advance(Duration.ofHours(2)); // a fresh hour for the limits, whatever ran before
        AdminSession session = new AdminSession(port);
        String email = unique("capped").replace(' ', '-').toLowerCase(java.util.Locale.ROOT) + "@news.example";
        for (int i = 0; i < 5; i++) {
            assertThat(session.postForm("/admin/password-reset", Map.of("email", email, "_csrf",
                    AdminSession.tokenIn(session.get("/admin/password-reset").body()))).status()).isEqualTo(200);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset_requests WHERE email = :e").param("e", email).query(Long.class).single())
                .as("links asked for, whoever asks").isEqualTo(3);

        AdminSession.Response typo = session.postForm("/admin/password-reset", Map.of("email", "not an email", "_csrf",
                AdminSession.tokenIn(session.get("/admin/password-reset").body())));
        assertThat(typo.status()).isEqualTo(422);
        assertThat(typo.page().text()).contains("Type the email address you sign in with");
        assertThat(typo.page().select("input[name=email]").val()).isEqualTo("not an email");
        clock.advance(Duration.ofHours(2));
    }

    @Test
    void resetRequestsFromOneNetworkAreLimitedToTenAnHour() {
        AdminSession session = new AdminSession(port);
        List<Integer> answers = new java.util.ArrayList<>();
        AdminSession.Response answer = null;
        for (int i = 0; i < 11; i++) {
            answer = session.postForm("/admin/password-reset", Map.of("email", "someone-" + i + "@news.example", "_csrf",
                    AdminSession.tokenIn(session.get("/admin/password-reset").body())));
            answers.add(answer.status());
        }
        assertThat(answers.subList(0, 10)).containsOnly(200);
        assertThat(answers.get(10)).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("3600");
        clock.advance(Duration.ofMinutes(61));
        assertThat(session.postForm("/admin/password-reset", Map.of("email", "someone@news.example", "_csrf",
                AdminSession.tokenIn(session.get("/admin/password-reset").body()))).status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordSignsOutEveryOtherSession() {
        String email = staffMember(Role.AUTHOR);
        AdminSession laptop = signedIn(email, PASSWORD);
        AdminSession phone = signedIn(email, PASSWORD);
        assertThat(phone.get("/admin").status()).isEqualTo(200);

        AdminSession.Response refused = laptop.post("/admin/account/password", Map.of("currentPassword", "wrong one!!", "password", "next passphrase 1"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().select(".problem").text()).contains("current password is not right");

        AdminSession.Response changed = laptop.post("/admin/account/password", Map.of("currentPassword", PASSWORD, "password", "next passphrase 1"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(laptop.get("/admin").status()).as("the session that changed it stays").isEqualTo(200);
        AdminSession.Response other = phone.get("/admin");
        assertThat(other.status()).isEqualTo(302);
        assertThat(other.location()).isEqualTo("/admin/sign-in");
    }

    @Test
    void aStoredSessionThatNoLongerReadsBackSignsOutInsteadOfFailing() {
        String email = staffMember(Role.AUTHOR);
        AdminSession author = signedIn(email, PASSWORD);
        assertThat(author.get("/admin").status()).isEqualTo(200);
        String id = Long.toString(accounts.list().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow().id());
        // As a session written by an older release whose classes have changed since.
        int spoiled = jdbc.sql("""
                UPDATE staff_sessions_attributes SET attribute_bytes = :junk
                WHERE session_primary_id IN (SELECT primary_id FROM staff_sessions WHERE principal_name = :id)
                """).param("junk", new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 115, 114, 0, 3, 'N', 'o', 'p'}).param("id", id).update();
        assertThat(spoiled).isPositive();
        AdminSession.Response answer = author.get("/admin");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/admin/sign-in");
    }

    @Test
    void anInvitationByEmailMakesAnAccountWithItsRoleOnce() {
        AdminSession owner = owner();
        String email = unique("reporter").replace(' ', '-') + "@news.example";
        AdminSession.Response bad = owner.post("/admin/staff", Map.of("email", "not an address", "displayName", "Rita", "role", "editor"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.page().selectFirst("input[name=displayName]").val()).as("input kept").isEqualTo("Rita");
        assertThat(owner.post("/admin/staff", Map.of("email", "someone@news.example", "displayName", "Rita", "role", "owner")).status())
                .as("nobody can hand out the owner role").isEqualTo(422);

        assertThat(owner.post("/admin/staff", Map.of("email", email, "displayName", "Rita Reporter", "role", "editor")).status()).isEqualTo(302);
        String token = lastLink(email, "/admin/invitation/");
        AdminSession invited = new AdminSession(port);
        AdminSession.Response form = invited.get("/admin/invitation/" + token);
        assertThat(form.page().text()).contains("as editor").contains(email);
        AdminSession.Response weak = invited.postForm("/admin/invitation/" + token,
                Map.of("displayName", "Rita Reporter", "password", "short", "_csrf", AdminSession.tokenIn(form.body())));
        assertThat(weak.status()).isEqualTo(422);
        AdminSession.Response joined = invited.postForm("/admin/invitation/" + token,
                Map.of("displayName", "Rita Reporter", "password", PASSWORD, "_csrf", AdminSession.tokenIn(weak.body())));
        assertThat(joined.status()).isEqualTo(302);
        assertThat(invited.get("/admin/comments").status()).as("editors moderate").isEqualTo(200);
        assertThat(invited.get("/admin/settings").status()).as("editors do not change settings").isEqualTo(403);
        assertThat(new AdminSession(port).get("/admin/invitation/" + token).status()).as("an invitation works once").isEqualTo(404);
        assertThat(browser.get("/authors/rita-reporter").status()).as("the new staff member has a byline").isEqualTo(200);
    }

    @Test
    void aStaffNameNeverHoldsCharactersThatReverseText() {
        String email = unique("reverse").replace(' ', '-') + "@news.example";
        accounts.invite(ownerStaff(), email, "Eve\u202Egnp.exe", Role.AUTHOR);
        accounts.acceptInvitation(lastLink(email, "/admin/invitation/"), "Eve\u202Egnp.exe \u2066Sharp\u2069", PASSWORD);
        assertThat(accounts.list().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow().displayName())
                .isEqualTo("Evegnp.exe Sharp");
        AdminSession eve = signedIn(email, PASSWORD);
        assertThat(eve.post("/admin/byline", Map.of("displayName", "Eve \u202EReversed", "bio", "", "photoMediaId", "")).status())
                .isEqualTo(302);
        assertThat(accounts.list().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow().displayName()).isEqualTo("Eve Reversed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM authors WHERE display_name LIKE :rlo").param("rlo", "%\u202E%").query(Long.class).single())
                .isZero();
    }

    @Test
    void adminPagesCarryStrictSecurityHeadersAndNoInlineScript() {
        AdminSession owner = owner();
        for (String path : List.of("/admin", "/admin/articles/new", "/admin/settings", "/admin/sign-in")) {
            AdminSession.Response page = owner.get(path);
            String csp = page.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors").doesNotContain("unsafe-inline");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).isNotNull();
            assertThat(page.header("Cache-Control")).contains("no-store");
            assertThat(page.page().select("script:not([src])")).as("inline scripts on " + path).isEmpty();
            assertThat(page.page().select("body > a.skip-link[href=#main]")).as("a skip link on " + path).hasSize(1);
            assertThat(page.page().getElementById("main")).as(path).isNotNull();
        }
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureAndAnswersCarryHsts() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.base() + "/admin/sign-in"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure").contains("HttpOnly");
        var plain = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.base() + "/admin/sign-in")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain http").isEmpty();
    }

    @Test
    void aCachedPublicPageCarriesHstsToHttpsReadersOnlyWhoeverReadItFirst() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String path = "/articles/" + slugOf(publishedArticle(unique("Hsts"), null));
        for (int round = 0; round < 2; round++) { // the first plain request renders and stores the page; the rest are hits
            var plain = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.base() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain http").isEmpty();
            var secure = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.base() + path))
                    .header("X-Forwarded-Proto", "https").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(secure.headers().firstValue("Strict-Transport-Security")).as("HSTS over https, round " + round)
                    .hasValue("max-age=31536000 ; includeSubDomains");
        }
    }

    /** The page without what legitimately differs between two answers: the CSRF token and the address typed. */
    private static String comparable(String body, String typedEmail) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replace(typedEmail, "EMAIL");
    }
}
