package press.dispatch.icons;

import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import press.dispatch.api.ApiError;
import press.dispatch.media.RejectedUploadException;

/** The site icon in the Admin API (admin keys and the owner's): the same upload and refusals as the icon screen under Settings. */
@RestController
@Tag(name = "Site icon")
class IconApi {

    private final SiteIcons icons;

    IconApi(SiteIcons icons) {
        this.icons = icons;
    }

    /** {@code version}: what every icon address carries ({@code /favicon.ico?v=…}); null while browsers get the neutral icon. */
    @Schema(name = "SiteIcon")
    record IconJson(@Schema(nullable = true) String version, String favicon, String manifest) {
    }

    /** The multipart form an upload sends; documents the form, the file is bound below. */
    @Schema(name = "SiteIconUpload")
    record IconUpload(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
            description = "A square PNG, JPEG or WebP image of at least 512×512 pixels") String file) {
    }

    @Operation(operationId = "getSiteIcon", summary = "Read the site icon's version", description = "Admins and the owner.")
    @ApiResponse(responseCode = "200", description = "The icon's version, or null while there is none")
    @GetMapping("/api/v1/site-icon")
    IconJson read() {
        return json();
    }

    @Operation(operationId = "replaceSiteIcon", summary = "Upload the site icon",
            description = "Admins and the owner. One square image, re-encoded into every size browsers and phones ask for "
                    + "(favicon.ico, apple-touch-icon, the manifest's icons); every page names the new icon at once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = IconUpload.class))))
    @ApiResponse(responseCode = "200", description = "Stored; the new icon's version")
    @ApiResponse(responseCode = "422", description = "Not an image, not square, or smaller than 512×512; fields.file says which (invalid)")
    @PutMapping(value = "/api/v1/site-icon", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    IconJson upload(@Parameter(hidden = true) @RequestParam MultipartFile file) throws IOException {
        icons.upload(file.getBytes(), file.getOriginalFilename());
        return json();
    }

    @Operation(operationId = "deleteSiteIcon", summary = "Remove the site icon", description = "Admins and the owner. Browsers get the neutral icon.")
    @ApiResponse(responseCode = "204", description = "Removed (or there was none)")
    @DeleteMapping("/api/v1/site-icon")
    ResponseEntity<Void> remove() {
        icons.remove();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IconRefusedException.class)
    ResponseEntity<ApiError> refused(IconRefusedException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", e.getMessage(), Map.of("file", e.getMessage())));
    }

    @ExceptionHandler(RejectedUploadException.class)
    ResponseEntity<ApiError> rejected(RejectedUploadException e) {
        if (e.tryAgainLater()) {
            return ResponseEntity.status(503).header("Retry-After", "60").body(ApiError.of(503, "busy", e.getMessage(), Map.of("file", e.getMessage())));
        }
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", e.getMessage(), Map.of("file", e.getMessage())));
    }

    private IconJson json() {
        String version = icons.version().orElse(null);
        return new IconJson(version, version == null ? "/favicon.ico" : "/favicon.ico?v=" + version, "/site.webmanifest");
    }
}
