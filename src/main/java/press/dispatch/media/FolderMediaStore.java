package press.dispatch.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** Photos in the data folder's {@code media/}, where {@link MediaLibrary} writes them: nothing more to do. */
final class FolderMediaStore implements MediaStore {

    private final Path root;

    FolderMediaStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, Path folder) {
        // Already in place.
    }

    @Override
    public void delete(String key) {
        // The library removes the folder itself.
    }

    @Override
    public Optional<Resource> find(String key, String name) {
        Path file = root.resolve(key).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
    }

    @Override
    public void check() {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the media folder " + root + " is missing");
        }
    }

    @Override
    public String describe() {
        return "the data folder (" + root + ")";
    }
}
