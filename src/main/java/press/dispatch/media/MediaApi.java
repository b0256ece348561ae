package press.dispatch.media;

import java.io.IOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    record MediaJson(long id, String url, int width, int height, String caption, String altText, CreditJson credit, String srcset) {
        static MediaJson of(MediaItem m) {
            Credit c = m.credit();
            return new MediaJson(m.id(), m.src(1600), m.width(), m.height(), m.caption(), m.altText(),
                    new CreditJson(c.photographer(), c.organisation(), c.licence()), m.srcset());
        }
    }

    /** A photo's credit as the API writes it: the three parts, each possibly empty. */
    @Schema(name = "Credit")
    record CreditJson(String photographer, String organisation, String licence) {
    }

    /** The multipart form an upload sends; documents the form, the fields are bound one by one below. */
    @Schema(name = "PhotoUpload")
    record PhotoUpload(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
                               description = "JPEG, PNG or WebP") String file,
                       @Schema(maxLength = 1000) String caption, @Schema(maxLength = 200) String photographer,
                       @Schema(maxLength = 200, description = "The agency or unit; answered as credit.organisation") String agency,
                       @Schema(maxLength = 200) String licence, @Schema(maxLength = 500, description = "Alt text") String alt) {
    }

    @Operation(operationId = "uploadPhoto", summary = "Upload a photo", description = "Every upload is decoded and re-encoded.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = PhotoUpload.class))))
    @ApiResponse(responseCode = "201", description = "Stored",
            headers = @Header(name = "Location", description = "The photo's address in the API", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "The file is not an image, or a field is too long (invalid)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaJson> upload(@Parameter(hidden = true) @RequestParam MultipartFile file,
                                     @Parameter(hidden = true) @RequestParam(defaultValue = "") String caption,
                                     @Parameter(hidden = true) @RequestParam(defaultValue = "") String photographer,
                                     @Parameter(hidden = true) @RequestParam(defaultValue = "") String agency,
                                     @Parameter(hidden = true) @RequestParam(defaultValue = "") String licence,
                                     @Parameter(hidden = true) @RequestParam(defaultValue = "") String alt) throws IOException {
        if (caption.length() > 1000 || photographer.length() > 200 || agency.length() > 200 || licence.length() > 200 || alt.length() > 500) {
            throw new RejectedUploadException("Caption, credit or alt text is too long.");
        }
        MediaItem item = library.ingest(file, file.getOriginalFilename(), new MediaDetails(caption, alt, new Credit(photographer, agency,
                licence)));
        return ResponseEntity.created(URI.create("/api/v1/media/" + item.id())).body(MediaJson.of(item));
    }

    @Operation(operationId = "getPhoto", summary = "Read one photo's details")
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
