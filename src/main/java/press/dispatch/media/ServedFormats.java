package press.dispatch.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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

/** Serves WebP variants and focal-point crops; like every variant, an address never changes content. */
@Controller
class ServedFormats {

    private static final MediaType WEBP = MediaType.parseMediaType("image/webp");

    private final Renditions renditions;

    ServedFormats(Renditions renditions) {
        this.renditions = renditions;
    }

    @GetMapping("/media/{key}/{width:[0-9]{1,5}}.webp")
    ResponseEntity<Resource> webp(@PathVariable String key, @PathVariable int width) {
        return serve(renditions.webp(key, width), WEBP);
    }

    @GetMapping("/media/{key}/{ratio:1x1|4x3|16x9}-{x:[0-9]{1,4}}-{y:[0-9]{1,4}}-{width:[0-9]{1,5}}.{extension:jpg|webp}")
    ResponseEntity<Resource> crop(@PathVariable String key, @PathVariable String ratio, @PathVariable int x, @PathVariable int y,
                                  @PathVariable int width, @PathVariable String extension) {
        return serve(renditions.crop(key, ratio, x, y, width, extension), extension.equals("webp") ? WEBP : MediaType.IMAGE_JPEG);
    }

    private static ResponseEntity<Resource> serve(Optional<Path> file, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file.orElseThrow(() -> new ResponseStatusException(NOT_FOUND))));
    }
}
