package press.dispatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import press.dispatch.platform.DataFolder;

/**
 * {@code java -jar dispatch.jar migrate-media-to-s3}: copies every photo file of the data folder's {@code media/} into
 * the bucket {@code DISPATCH_MEDIA_STORE=s3} names, then reads each one back and compares its SHA-256 with the file's.
 * Running it again copies again and checks again; nothing in the folder is changed or removed. Exits with status 0
 * when every file is in the bucket intact, 1 otherwise, saying which.
 */
@Component
class MediaMigration implements ApplicationRunner {

    static final String COMMAND = "migrate-media-to-s3";
    private static final Logger log = LoggerFactory.getLogger(MediaMigration.class);

    private final MediaStore store;
    private final Path root;
    private final ConfigurableApplicationContext context;

    MediaMigration(MediaStore store, DataFolder dataFolder, ConfigurableApplicationContext context) {
        this.store = store;
        this.root = dataFolder.folder("media");
        this.context = context;
    }

    /** @param problems one line per file that is missing from the bucket or differs from the folder's */
    record Report(int copied, int checked, List<String> problems) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        int status;
        if (!(store instanceof S3MediaStore)) {
            log.error("{} needs DISPATCH_MEDIA_STORE=s3 and the bucket's settings (DISPATCH_S3_BUCKET and the rest); nothing was copied", COMMAND);
            status = 2;
        } else {
            Report report = migrate();
            report.problems().forEach(problem -> log.error("{}", problem));
            log.info("Copied {} photo files from {} to {}; {} checked intact, {} problems", report.copied(), root, store.describe(),
                    report.checked(), report.problems().size());
            status = report.problems().isEmpty() ? 0 : 1;
        }
        System.exit(SpringApplication.exit(context, () -> status));
    }

    Report migrate() {
        S3MediaStore bucket = (S3MediaStore) store;
        bucket.check();
        List<Path> files = files();
        int copied = 0;
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            try {
                bucket.putObject(name, file);
                copied++;
            } catch (IOException e) {
                problems.add(name + ": not copied (" + e.getMessage() + ")");
            }
        }
        int checked = 0;
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            Optional<InputStream> object = bucket.open(name);
            if (object.isEmpty()) {
                problems.add(name + ": missing from the bucket");
                continue;
            }
            try (InputStream in = object.get(); InputStream local = Files.newInputStream(file)) {
                if (MessageDigest.isEqual(sha256(in), sha256(local))) {
                    checked++;
                } else {
                    problems.add(name + ": differs from the file in the folder");
                }
            } catch (IOException e) {
                problems.add(name + ": could not be read back (" + e.getMessage() + ")");
            }
        }
        return new Report(copied, checked, problems);
    }

    /** Each stored photo's files: {@code <key>/<name>}, without unfinished uploads ({@code .staging-…}). */
    private List<Path> files() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, 2)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getParent() != null && !p.getParent().equals(root)
                            && p.getParent().getFileName().toString().matches(MediaLibrary.KEY_PATTERN))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
