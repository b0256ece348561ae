package press.dispatch.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaLibraryTest extends SiteTest {

    private static Path dataDir;

    @Autowired
    MediaLibrary library;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        dataDir = Databases.sqlite(registry);
    }

    @Test
    void uploadIsReencodedSoNoMetadataSurvives() throws IOException {
        byte[] upload = jpegWithComment(2000, 1000, "GPS 51.5007N 0.1246W secret-location-marker");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("secret-location-marker");

        MediaItem item = library.ingest(upload, "camera.jpg", new MediaDetails("Caption", "Alt", new Credit("Ana", "Unit 7", "CC BY 4.0")));

        assertThat(item.variants()).extracting(MediaItem.Variant::width).containsExactly(480, 960, 1600);
        assertThat(item.variants()).extracting(MediaItem.Variant::height).containsExactly(240, 480, 800);
        for (MediaItem.Variant v : item.variants()) {
            byte[] stored = Files.readAllBytes(dataDir.resolve("media").resolve(item.storageKey()).resolve(v.width() + ".jpg"));
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("secret-location-marker");
            assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored)).getWidth()).isEqualTo(v.width());
        }
        MediaItem found = library.find(item.id()).orElseThrow();
        assertThat(found.credit().line()).isEqualTo("Photo: Ana / Unit 7 (CC BY 4.0)");
        assertThat(found.srcset()).isEqualTo(item.srcset());
    }

    @Test
    void aPhotoNarrowerThanEveryVariantKeepsItsOwnWidth() throws IOException {
        MediaItem item = library.ingest(png(300, 200), "small.png", new MediaDetails("", "", null));
        assertThat(item.variants()).extracting(MediaItem.Variant::width).containsExactly(300);
    }

    @Test
    void somethingThatIsNotAnImageIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> library.ingest("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "x.svg", new MediaDetails("", "", null)))
                .isInstanceOf(RejectedUploadException.class)
                .hasMessage("x.svg is not a JPEG, PNG or WebP image.");
        assertThatThrownBy(() -> library.ingest(new byte[0], "empty.jpg", new MediaDetails("", "", null)))
                .isInstanceOf(RejectedUploadException.class).hasMessage("empty.jpg is empty.");
    }

    @Test
    void aDecompressionBombIsRejectedBeforeItIsDecoded() {
        assertThatThrownBy(() -> library.ingest(pngHeaderClaiming(100_000, 100_000), "bomb.png", new MediaDetails("", "", null)))
                .isInstanceOf(RejectedUploadException.class)
                .hasMessageContaining("100000×100000 pixels");
    }

    @Test
    void aCameraSizedPhotoKeepsItsOwnSizeAndGetsEveryVariantFromASubsampledDecode() throws IOException {
        MediaItem item = library.ingest(jpegWithComment(6000, 4000, "camera"), "camera.jpg", new MediaDetails("", "", null));

        assertThat(item.width()).isEqualTo(6000);
        assertThat(item.height()).isEqualTo(4000);
        assertThat(item.variants()).extracting(MediaItem.Variant::width).containsExactly(480, 960, 1600);
        assertThat(item.variants()).extracting(MediaItem.Variant::height).containsExactly(320, 640, 1067);
    }

    @Test
    void aPhotoIsDecodedAtMostTwiceAsWideAsItsWidestVariant() throws IOException {
        Photos.Decoded decoded = Photos.decode(new java.io.ByteArrayInputStream(jpegWithComment(6000, 4000, "camera")), "camera.jpg", 50_000_000);

        assertThat(decoded.originalWidth()).isEqualTo(6000);
        assertThat(decoded.image().getWidth()).isEqualTo(3000);
        assertThat(decoded.image().getHeight()).isEqualTo(2000);
    }

    @Test
    void aTransparentPngIsSetOnWhite() throws IOException {
        MediaItem item = library.ingest(png(2000, 1000), "clear.png", new MediaDetails("", "", null));

        for (MediaItem.Variant v : item.variants()) {
            BufferedImage stored = ImageIO.read(dataDir.resolve("media").resolve(item.storageKey()).resolve(v.width() + ".jpg").toFile());
            assertThat(new Color(stored.getRGB(v.width() / 2, v.height() / 2))).isEqualTo(Color.WHITE);
        }
    }

    private static byte[] jpegWithComment(int width, int height, String comment) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] jpeg = out.toByteArray();
        // Insert a COM segment right after SOI, as cameras and editors do with EXIF/GPS data.
        byte[] text = comment.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream withComment = new ByteArrayOutputStream();
        withComment.write(jpeg, 0, 2);
        withComment.write(0xFF);
        withComment.write(0xFE);
        int length = text.length + 2;
        withComment.write(length >> 8);
        withComment.write(length & 0xFF);
        withComment.write(text);
        withComment.write(jpeg, 2, jpeg.length - 2);
        return withComment.toByteArray();
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG signature and header chunk declaring a huge image, with no pixel data behind it. */
    static byte[] pngHeaderClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = {'I', 'H', 'D', 'R', (byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width,
                (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height, 8, 2, 0, 0, 0};
        out.writeBytes(new byte[] {0, 0, 0, 13});
        out.writeBytes(ihdr);
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return out.toByteArray();
    }
}
