package press.dispatch.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder under which Dispatch keeps everything that is not in a server database. */
public final class DataFolder {

    private final Path root;

    DataFolder(Path configured) {
        Path absolute = configured.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException | SecurityException e) {
            throw new BadSettingException("DISPATCH_DATA_DIR", "is '" + configured + "', which cannot be created (" + e.getMessage() + ")",
                    "set it to a folder this user can write to");
        }
        if (!Files.isDirectory(absolute) || !Files.isWritable(absolute)) {
            throw new BadSettingException("DISPATCH_DATA_DIR", "is '" + configured + "', which is not a writable folder",
                    "set it to a folder this user can write to");
        }
        this.root = absolute;
    }

    public Path root() {
        return root;
    }

    /** A sub-folder, created if missing. */
    public Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }
}
