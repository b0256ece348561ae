package press.dispatch.media;

import java.io.IOException;
import java.net.URI;
import java.util.List;

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
import press.dispatch.api.BadParameterException;

/** Photo uploads in the Admin API: re-encoded like every upload, with caption, structured credit and alt text. */
@RestController
@RequestMapping("/api/v1/media")
@Tag(name = "Media")
class MediaApi {

    private final MediaLibrary library;
    private final Cataloguing catalogue;

    MediaApi(MediaLibrary library, Cataloguing catalogue) {
        this.library = library;
        this.catalogue = catalogue;
    }

    /**
     * A photo as the API answers it; {@code focalX} and {@code focalY} are per cent from the top left, {@code markdown}
     * places it in an article body.
     */
    record MediaJson(long id, String url, int width, int height, String caption, String altText, CreditJson credit, String srcset,
                     String webpSrcset, double focalX, double focalY, String markdown) {
        static MediaJson of(MediaItem m) {
            Credit c = m.credit();
            return new MediaJson(m.id(), m.src(1600), m.width(), m.height(), m.caption(), m.altText(),
                    new CreditJson(c.photographer(), c.organisation(), c.licence()), m.srcset(), m.webpSrcset(), m.focalX() / 10.0,
                    m.focalY() / 10.0, "![" + m.altText().replace("]", "") + "](photo:" + m.id() + ")");
        }
    }

    /** One page of a search, newest first. */
    @Schema(name = "PhotoList")
    record PhotoList(List<MediaJson> photos, int page, boolean hasMore) {
    }

    /** What an update sends: every part of the description; an absent focal point keeps the current one. */
    @Schema(name = "PhotoDescription")
    record PhotoDescription(@Schema(maxLength = 1000) String caption, @Schema(maxLength = 500) String altText, CreditJson credit,
                            @Schema(nullable = true, minimum = "0", maximum = "100") Double focalX,
                            @Schema(nullable = true, minimum = "0", maximum = "100") Double focalY) {
    }

    /** A refused deletion names what uses the photo. */
    @ExceptionHandler(PhotoInUseException.class)
    ResponseEntity<ApiError> inUse(PhotoInUseException e) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (PhotoUses.PhotoUse use : e.uses()) {
            fields.put(use.href(), use.kind() + ": " + use.title());
        }
        return ResponseEntity.status(409).body(ApiError.of(409, "in_use", e.getMessage(), fields));
    }

    @Operation(operationId = "searchPhotos", summary = "Search the photo library",
            description = "Newest first, 48 a page. q matches caption, alt text, credit and file name; credit a photographer or agency; "
                    + "from and to are days (site time zone); unused=true keeps photos nothing uses; missing=credit or missing=alt keeps those lacking it.")
    @ApiResponse(responseCode = "200", description = "One page of photos")
    @GetMapping
    PhotoList search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String credit,
                     @RequestParam(required = false) java.time.LocalDate from, @RequestParam(required = false) java.time.LocalDate to,
                     @RequestParam(defaultValue = "false") boolean unused,
                     @Parameter(schema = @Schema(allowableValues = {"credit", "alt"})) @RequestParam(defaultValue = "") String missing,
                     @RequestParam(defaultValue = "1") int page) {
        int number = Math.max(1, Math.min(page, 10_000));
        if (!missing.isEmpty()) {
            BadParameterException.oneOf("missing", missing, List.of("credit", "alt"));
        }
        Cataloguing.Found found = catalogue.search(new PhotoQuery(q, credit, from, to, unused, missing), (number - 1) * MediaDesk.PER_PAGE,
                MediaDesk.PER_PAGE);
        return new PhotoList(found.photos().stream().map(MediaJson::of).toList(), number, found.hasMore());
    }

    @Operation(operationId = "updatePhoto", summary = "Correct a photo's caption, alt text, credit and focal point")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "422", description = "A field is too long, or the focal point is outside 0 to 100 (invalid)")
    @org.springframework.web.bind.annotation.PutMapping("/{id}")
    MediaJson update(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody PhotoDescription input) {
        MediaItem current = library.find(id).orElseThrow();
        CreditJson c = input.credit() == null ? new CreditJson("", "", "") : input.credit();
        String caption = input.caption() == null ? "" : input.caption();
        String alt = input.altText() == null ? "" : input.altText();
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (caption.length() > 1000 || alt.length() > 500 || length(c.photographer()) > 200 || length(c.organisation()) > 200
                || length(c.licence()) > 200) {
            problems.put("caption", "Caption, credit or alt text is too long.");
        }
        Integer x = input.focalX() == null ? Integer.valueOf(current.focalX()) : MediaDesk.percent(input.focalX().toString());
        Integer y = input.focalY() == null ? Integer.valueOf(current.focalY()) : MediaDesk.percent(input.focalY().toString());
        if (x == null || y == null) {
            problems.put("focalX", "The focal point is per cent from the top left, 0 to 100.");
        }
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        return catalogue.describe(id, new MediaDetails(caption, alt, new Credit(c.photographer(), c.organisation(), c.licence())), x, y)
                .map(MediaJson::of).orElseThrow();
    }

    @Operation(operationId = "deletePhoto", summary = "Delete a photo nothing uses", description = "Its files go with it. "
            + "A photo in use is refused with 409; the error's fields name each use (admin address: what it is).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "Something uses the photo; nothing was deleted (in_use)")
    @org.springframework.web.bind.annotation.DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!catalogue.delete(id)) {
            throw new java.util.NoSuchElementException();
        }
        return ResponseEntity.noContent().build();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static MediaJson invalid(java.util.Map<String, String> problems) {
        throw new InvalidDescription(problems);
    }

    private static final class InvalidDescription extends RuntimeException {
        private final transient java.util.Map<String, String> problems;

        InvalidDescription(java.util.Map<String, String> problems) {
            super("invalid photo description");
            this.problems = problems;
        }
    }

    @ExceptionHandler(InvalidDescription.class)
    ResponseEntity<ApiError> invalidDescription(InvalidDescription e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "Some fields are not acceptable; nothing was saved.", e.problems));
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
