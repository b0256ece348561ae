package press.dispatch.media;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import press.dispatch.testing.AdminSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's small-machine promise, kept honestly: a whole Dispatch in its own JVM with a 128 MB heap
 * ({@code -Xmx128m -XX:+UseSerialGC}, as the README suggests), taking camera-sized uploads through the admin's form.
 */
class SmallHeapUploadsTest {

    private static final String EMAIL = "owner@news.example";
    private static final String PASSWORD = "correct horse battery";

    private static Process server;
    private static final StringBuffer output = new StringBuffer();
    private static Path data;
    private static int port;
    private static byte[] camera24;

    @BeforeAll
    static void startServerWithA128MegabyteHeap() throws Exception {
        data = Files.createTempDirectory("dispatch-small-heap");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "press.dispatch.DispatchApplication", "--server.port=0", "--dispatch.demo=false", "--dispatch.data-dir=" + data,
                "--dispatch.database.url=", "--dispatch.admin.email=" + EMAIL, "--dispatch.admin.password=" + PASSWORD,
                // Long enough for ten 24 MP uploads to take their turns one after the other on a busy machine.
                "--dispatch.media.queue-wait=180s");
        builder.redirectErrorStream(true);
        server = builder.start();
        CompletableFuture<Integer> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern portLine = Pattern.compile("Tomcat started on port (\\d+)");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher m = portLine.matcher(line);
                    if (m.find()) {
                        started.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
            started.completeExceptionally(new IllegalStateException("The server stopped before it started:\n" + output));
        }, "small-heap-server-output");
        reader.setDaemon(true);
        reader.start();
        camera24 = cameraJpeg(6000, 4000);
        port = started.get(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
        if (data != null) {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    @Test
    void a24MegapixelCameraJpegBecomesAPhotoWithEveryVariant() throws IOException {
        assertThat(camera24.length).as("a camera-sized file").isGreaterThan(4_000_000);
        AdminSession owner = signedIn();

        AdminSession.Response answer = owner.postFile("/admin/media/upload", Map.of("caption", "Harbour at 24 megapixels"), "photo",
                "harbour.jpg", "image/jpeg", camera24);

        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        Element figure = owner.get("/admin/media").page().select("figure").stream()
                .filter(f -> f.text().contains("Harbour at 24 megapixels")).findFirst().orElseThrow();
        String key = figure.selectFirst("img").attr("src").split("/")[2];
        var widest = ImageIO.read(data.resolve("media").resolve(key).resolve("1600.jpg").toFile());
        assertThat(widest.getWidth()).isEqualTo(1600);
        assertThat(widest.getHeight()).isEqualTo(1067);
        assertThat(output).doesNotContain("OutOfMemoryError");
    }

    @Test
    void aZeroFilledPngOf60MegapixelsIsRefusedFromItsHeaderWithAMessageNamingTheFile() throws IOException {
        byte[] bomb = zeroFilledGreyPng(7740, 7740);
        assertThat(bomb.length).as("a small file").isLessThan(100_000);
        AdminSession owner = signedIn();

        AdminSession.Response answer = owner.postFile("/admin/media/upload", Map.of("caption", "Nothing"), "photo", "blank.png", "image/png", bomb);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().select(".problem").text())
                .isEqualTo("blank.png is 7740×7740 pixels (59.9 megapixels); at most 50 megapixels are accepted.");
        assertThat(output).doesNotContain("OutOfMemoryError");
    }

    @Test
    void tenLargeUploadsAtOnceQueueForTheirTurnsAndAreAllStored() throws Exception {
        AdminSession owner = signedIn();
        owner.csrf(); // the upload page is open before its ten uploads are sent, as in a browser
        AdminSession patient = owner.waitingUpTo(java.time.Duration.ofSeconds(240));
        ExecutorService uploaders = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String caption = "Concurrent " + i;
                answers.add(CompletableFuture.supplyAsync(() -> patient.postFile("/admin/media/upload", Map.of("caption", caption), "photo",
                        "concurrent.jpg", "image/jpeg", camera24).status(), uploaders));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).as("each waits for its turn and is stored; the server said:\n%s", output).containsOnly(302).hasSize(10);
        } finally {
            uploaders.shutdownNow();
        }
        List<String> captions = owner.get("/admin/media").page().select("figcaption").eachText();
        for (int i = 0; i < 10; i++) {
            String caption = "Concurrent " + i;
            assertThat(captions).as(caption).anyMatch(c -> c.contains(caption));
        }
        assertThat(output).doesNotContain("OutOfMemoryError");
    }

    private static AdminSession signedIn() {
        AdminSession session = new AdminSession(port);
        AdminSession.Response answer = session.signIn(EMAIL, PASSWORD);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        return session;
    }

    /** A 3:2 photo with the fine detail of a real one (so it compresses like one), encoded as a camera would. */
    static byte[] cameraJpeg(int width, int height) throws IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        long seed = 42;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int noise = (int) (seed >>> 59) - 16;
                int i = (y * width + x) * 3;
                pixels[i] = (byte) (40 + y * 160 / height + noise);
                pixels[i + 1] = (byte) (80 + x * 120 / width + noise);
                pixels[i + 2] = (byte) (((x / 50 + y / 50) % 2) * 90 + 60 + noise);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** An 8-bit grey PNG of zeros: 60 million pixels deflate to about 58 KB. */
    private static byte[] zeroFilledGreyPng(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (var deflate = new java.util.zip.DeflaterOutputStream(idat, new java.util.zip.Deflater(9))) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        var header = new java.io.DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {8, 0, 0, 0, 0});
        chunk(png, "IHDR", ihdr.toByteArray());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] content) throws IOException {
        var out = new java.io.DataOutputStream(png);
        out.writeInt(content.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(content);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(content);
        out.writeInt((int) crc.getValue());
    }
}
