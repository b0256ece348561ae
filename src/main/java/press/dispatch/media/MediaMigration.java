package press.dispatch.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import press.dispatch.platform.CommandContext;
import press.dispatch.platform.DataFolder;

/**
 * {@code java -jar dispatch.jar migrate-media-to-s3}: copies every photo file of the data folder's {@code media/} into
 * the bucket {@code DISPATCH_MEDIA_STORE=s3} names, then reads each one back and compares its SHA-256 with the file's.
 * Running it again copies again and checks again; nothing in the folder is changed or removed. Exits with status 0
 * when every file is in the bucket intact, 1 otherwise, saying which, and 2 without a bucket to copy to. Like the
 * import and export commands it runs through {@link CommandContext}: no demo content is ever loaded into the site, no
 * port is opened and the server's jobs do not run.
 */
@Component
public class MediaMigration {

    public static final String COMMAND = "migrate-media-to-s3";

    private final MediaStore store;
    private final Path root;

    MediaMigration(MediaStore store, DataFolder dataFolder) {
        this.store = store;
        this.root = dataFolder.folder("media");
    }

    /** @param problems one line per file that is missing from the bucket or differs from the folder's */
    record Report(int copied, int checked, List<String> problems) {
    }

    public static boolean wants(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the command with its {@code --name=value} settings; returns the exit status. */
    public static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
        List<String> settings = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || !args[i].contains("=")) {
                err.println("Unknown argument: " + args[i]);
                err.println("Usage: java -jar dispatch.jar " + COMMAND + " (with DISPATCH_MEDIA_STORE=s3 and the bucket's settings)");
                return 2;
            }
            settings.add(args[i]);
        }
        try (ConfigurableApplicationContext context = CommandContext.start(application, settings)) {
            MediaMigration migration = context.getBean(MediaMigration.class);
            if (!(migration.store instanceof S3MediaStore)) {
                err.println(COMMAND + " needs DISPATCH_MEDIA_STORE=s3 and the bucket's settings (DISPATCH_S3_BUCKET and the rest); nothing was copied");
                return 2;
            }
            Report report = migration.migrate();
            report.problems().forEach(err::println);
            out.println("Copied " + report.copied() + " photo files from " + migration.root + " to " + migration.store.describe() + "; "
                    + report.checked() + " checked intact, " + report.problems().size() + " problems");
            return report.problems().isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println(COMMAND + " failed: " + e.getMessage());
            return 1;
        }
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
