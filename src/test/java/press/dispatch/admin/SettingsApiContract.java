package press.dispatch.admin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import press.dispatch.accounts.ApiKeys;
import press.dispatch.accounts.Role;
import press.dispatch.media.MediaItem;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin changes the site's settings, logo and icon through the Admin API and readers see it; on each database. */
abstract class SettingsApiContract extends NewsroomTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SiteSettings settings;

    @Autowired
    ApiKeys keys;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String key, String method, String path, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> patch(String key, String json) throws Exception {
        return send(key, "PATCH", "/api/v1/settings", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> uploadIcon(String key, byte[] file) throws Exception {
        String boundary = "icon" + java.util.UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"icon.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(key, "PUT", "/api/v1/site-icon", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 60, 120));
        g.fillRect(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private String adminKey() {
        return keys.create(ownerStaff(), unique("settings admin"), Role.ADMIN);
    }

    private static String accentHref(Document page) {
        return page.select("link[rel=stylesheet][href^=/assets/accent.css]").attr("href");
    }

    @Test
    void anAdminReadsTheSettingsButNeverThePartnerFeedSecret() throws Exception {
        settings.update(Map.of(Setting.FEED_PARTNER_SECRET.key(), "a-very-secret-partner-feed-key-123"));
        HttpResponse<String> read = send(adminKey(), "GET", "/api/v1/settings", null, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(read.body());
        assertThat(json.path("site.name").asString()).isEqualTo(settings.current().name());
        assertThat(json.path("site.accent_color").asString()).isEqualTo(settings.current().get(Setting.ACCENT_COLOR));
        assertThat(json.has("site.logo_photo")).isTrue();
        assertThat(json.has(Setting.FEED_PARTNER_SECRET.key())).isFalse();
        assertThat(read.body()).doesNotContain("a-very-secret-partner-feed-key-123");
    }

    @Test
    void anEditorMayNotReadOrChangeTheSettings() throws Exception {
        String editor = keys.create(ownerStaff(), unique("settings editor"), Role.EDITOR);
        assertThat(send(editor, "GET", "/api/v1/settings", null, null).statusCode()).isEqualTo(403);
        assertThat(patch(editor, "{\"site.name\": \"Taken over\"}").statusCode()).isEqualTo(403);
        assertThat(uploadIcon(editor, png(512, 512)).statusCode()).isEqualTo(403);
    }

    @Test
    void anAccentColourAndLogoChangedThroughTheApiAreOnThePublicPages() throws Exception {
        MediaItem logo = photo(unique("Logo"));
        String before = accentHref(browser.get("/").page());
        HttpResponse<String> changed = patch(adminKey(), "{\"site.accent_color\": \"#1a3d7c\", \"site.logo_photo\": \"" + logo.id()
                + "\", \"site.logo_display\": \"logo_only\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).path("site.accent_color").asString()).isEqualTo("#1a3d7c");

        Document home = browser.get("/").page();
        assertThat(accentHref(home)).as("the page cache was purged: a new stylesheet address").isNotEqualTo(before);
        assertThat(browser.get(accentHref(home)).body()).contains("--accent: #1a3d7c");
        assertThat(home.selectFirst("header.masthead .site-name img.site-logo")).as(home.select("header.masthead").outerHtml()).isNotNull();
        assertThat(home.selectFirst("header.masthead .site-name img.site-logo").attr("src")).startsWith("/media/" + logo.storageKey() + "/");
        settings.update(Map.of(Setting.LOGO_PHOTO.key(), ""));
    }

    @Test
    void aPaleAccentIsRefusedWithItsRatioAndNothingElseInTheRequestIsSaved() throws Exception {
        String name = settings.current().name();
        String accent = settings.current().get(Setting.ACCENT_COLOR);
        HttpResponse<String> refused = patch(adminKey(), "{\"site.name\": \"Yellow newsroom\", \"site.accent_color\": \"#ffee88\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("invalid");
        assertThat(error.path("fields").path("site.accent_color").asString()).contains("contrast of only", ":1", "4.5:1");
        assertThat(error.path("fields").has("site.name")).isFalse();
        assertThat(settings.current().name()).isEqualTo(name);
        assertThat(settings.current().get(Setting.ACCENT_COLOR)).isEqualTo(accent);
        assertThat(browser.get("/").page().select("header.masthead .site-name").text()).isEqualTo(name);
    }

    @Test
    void aLogoPhotoThatDoesNotExistIsRefusedAndTheLogoStaysAsItWas() throws Exception {
        String logo = settings.current().get(Setting.LOGO_PHOTO);
        HttpResponse<String> refused = patch(adminKey(), "{\"site.logo_photo\": \"987654321\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).path("error").path("fields").path("site.logo_photo").asString()).contains("no photo");
        assertThat(settings.current().get(Setting.LOGO_PHOTO)).isEqualTo(logo);
    }

    @Test
    void theSettingsScreenRefusesAMissingLogoPhotoByTheSameRule() {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            form.put(s.key(), settings.current().get(s));
        }
        form.put(Setting.LOGO_PHOTO.key(), "987654321");
        form.put(Setting.NAME.key(), "Renamed with a missing logo");
        press.dispatch.testing.AdminSession.Response refused = owner().post("/admin/settings", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().text()).contains("names no photo in the library");
        assertThat(settings.current().name()).isNotEqualTo("Renamed with a missing logo");
    }

    @Test
    void anUnknownSettingIsRefusedByName() throws Exception {
        HttpResponse<String> refused = patch(adminKey(), "{\"site.colour\": \"#000000\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).path("error").path("fields").path("site.colour").asString()).isEqualTo("is not a setting");
    }

    @Test
    void anIconUploadedThroughTheApiIsTheFaviconAndInTheManifestUntilItIsDeleted() throws Exception {
        String admin = adminKey();
        HttpResponse<String> uploaded = uploadIcon(admin, png(600, 600));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String version = JSON.readTree(uploaded.body()).path("version").asString();
        assertThat(version).isNotBlank();

        Document page = browser.get("/").page();
        assertThat(page.selectFirst("head link[rel=icon][sizes^=16]").attr("href")).isEqualTo("/favicon.ico?v=" + version);
        JsonNode manifest = JSON.readTree(browser.get("/site.webmanifest").body());
        assertThat(manifest.path("icons").findValuesAsString("src")).allMatch(src -> src.endsWith("?v=" + version)).hasSize(2);

        assertThat(send(admin, "DELETE", "/api/v1/site-icon", null, null).statusCode()).isEqualTo(204);
        assertThat(browser.get("/").page().select("head link[rel=icon]").eachAttr("href")).containsExactly("/favicon.ico");
        assertThat(JSON.readTree(browser.get("/site.webmanifest").body()).path("icons").size()).isZero();
    }

    @Test
    void anIconThatIsNotSquareOrTooSmallOrNotAnImageIsRefusedWithTheReason() throws Exception {
        String admin = adminKey();
        send(admin, "DELETE", "/api/v1/site-icon", null, null);
        HttpResponse<String> oblong = uploadIcon(admin, png(800, 600));
        assertThat(oblong.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(oblong.body()).path("error").path("fields").path("file").asString()).contains("must be square", "800×600");
        HttpResponse<String> small = uploadIcon(admin, png(256, 256));
        assertThat(small.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(small.body()).path("error").path("message").asString()).contains("at least 512×512");
        HttpResponse<String> text = uploadIcon(admin, "not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(text.body()).path("error").path("fields").path("file").asString()).isNotBlank();
        assertThat(browser.get("/").page().select("head link[rel=icon]").eachAttr("href")).containsExactly("/favicon.ico");
    }
}
