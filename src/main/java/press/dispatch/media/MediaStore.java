package press.dispatch.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where the files of stored photos live for every node to serve: the data folder (one node, the default) or an
 * S3-compatible bucket ({@code DISPATCH_MEDIA_STORE=s3}, several nodes). A photo's files are written to the data
 * folder first ({@link MediaLibrary}); {@link #put} then makes them available wherever the store keeps them.
 * Object names are {@code <storage key>/<file name>}, such as {@code 3f…e1/960.jpg}.
 */
interface MediaStore {

    /** Makes every file in {@code folder} (a stored photo's, under its storage key) available to all nodes. */
    void put(String key, Path folder) throws IOException;

    /** Removes every file of a deleted photo from the store (the data folder's copy is removed by the library). */
    void delete(String key) throws IOException;

    /** One file of a stored photo, if the store has it. */
    Optional<Resource> find(String key, String name);

    /** Throws if the store cannot be reached now (for health and the migration's check). */
    void check();

    /** What the store is, for logs: "the data folder", "S3 bucket media at https://…". */
    String describe();
}
