package press.dispatch.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A copy of WordPress's wp-content/uploads: a folder or a zip. Files are found by the path WordPress stored
 * ({@code 2024/03/tank.jpg}), also under an {@code uploads/} or {@code wp-content/uploads/} folder inside. Nothing
 * outside the folder is ever read: a zip with an entry that climbs out ({@code ..}) or starts at the root is refused
 * whole, and a folder's file must really lie inside it (no symbolic link out).
 */
final class Uploads implements Closeable {

    static final long MAX_FILE = 100L * 1024 * 1024;
    private static final List<String> PREFIXES = List.of("", "uploads/", "wp-content/uploads/");

    private final Path folder;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new HashMap<>();

    private Uploads(Path folder, ZipFile zip) {
        this.folder = folder;
        this.zip = zip;
    }

    static Uploads none() {
        return new Uploads(null, null);
    }

    static Uploads open(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return new Uploads(path.toRealPath(), null);
            }
            if (!Files.isRegularFile(path)) {
                throw new ExportRefusedException("The uploads " + path + " are neither a folder nor a zip file.");
            }
            ZipFile zip = new ZipFile(path.toFile());
            Uploads uploads = new Uploads(null, zip);
            var all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || List.of(name.split("/")).contains("..")) {
                    zip.close();
                    throw new ExportRefusedException("The uploads zip has an entry outside its folder (" + name + "); it is refused."
                            + " Nothing was imported.");
                }
                if (!entry.isDirectory()) {
                    uploads.entries.put(name, entry);
                }
            }
            return uploads;
        } catch (IOException e) {
            throw new ExportRefusedException("The uploads " + path.getFileName() + " could not be opened as a zip file: " + e.getMessage());
        }
    }

    boolean present() {
        return folder != null || zip != null;
    }

    /** The file's bytes, if the uploads hold it. */
    Optional<byte[]> read(String attachedFile) throws IOException {
        String relative = attachedFile.replace('\\', '/');
        if (relative.isEmpty() || relative.startsWith("/") || List.of(relative.split("/")).contains("..")) {
            return Optional.empty();
        }
        for (String prefix : PREFIXES) {
            if (zip != null) {
                ZipEntry entry = entries.get(prefix + relative);
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] bytes = in.readNBytes((int) MAX_FILE + 1);
                        return bytes.length > MAX_FILE ? Optional.empty() : Optional.of(bytes);
                    }
                }
            } else if (folder != null) {
                Path file = folder.resolve(prefix + relative).normalize();
                if (Files.isRegularFile(file) && file.toRealPath().startsWith(folder) && Files.size(file) <= MAX_FILE) {
                    return Optional.of(Files.readAllBytes(file));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
