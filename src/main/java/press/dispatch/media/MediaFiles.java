package press.dispatch.media;

import java.time.Duration;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Serves variants. A variant's URL never changes content, so browsers and proxies may keep it for a year. */
@Controller
class MediaFiles {

    private final MediaLibrary library;
    private final MediaStore store;

    MediaFiles(MediaLibrary library, MediaStore store) {
        this.library = library;
        this.store = store;
    }

    @GetMapping("/media/{key}/{width:[0-9]{1,5}}.jpg")
    ResponseEntity<Resource> variant(@PathVariable String key, @PathVariable int width) {
        // This node's copy if it has one, else the shared store's (a photo uploaded on another node).
        Resource file = library.fileOf(key, width).<Resource>map(FileSystemResource::new)
                .or(() -> key.matches(MediaLibrary.KEY_PATTERN) ? store.find(key, width + ".jpg") : java.util.Optional.empty())
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .body(file);
    }
}
