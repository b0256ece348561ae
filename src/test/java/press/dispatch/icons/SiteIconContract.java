package press.dispatch.icons;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin uploads one square image and browsers and phones find the site icon in every size; on each database. */
abstract class SiteIconContract extends NewsroomTest {

    @Autowired
    SiteSettings settings;

    private final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A square-ish picture with a transparent corner, written as PNG (or another ImageIO format). */
    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 60, 120));
        g.fillRect(width / 8, height / 8, width * 7 / 8, height * 7 / 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private AdminSession.Response upload(AdminSession admin, byte[] file, String name, String type) {
        return admin.postFile("/admin/settings/icon", Map.of(), "icon", name, type, file);
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a readable image").isNotNull();
        return image;
    }

    private record IcoEntry(int width, int height, BufferedImage image) {
    }

    /** Reads an ICO container as a browser does: header, directory, then each image at its offset. */
    private static List<IcoEntry> readIco(byte[] ico) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buffer.getShort(0)).as("reserved").isZero();
        assertThat(buffer.getShort(2)).as("type 1: icon").isEqualTo((short) 1);
        int count = buffer.getShort(4);
        List<IcoEntry> entries = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int at = 6 + 16 * n;
            int width = Byte.toUnsignedInt(buffer.get(at));
            int height = Byte.toUnsignedInt(buffer.get(at + 1));
            int size = buffer.getInt(at + 8);
            int offset = buffer.getInt(at + 12);
            byte[] png = java.util.Arrays.copyOfRange(ico, offset, offset + size);
            entries.add(new IcoEntry(width, height, decode(png)));
        }
        return entries;
    }

    @Test
    void theNeutralFaviconAnswersWhileNoIconIsUploadedAndPagesNameItAndTheManifest() throws Exception {
        AdminSession owner = owner();
        owner.post("/admin/settings/icon/remove", Map.of());
        HttpResponse<byte[]> favicon = fetch("/favicon.ico");
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        try (InputStream neutral = new ClassPathResource("assets/favicon.ico").getInputStream()) {
            assertThat(favicon.body()).isEqualTo(neutral.readAllBytes());
        }
        Document page = browser.get("/").page();
        assertThat(page.select("head link[rel=icon]").eachAttr("href")).containsExactly("/favicon.ico");
        assertThat(page.select("head link[rel=manifest]").attr("href")).isEqualTo("/site.webmanifest");
        JsonNode manifest = JSON.readTree(fetch("/site.webmanifest").body());
        assertThat(manifest.path("icons").size()).isZero();
        assertThat(manifest.path("name").asString()).isEqualTo(settings.current().name());
    }

    @Test
    void anAdminUploadsASquareImageAndBrowsersAndPhonesGetEverySizeFromIt() throws Exception {
        AdminSession owner = owner();
        AdminSession.Response uploaded = upload(owner, image(640, 640, "png"), "icon.png", "image/png");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);

        Document page = browser.get("/").page();
        String favicon = page.selectFirst("head link[rel=icon][sizes^=16]").attr("href");
        assertThat(favicon).startsWith("/favicon.ico?v=");
        String version = favicon.substring(favicon.indexOf("?v=") + 3);
        assertThat(page.selectFirst("head link[rel=icon][type=image/png]").attr("href")).isEqualTo("/assets/icons/icon-32.png?v=" + version);
        String touch = page.selectFirst("head link[rel=apple-touch-icon]").attr("href");

        HttpResponse<byte[]> ico = fetch(favicon);
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        assertThat(ico.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
        List<IcoEntry> entries = readIco(ico.body());
        assertThat(entries).extracting(IcoEntry::width).containsExactly(16, 32, 48);
        entries.forEach(e -> assertThat(e.image().getWidth()).isEqualTo(e.width()));
        entries.forEach(e -> assertThat(e.image().getHeight()).isEqualTo(e.height()));
        String etag = fetch("/favicon.ico").headers().firstValue("ETag").orElseThrow();
        assertThat(fetch("/favicon.ico", "If-None-Match", etag).statusCode()).isEqualTo(304);

        BufferedImage png32 = decode(fetch("/assets/icons/icon-32.png?v=" + version).body());
        assertThat(png32.getWidth()).isEqualTo(32);
        assertThat(png32.getColorModel().hasAlpha()).as("a transparent corner stays transparent").isTrue();
        assertThat(png32.getRGB(0, 0) >>> 24).isZero();
        BufferedImage apple = decode(fetch(touch).body());
        assertThat(apple.getWidth()).isEqualTo(180);
        assertThat(apple.getRGB(0, 0) & 0xffffff).as("phones show transparency as black: the touch icon is on white").isEqualTo(0xffffff);

        JsonNode manifest = JSON.readTree(fetch(page.selectFirst("head link[rel=manifest]").attr("href")).body());
        assertThat(manifest.path("name").asString()).isEqualTo(settings.current().name());
        assertThat(manifest.path("short_name").asString()).isNotBlank().hasSizeLessThanOrEqualTo(12);
        assertThat(manifest.path("theme_color").asString()).isEqualTo(settings.current().get(Setting.ACCENT_COLOR));
        assertThat(manifest.path("background_color").asString()).isEqualTo("#ffffff");
        List<String> sizes = new ArrayList<>();
        for (JsonNode icon : manifest.path("icons")) {
            sizes.add(icon.path("sizes").asString());
            BufferedImage served = decode(fetch(icon.path("src").asString()).body());
            assertThat(served.getWidth() + "x" + served.getHeight()).isEqualTo(icon.path("sizes").asString());
        }
        assertThat(sizes).containsExactly("192x192", "512x512");
    }

    @Test
    void anImageThatIsNotSquareTooSmallOrNotAPngJpegOrWebpIsRefusedWithAMessageSayingWhy() throws Exception {
        AdminSession owner = owner();
        AdminSession.Response wide = upload(owner, image(800, 600, "png"), "wide.png", "image/png");
        assertThat(wide.status()).isEqualTo(422);
        assertThat(wide.page().select(".problem").text()).contains("must be square", "800×600");

        AdminSession.Response small = upload(owner, image(256, 256, "jpeg"), "small.jpg", "image/jpeg");
        assertThat(small.status()).isEqualTo(422);
        assertThat(small.page().select(".problem").text()).contains("at least 512×512", "256×256");

        AdminSession.Response gif = upload(owner, image(600, 600, "gif"), "icon.gif", "image/gif");
        assertThat(gif.status()).isEqualTo(422);
        assertThat(gif.page().select(".problem").text()).contains("not a PNG, JPEG or WebP image");

        AdminSession.Response text = upload(owner, "<svg onload=alert(1)>".getBytes(), "icon.svg", "image/svg+xml");
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.page().select(".problem").text()).contains("not a PNG, JPEG or WebP image");
    }
}
