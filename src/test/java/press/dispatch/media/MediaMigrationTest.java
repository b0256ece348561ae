package press.dispatch.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import press.dispatch.DispatchApplication;
import press.dispatch.testing.Browser;
import press.dispatch.testing.S3Server;

import static org.assertj.core.api.Assertions.assertThat;

/** A site that kept its photos in the data folder moves them into a bucket, every file checked, and serves them from there. */
class MediaMigrationTest {

    @TempDir
    Path data;

    @Test
    void migratingCopiesEveryPhotoFileIntoTheBucketChecksEachAndTheSiteThenServesThemFromThere() throws Exception {
        MediaItem photo;
        byte[] original;
        try (ConfigurableApplicationContext folder = start(List.of())) {
            photo = folder.getBean(MediaLibrary.class).ingest(image(), "field.jpg",
                    new MediaDetails("Field", "A field", new Credit("Ana Ruiz", "Test Agency", "CC BY 4.0")));
            original = new Browser(port(folder)).get(photo.url(photo.variants().get(0))).bytes();
        }
        long files;
        try (Stream<Path> walk = Files.walk(data.resolve("media"))) {
            files = walk.filter(Files::isRegularFile).count();
        }
        assertThat(files).isGreaterThanOrEqualTo(photo.variants().size());

        try (S3Server s3 = S3Server.start(); ConfigurableApplicationContext bucket = start(s3.settings())) {
            MediaMigration.Report report = bucket.getBean(MediaMigration.class).migrate();
            assertThat(report.problems()).isEmpty();
            assertThat(report.copied()).isEqualTo(files);
            assertThat(report.checked()).isEqualTo(files);
            for (MediaItem.Variant variant : photo.variants()) {
                assertThat(s3.blobs().blobExists(S3Server.BUCKET, photo.storageKey() + "/" + variant.width() + ".jpg")).isTrue();
            }

            // The folder's copy gone, as on a node that never had it.
            FileSystemUtils.deleteRecursively(data.resolve("media").resolve(photo.storageKey()));
            Browser.Response served = new Browser(port(bucket)).get(photo.url(photo.variants().get(0)));
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.bytes()).isEqualTo(original);
            assertThat(served.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
            assertThat(new Browser(port(bucket)).get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }

    @Test
    void theCommandNeverLoadsTheDemoSiteIntoTheDatabaseItMigrates() throws Exception {
        try (ConfigurableApplicationContext site = start(List.of())) {
            site.getBean(MediaLibrary.class).ingest(image(), "field.jpg", new MediaDetails("Field", "A field", new Credit("Ana Ruiz", "", "")));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        // No bucket configured: refused, and (unlike a server start on SQLite) no demo content is loaded meanwhile.
        assertThat(MediaMigration.run(new String[] {MediaMigration.COMMAND, "--dispatch.data-dir=" + data}, DispatchApplication.class,
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).isEqualTo(2);
        assertThat(err.toString()).contains("needs DISPATCH_MEDIA_STORE=s3").contains("nothing was copied");
        try (S3Server s3 = S3Server.start()) {
            List<String> args = new ArrayList<>(List.of(MediaMigration.COMMAND, "--dispatch.data-dir=" + data));
            args.addAll(s3.settings());
            assertThat(MediaMigration.run(args.toArray(String[]::new), DispatchApplication.class, new java.io.PrintStream(out, true),
                    new java.io.PrintStream(err, true))).isEqualTo(0);
            assertThat(out.toString()).containsPattern("Copied [1-9][0-9]* photo files from .* checked intact, 0 problems");
        }
        try (ConfigurableApplicationContext site = start(List.of())) {
            assertThat(site.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("SELECT COUNT(*) FROM articles")
                    .query(Long.class).single()).as("no demo article was loaded by the command").isZero();
        }
    }

    private ConfigurableApplicationContext start(List<String> more) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--dispatch.data-dir=" + data, "--dispatch.demo=false",
                "--dispatch.newsletter.first-check=1h", "--dispatch.digests.first-check=1h", "--dispatch.outbox.first-check=1h",
                "--dispatch.publishing.first-check=1h"));
        settings.addAll(more);
        return new SpringApplicationBuilder(DispatchApplication.class).run(settings.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(1700, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(60, 120, 60));
        g.fillRect(0, 0, 1700, 900);
        g.setColor(Color.YELLOW);
        g.fillOval(400, 200, 800, 400);
        g.dispose();
        return image;
    }
}
