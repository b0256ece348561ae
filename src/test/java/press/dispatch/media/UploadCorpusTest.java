package press.dispatch.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hostile and odd uploads of the photo desk's corpus: each is refused with a message naming the file and the
 * reason, or re-encoded so nothing of the original bytes survives; nothing is written outside the media folder, and
 * no served file, in any format, carries EXIF or GPS metadata.
 */
class UploadCorpusTest extends SiteTest {

    private static Path dataDir;

    @Autowired
    MediaLibrary library;

    @Autowired
    Renditions renditions;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        dataDir = Databases.sqlite(registry);
    }

    private static final MediaDetails NONE = new MediaDetails("", "", null);

    @Test
    void anSvgWithAScriptIsRefusedByName() {
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> library.ingest(svg, "logo.svg", NONE)).hasMessage("logo.svg is not a JPEG, PNG or WebP image.");
    }

    @Test
    void htmlRenamedToJpgIsRefusedByName() {
        byte[] html = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> library.ingest(html, "holiday.jpg", NONE)).hasMessage("holiday.jpg is not a JPEG, PNG or WebP image.");
    }

    @Test
    void aJpegThatIsAlsoJavascriptIsReencodedSoTheScriptIsGone() throws IOException {
        String script = "*/=alert('polyglot');/*";
        byte[] polyglot = withSegment(jpeg(1000, 600), 0xFE, script.getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream withTail = new ByteArrayOutputStream();
        withTail.write(polyglot);
        withTail.write(("<script>" + script + "</script>").getBytes(StandardCharsets.ISO_8859_1));

        MediaItem item = library.ingest(withTail.toByteArray(), "polyglot.jpg", NONE);

        for (Path file : filesOf(item)) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("alert").doesNotContain("script");
        }
    }

    @Test
    void aSmallPngDeclaring30000By30000PixelsIsRefusedFromItsHeader() {
        assertThatThrownBy(() -> library.ingest(MediaLibraryTest.pngHeaderClaiming(30_000, 30_000), "bomb.png", NONE))
                .hasMessage("bomb.png is 30000×30000 pixels (900 megapixels); at most 50 megapixels are accepted.");
    }

    @Test
    void aSixtyMegapixelPngIsRefusedFromItsHeader() {
        assertThatThrownBy(() -> library.ingest(MediaLibraryTest.pngHeaderClaiming(10_000, 6_000), "wall.png", NONE))
                .hasMessage("wall.png is 10000×6000 pixels (60 megapixels); at most 50 megapixels are accepted.");
    }

    @Test
    void aTruncatedJpegIsRefusedAsIncomplete() throws IOException {
        byte[] whole = jpeg(1200, 800);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> library.ingest(cut, "cut.jpg", NONE)).isInstanceOf(RejectedUploadException.class)
                .hasMessageStartingWith("cut.jpg is incomplete or damaged");
    }

    @Test
    void fileNamesWithDotDotAndNulNeverBecomePaths() throws IOException {
        List<Path> before = everyFileUnder(dataDir);

        MediaItem climbing = library.ingest(MediaLibraryTest.png(500, 300), "../../../etc/passwd.png", NONE);
        MediaItem nul = library.ingest(MediaLibraryTest.png(500, 300), "evil\u0000.png\u0000.jpg", NONE);

        List<Path> added = new ArrayList<>(everyFileUnder(dataDir));
        added.removeAll(before);
        Path media = dataDir.resolve("media");
        assertThat(added).isNotEmpty().allMatch(p -> p.startsWith(media.resolve(climbing.storageKey())) || p.startsWith(media.resolve(nul.storageKey()))
                || !p.startsWith(media));
        assertThat(added).filteredOn(p -> p.startsWith(media)).allMatch(p -> p.getFileName().toString().matches("[0-9]+\\.(jpg|webp)"));
        assertThat(Files.exists(dataDir.getParent().resolve("etc"))).isFalse();
    }

    @Test
    void aWebpUploadIsTakenAndServedInBothFormats() throws IOException {
        ByteArrayOutputStream webp = new ByteArrayOutputStream();
        assertThat(ImageIO.write(drawn(1200, 700), "webp", webp)).isTrue();

        MediaItem item = library.ingest(webp.toByteArray(), "drone.webp", NONE);

        assertThat(item.width()).isEqualTo(1200);
        assertThat(item.variants()).extracting(MediaItem.Variant::width).containsExactly(480, 960, 1200); // and its own width, between 960 and 1600
        assertThat(browser.get(item.webpUrl(item.variants().get(0))).header("Content-Type")).isEqualTo("image/webp");
        assertThat(browser.get(item.src(960)).header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void aPhotoWithGpsExifIsServedInNoFormatWithExifOrGps() throws IOException {
        byte[] upload = withSegment(jpeg(2400, 1600), 0xE1, exifWithGps());
        assertThat(markers(upload)).as("the test photo itself carries EXIF").contains(0xE1);

        MediaItem item = library.ingest(upload, "field.jpg", NONE);
        for (MediaItem.Ratio ratio : MediaItem.Ratio.values()) {
            MediaItem.Crop crop = item.crop(ratio, 480);
            assertThat(browser.get(crop.src()).status()).isEqualTo(200);
            assertThat(browser.get(crop.webpSrc()).status()).isEqualTo(200);
        }

        List<Path> served = filesOf(item);
        assertThat(served).filteredOn(p -> p.toString().endsWith(".webp")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(served).filteredOn(p -> p.toString().endsWith(".jpg")).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : served) {
            byte[] bytes = Files.readAllBytes(file);
            if (file.toString().endsWith(".jpg")) {
                assertThat(markers(bytes)).as(file + " has no APP1 (EXIF/XMP) segment").doesNotContain(0xE1);
            } else {
                assertThat(riffChunks(bytes)).as(file + " has no EXIF or XMP chunk").doesNotContain("EXIF", "XMP ");
            }
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain("Exif").doesNotContain("GPS-SECRET");
        }
    }

    @Test
    void photosStoredBeforeWebpGetTheirWebpVariantsFilledIn() throws IOException {
        MediaItem item = library.ingest(MediaLibraryTest.png(1000, 500), "old.png", NONE);
        Path folder = dataDir.resolve("media").resolve(item.storageKey());
        for (MediaItem.Variant v : item.variants()) {
            Files.delete(folder.resolve(v.width() + ".webp"));
        }

        int written = renditions.fillInMissingWebpVariants();

        assertThat(written).isGreaterThanOrEqualTo(item.variants().size());
        for (MediaItem.Variant v : item.variants()) {
            assertThat(ImageIO.read(folder.resolve(v.width() + ".webp").toFile()).getWidth()).isEqualTo(v.width());
        }
    }

    private List<Path> filesOf(MediaItem item) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("media").resolve(item.storageKey()))) {
            return files.sorted().toList();
        }
    }

    private static List<Path> everyFileUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("dispatch.db")).toList();
        }
    }

    private static BufferedImage drawn(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(70, 90, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.LIGHT_GRAY);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(drawn(width, height), "jpeg", out);
        return out.toByteArray();
    }

    /** The JPEG with one more segment right after its start marker. */
    private static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An EXIF block whose GPS directory holds a latitude reference and a description naming a secret place. */
    private static byte[] exifWithGps() {
        byte[] secret = "GPS-SECRET 51.5007N 0.1246W\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 12 + 4 + secret.length);
        tiff.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
        int gpsAt = 8 + 2 + 2 * 12 + 4;
        int textAt = gpsAt + 2 + 12 + 4;
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(secret.length).putInt(textAt);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
        tiff.putInt(0);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putInt(0);
        tiff.put(secret);
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        exif.writeBytes(tiff.array());
        return exif.toByteArray();
    }

    /** The marker numbers of a JPEG's segments before its image data (APP1, 0xE1, holds EXIF and XMP). */
    private static List<Integer> markers(byte[] jpeg) {
        List<Integer> found = new ArrayList<>();
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            found.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return found;
    }

    /** The four-letter chunk names of a WebP (RIFF) file. */
    private static List<String> riffChunks(byte[] webp) {
        List<String> chunks = new ArrayList<>();
        assertThat(new String(webp, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 4, StandardCharsets.ISO_8859_1)).isEqualTo("WEBP");
        int at = 12;
        while (at + 8 <= webp.length) {
            chunks.add(new String(webp, at, 4, StandardCharsets.ISO_8859_1));
            int size = ByteBuffer.wrap(webp, at + 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            at += 8 + size + (size % 2);
        }
        return chunks;
    }
}
