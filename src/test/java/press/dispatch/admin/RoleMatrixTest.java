package press.dispatch.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Role;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin screen and API operation × every role: allowed or 403, as the README's role table says. The tables
 * below must name every mapping the application has under /admin and /api/v1, so a new endpoint cannot be
 * added without deciding who may use it.
 */
class RoleMatrixTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    /** @param needs null: open to anyone (the signed-out pages) */
    record Endpoint(String method, String pattern, Permission needs) {
        String path(long article) {
            return pattern.replace("{id}", Long.toString(article)).replace("{number}", "1").replace("{commentId}", "999999")
                    .replace("{staffId}", "999999").replace("{keyId}", "999999").replace("{token}", "not-a-token")
                    .replace("{action}", "approve").replace("{photoId}", "999999").replace("{menu}", "header").replace("{entryId}", "999999")
                    .replace("{articleId}", "999999");
        }
    }

    /** Someone else's article needs PUBLISH_ANY; the sample article belongs to an editor nobody signs in as. */
    static final List<Endpoint> ADMIN = List.of(
            new Endpoint("GET", "/admin", Permission.WRITE),
            new Endpoint("GET", "/admin/articles", Permission.WRITE),
            new Endpoint("GET", "/admin/articles/new", Permission.WRITE),
            new Endpoint("POST", "/admin/articles", Permission.WRITE),
            new Endpoint("GET", "/admin/articles/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/{id}", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/articles/{id}/preview", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/preview-body", Permission.WRITE),
            new Endpoint("GET", "/admin/articles/{id}/revisions", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/articles/{id}/diff", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/{id}/revisions/{number}/restore", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/{id}/pending/publish", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/{id}/pending/discard", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/articles/{id}/corrections", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/{id}/corrections", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/{id}/corrections/{number}", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/articles/{id}/release", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/{id}/hold", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/{id}/release/request", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/articles/{id}/release/owner", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/releases", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/releases/{number}/approve", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/releases/{number}/return", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/embargo-changes/{number}/approve", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/embargo-changes/{number}/return", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/threads", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/threads", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/threads/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/threads/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/threads/{id}/articles", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/threads/{id}/articles/remove", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/threads/{id}/articles/move", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/review", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/review/{id}/publish", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/review/{id}/return", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/sections", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/sections", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/sections/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/sections/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/sections/{id}/move", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/sections/{id}/delete", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/tags", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/tags/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/tags/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/tags/{id}/merge", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/tags/{id}/delete", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/pages", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/pages/new", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/pages", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/pages/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/pages/{id}", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/pages/{id}/preview", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/pages/{id}/revisions", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/pages/{id}/revisions/{number}/restore", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/galleries", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/galleries/new", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/galleries", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/galleries/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/galleries/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/galleries/{id}/photos", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/galleries/{id}/photos/{photoId}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/galleries/{id}/photos/{photoId}/move", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/galleries/{id}/photos/{photoId}/remove", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/galleries/{id}/order", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/menus", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/menus/{menu}", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/settings/icon", Permission.SETTINGS),
            new Endpoint("POST", "/admin/settings/icon", Permission.SETTINGS),
            new Endpoint("POST", "/admin/settings/icon/remove", Permission.SETTINGS),
            new Endpoint("GET", "/admin/live/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/live/{id}/start", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/live/{id}/entries", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/live/{id}/entries/{entryId}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/live/{id}/entries/{entryId}/pin", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/live/{id}/entries/{entryId}/delete", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/admin/live/{id}/end", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/media", Permission.WRITE),
            new Endpoint("POST", "/admin/media/upload", Permission.UPLOAD),
            new Endpoint("GET", "/admin/media/{id}", Permission.WRITE),
            new Endpoint("POST", "/admin/media/{id}", Permission.UPLOAD),
            new Endpoint("POST", "/admin/media/{id}/delete", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/admin/comments", Permission.MODERATE),
            new Endpoint("POST", "/admin/comments/bulk", Permission.MODERATE),
            new Endpoint("POST", "/admin/comments/{commentId}/edit", Permission.MODERATE),
            new Endpoint("POST", "/admin/comments/{commentId}/reply", Permission.MODERATE),
            new Endpoint("GET", "/admin/subscribers", Permission.SUBSCRIBERS),
            new Endpoint("GET", "/admin/subscribers/export.csv", Permission.SUBSCRIBERS),
            new Endpoint("POST", "/admin/subscribers/import", Permission.SUBSCRIBERS),
            new Endpoint("GET", "/admin/newsletters", Permission.SUBSCRIBERS),
            new Endpoint("GET", "/admin/newsletters/{id}", Permission.SUBSCRIBERS),
            new Endpoint("GET", "/admin/staff", Permission.STAFF),
            new Endpoint("POST", "/admin/staff", Permission.STAFF),
            new Endpoint("POST", "/admin/staff/{staffId}/role", Permission.STAFF),
            new Endpoint("POST", "/admin/staff/{staffId}/access", Permission.STAFF),
            new Endpoint("GET", "/admin/api-keys", Permission.STAFF),
            new Endpoint("POST", "/admin/api-keys", Permission.STAFF),
            new Endpoint("POST", "/admin/api-keys/{keyId}/revoke", Permission.STAFF),
            new Endpoint("GET", "/admin/privacy", Permission.PERSONAL_DATA),
            new Endpoint("GET", "/admin/privacy/export.json", Permission.PERSONAL_DATA),
            new Endpoint("POST", "/admin/privacy/erase", Permission.PERSONAL_DATA),
            new Endpoint("GET", "/admin/settings", Permission.SETTINGS),
            new Endpoint("POST", "/admin/settings", Permission.SETTINGS),
            new Endpoint("POST", "/admin/settings/mail-hold/release", Permission.SETTINGS),
            new Endpoint("POST", "/admin/settings/mail-hold/discard", Permission.SETTINGS),
            new Endpoint("POST", "/admin/settings/partner-feed", Permission.SETTINGS),
            new Endpoint("GET", "/admin/import", Permission.SETTINGS),
            new Endpoint("POST", "/admin/import", Permission.SETTINGS),
            new Endpoint("GET", "/admin/import/runs/{id}", Permission.SETTINGS),
            new Endpoint("GET", "/admin/import/export", Permission.SETTINGS),
            new Endpoint("GET", "/admin/import/export/wordpress.xml", Permission.SETTINGS),
            new Endpoint("GET", "/admin/import/export/media.zip", Permission.SETTINGS),
            new Endpoint("GET", "/admin/redirects", Permission.SETTINGS),
            new Endpoint("POST", "/admin/redirects/{id}", Permission.SETTINGS),
            new Endpoint("POST", "/admin/redirects/{id}/delete", Permission.SETTINGS),
            new Endpoint("GET", "/admin/account", Permission.WRITE),
            new Endpoint("GET", "/admin/byline", Permission.WRITE),
            new Endpoint("POST", "/admin/byline", Permission.WRITE),
            new Endpoint("POST", "/admin/account/password", Permission.WRITE));

    /** Pages for signed-out staff. */
    static final List<Endpoint> OPEN = List.of(
            new Endpoint("GET", "/admin/sign-in", null), new Endpoint("POST", "/admin/sign-in", null),
            new Endpoint("GET", "/admin/setup", null), new Endpoint("POST", "/admin/setup", null),
            new Endpoint("GET", "/admin/password-reset", null), new Endpoint("POST", "/admin/password-reset", null),
            new Endpoint("GET", "/admin/password-reset/{token}", null), new Endpoint("POST", "/admin/password-reset/{token}", null),
            new Endpoint("GET", "/admin/invitation/{token}", null), new Endpoint("POST", "/admin/invitation/{token}", null));

    static final List<Endpoint> API = List.of(
            new Endpoint("GET", "/api/v1/articles", Permission.WRITE),
            new Endpoint("POST", "/api/v1/articles", Permission.WRITE),
            new Endpoint("GET", "/api/v1/articles/{id}", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/articles/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/articles/{id}/publish", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/articles/{id}/schedule", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/articles/{id}/unpublish", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/articles/{id}/corrections", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/articles/{id}/corrections", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/articles/{id}/corrections/{number}", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/threads", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/threads", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/threads/{id}", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/threads/{id}", Permission.PUBLISH_ANY),
            new Endpoint("DELETE", "/api/v1/threads/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/threads/{id}/articles", Permission.PUBLISH_ANY),
            new Endpoint("DELETE", "/api/v1/threads/{id}/articles/{articleId}", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/threads/{id}/articles", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/articles/{id}/release", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/articles/{id}/release", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/articles/{id}/release/request", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/releases", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/releases/{id}/approve", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/releases/{id}/return", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/embargo-changes/{id}/approve", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/embargo-changes/{id}/return", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/sections", Permission.WRITE),
            new Endpoint("POST", "/api/v1/sections", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/sections/{id}", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/sections/order", Permission.PUBLISH_ANY),
            new Endpoint("DELETE", "/api/v1/sections/{id}", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/tags", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/tags/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/tags/{id}/merge", Permission.PUBLISH_ANY),
            new Endpoint("DELETE", "/api/v1/tags/{id}", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/pages", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/pages", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/pages/{id}", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/pages/{id}", Permission.PUBLISH_ANY),
            new Endpoint("DELETE", "/api/v1/pages/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/pages/{id}/publish", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/pages/{id}/unpublish", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/galleries", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/galleries", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/galleries/{id}", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/galleries/{id}", Permission.PUBLISH_ANY),
            new Endpoint("DELETE", "/api/v1/galleries/{id}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/galleries/{id}/photos", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/galleries/{id}/order", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/galleries/{id}/photos/{photoId}", Permission.PUBLISH_ANY),
            new Endpoint("DELETE", "/api/v1/galleries/{id}/photos/{photoId}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/galleries/{id}/publish", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/galleries/{id}/unpublish", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/menus/{menu}", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/menus/{menu}", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/settings", Permission.SETTINGS),
            new Endpoint("PATCH", "/api/v1/settings", Permission.SETTINGS),
            new Endpoint("GET", "/api/v1/site-icon", Permission.SETTINGS),
            new Endpoint("PUT", "/api/v1/site-icon", Permission.SETTINGS),
            new Endpoint("DELETE", "/api/v1/site-icon", Permission.SETTINGS),
            new Endpoint("POST", "/api/v1/articles/{id}/live/start", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/articles/{id}/live/entries", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/articles/{id}/live/entries", Permission.PUBLISH_ANY),
            new Endpoint("PUT", "/api/v1/articles/{id}/live/entries/{entryId}", Permission.PUBLISH_ANY),
            new Endpoint("DELETE", "/api/v1/articles/{id}/live/entries/{entryId}", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/articles/{id}/live/end", Permission.PUBLISH_ANY),
            new Endpoint("POST", "/api/v1/media", Permission.UPLOAD),
            new Endpoint("GET", "/api/v1/media/{id}", Permission.UPLOAD),
            new Endpoint("GET", "/api/v1/media", Permission.UPLOAD),
            new Endpoint("PUT", "/api/v1/media/{id}", Permission.UPLOAD),
            new Endpoint("DELETE", "/api/v1/media/{id}", Permission.PUBLISH_ANY),
            new Endpoint("GET", "/api/v1/subscribers", Permission.SUBSCRIBERS),
            new Endpoint("GET", "/api/v1/subscribers/export.csv", Permission.SUBSCRIBERS),
            new Endpoint("GET", "/api/v1/comments", Permission.MODERATE),
            new Endpoint("POST", "/api/v1/comments/{id}/{action}", Permission.MODERATE),
            new Endpoint("POST", "/api/v1/privacy/export", Permission.PERSONAL_DATA),
            new Endpoint("POST", "/api/v1/privacy/erase", Permission.PERSONAL_DATA));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApiKeys keys;

    private long article;

    @BeforeEach
    void someoneElsesArticle() {
        String writer = staffMember(Role.EDITOR);
        long writerId = accounts.list().stream().filter(a -> a.email().equals(writer)).findFirst().orElseThrow().id();
        article = publishing.draft(ArticleDraft.of("Someone else's story", "", "Body text."));
        jdbc.sql("UPDATE articles SET created_by = :staff WHERE id = :id").param("staff", writerId).param("id", article).update();
    }

    @Test
    void theTablesNameEveryAdminAndApiMapping() {
        Set<String> registered = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            if (pattern.startsWith("/admin") || pattern.startsWith("/api/v1")) {
                info.getMethodsCondition().getMethods().forEach(m -> registered.add(m.name() + " " + normalise(pattern)));
            }
        }));
        Set<String> tabled = new TreeSet<>();
        List<Endpoint> all = new ArrayList<>(ADMIN);
        all.addAll(OPEN);
        all.addAll(API);
        all.forEach(e -> tabled.add(e.method() + " " + normalise(e.pattern())));
        assertThat(tabled).isEqualTo(registered);
    }

    @Test
    void everyAdminScreenAllowsExactlyTheRolesWhosePermissionItNeeds() {
        Map<Role, AdminSession> sessions = new EnumMap<>(Role.class);
        sessions.put(Role.OWNER, owner());
        for (Role role : List.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR)) {
            sessions.put(role, signedIn(staffMember(role), PASSWORD));
        }
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ADMIN) {
            for (Role role : Role.values()) {
                AdminSession session = sessions.get(role);
                AdminSession.Response answer = e.method().equals("GET") ? session.get(e.path(article) + (e.pattern().endsWith("/diff") ? "?from=1&to=1" : ""))
                        : session.post(e.path(article), Map.of("version", "-1", "action", "save", "note", "x"));
                boolean allowed = role.can(e.needs());
                boolean wasAllowed = answer.status() != 403;
                if (answer.status() == 302 && answer.location() != null && answer.location().startsWith("/admin/sign-in")) {
                    wrong.add(e + " as " + role + ": signed out");
                } else if (allowed != wasAllowed || answer.status() >= 500) {
                    wrong.add(e.method() + " " + e.pattern() + " as " + role + " answered " + answer.status() + " (expected "
                            + (allowed ? "allowed" : "403") + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyStateChangeWithoutTheCsrfTokenIsRefused() {
        AdminSession owner = owner();
        List<String> accepted = new ArrayList<>();
        List<Endpoint> posts = new ArrayList<>(ADMIN);
        posts.addAll(OPEN);
        posts.add(new Endpoint("POST", "/admin/sign-out", null));
        for (Endpoint e : posts) {
            if (e.method().equals("POST")) {
                AdminSession.Response answer = owner.postWithoutCsrf(e.path(article), Map.of("version", "0", "action", "save", "headline", "Forged"));
                if (answer.status() != 403) {
                    accepted.add(e.pattern() + " answered " + answer.status());
                }
            }
        }
        assertThat(accepted).isEmpty();
        assertThat(publishing.get(article).headline()).isEqualTo("Someone else's story");
        assertThat(owner.get("/admin").status()).as("still signed in: sign-out needs the token too").isEqualTo(200);
    }

    @Test
    void everyApiOperationAllowsExactlyTheKeysWhoseRoleHasItsPermission() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> wrong = new ArrayList<>();
        for (Role role : List.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR)) {
            String key = keys.create(ownerStaff(), "matrix " + role, role);
            for (Endpoint e : API) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + e.path(article)))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
                String body = e.pattern().endsWith("/schedule") ? "{\"publishAt\":\"2000-01-01T00:00:00Z\"}" : "{}";
                request = switch (e.method()) {
                    case "GET" -> request.GET();
                    case "PUT" -> request.PUT(HttpRequest.BodyPublishers.ofString(body));
                    case "DELETE" -> request.DELETE();
                    case "PATCH" -> request.method("PATCH", HttpRequest.BodyPublishers.ofString(body));
                    default -> request.POST(HttpRequest.BodyPublishers.ofString(body));
                };
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                boolean allowed = role.can(e.needs());
                if (allowed == (answer.statusCode() == 403) || answer.statusCode() == 401 || answer.statusCode() >= 500) {
                    wrong.add(e.method() + " " + e.pattern() + " with a " + role + " key answered " + answer.statusCode() + " " + answer.body());
                }
                if (answer.statusCode() == 403) {
                    assertThat(answer.body()).contains("\"code\":\"forbidden\"");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String normalise(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "{}");
    }

    static String describe(List<Endpoint> endpoints) {
        return endpoints.stream().map(e -> e.method() + " " + e.pattern()).collect(Collectors.joining("\n"));
    }
}
