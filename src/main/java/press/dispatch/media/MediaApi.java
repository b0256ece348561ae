package press.dispatch.media;

import java.io.IOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import press.dispatch.api.ApiError;

/** Photo uploads in the Admin API: re-encoded like every upload, with caption, structured credit and alt text. */
@RestController
@RequestMapping("/api/v1/media")
@Tag(name = "Media")
class MediaApi {

    private final MediaLibrary library;

    MediaApi(MediaLibrary library) {
        this.library = library;
    }

    record MediaJson(long id, String url, int width, int height, String caption, String altText, Credit credit, String srcset) {
        static MediaJson of(MediaItem m) {
            return new MediaJson(m.id(), m.src(1600), m.width(), m.height(), m.caption(), m.altText(), m.credit(), m.srcset());
        }
    }

    @Operation(summary = "Upload a photo (multipart/form-data)", description = "Fields: file (required), caption, photographer, agency, licence, alt.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaJson> upload(@RequestParam MultipartFile file, @RequestParam(defaultValue = "") String caption,
                                     @RequestParam(defaultValue = "") String photographer, @RequestParam(defaultValue = "") String agency,
                                     @RequestParam(defaultValue = "") String licence, @RequestParam(defaultValue = "") String alt) throws IOException {
        if (caption.length() > 1000 || photographer.length() > 200 || agency.length() > 200 || licence.length() > 200 || alt.length() > 500) {
            throw new RejectedUploadException("Caption, credit or alt text is too long.");
        }
        MediaItem item = library.ingest(file, file.getOriginalFilename(), new MediaDetails(caption, alt, new Credit(photographer, agency,
                licence)));
        return ResponseEntity.created(URI.create("/api/v1/media/" + item.id())).body(MediaJson.of(item));
    }

    @Operation(summary = "Read one photo's details")
    @GetMapping("/{id}")
    MediaJson get(@PathVariable long id) {
        return library.find(id).map(MediaJson::of).orElseThrow();
    }

    @ExceptionHandler(RejectedUploadException.class)
    ResponseEntity<ApiError> rejected(RejectedUploadException e) {
        if (e.tryAgainLater()) {
            return ResponseEntity.status(503).header("Retry-After", "60")
                    .body(ApiError.of(503, "busy", e.getMessage(), java.util.Map.of("file", e.getMessage())));
        }
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", e.getMessage(), java.util.Map.of("file", e.getMessage())));
    }
}
