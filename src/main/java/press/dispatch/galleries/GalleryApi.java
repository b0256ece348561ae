package press.dispatch.galleries;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.api.ApiError;
import press.dispatch.media.Credit;

/** Galleries in the Admin API (editor keys and above): the same rules as the gallery screens, in JSON. */
@RestController
@RequestMapping("/api/v1/galleries")
@Tag(name = "Galleries")
class GalleryApi {

    private final Galleries galleries;

    GalleryApi(Galleries galleries) {
        this.galleries = galleries;
    }

    record GalleryInput(String title, String slug, String description) {
        GalleryDraft draft() {
            return new GalleryDraft(title, slug, description);
        }
    }

    record PhotosInput(@Schema(description = "Library photo ids, added at the end in this order") List<Long> mediaIds) {
    }

    record OrderInput(@Schema(description = "Every gallery photo id, first to last") List<Long> photoIds) {
    }

    record PhotoInput(@Schema(description = "Empty: the library's caption") String caption, String photographer, String organisation,
                      String licence) {
    }

    /** {@code caption}/{@code credit}: what readers see (the gallery's own, else the library's). */
    record PhotoJson(long id, int position, long mediaId, String caption, String credit, String alt, String src, String captionOverride,
                     String photographerOverride, String organisationOverride, String licenceOverride) {
    }

    record GalleryJson(long id, String slug, String title, String description, String status,
                       @Schema(nullable = true, description = "Only when published") String url, @Schema(nullable = true) Instant publishedAt,
                       Instant updatedAt, String embed, List<PhotoJson> photos) {
    }

    @Operation(operationId = "listGalleries", summary = "List galleries, last changed first", description = "Published or not, without their photos.")
    @GetMapping
    List<GalleryJson> list() {
        return galleries.listAll().stream().map(g -> json(g, List.of())).toList();
    }

    @Operation(operationId = "getGallery", summary = "Read one gallery with its photos in order")
    @ApiResponse(responseCode = "200", description = "The gallery")
    @ApiResponse(responseCode = "404", description = "No such gallery (not_found)")
    @GetMapping("/{id}")
    GalleryJson get(@PathVariable long id) {
        return json(id);
    }

    @Operation(operationId = "createGallery", summary = "Create a draft gallery", description = "An empty slug is made from the title.")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PostMapping
    ResponseEntity<GalleryJson> create(@RequestBody GalleryInput input) {
        long id = galleries.create(input.draft());
        return ResponseEntity.created(URI.create("/api/v1/galleries/" + id)).body(json(id));
    }

    @Operation(operationId = "updateGallery", summary = "Change a gallery's title, slug and description", description = "Live at once when published.")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PutMapping("/{id}")
    GalleryJson update(@PathVariable long id, @RequestBody GalleryInput input) {
        galleries.save(id, input.draft());
        return json(id);
    }

    @Operation(operationId = "addGalleryPhotos", summary = "Add library photos at the end")
    @ApiResponse(responseCode = "200", description = "Added")
    @ApiResponse(responseCode = "422", description = "No ids, or an id that is not a library photo; nothing was added (invalid)")
    @PostMapping("/{id}/photos")
    GalleryJson addPhotos(@PathVariable long id, @RequestBody PhotosInput input) {
        galleries.open(id);
        if (input.mediaIds() == null || input.mediaIds().isEmpty()) {
            throw new InvalidGalleryException(Map.of("mediaIds", "Send the ids of the library photos to add."));
        }
        try {
            galleries.addPhotos(id, input.mediaIds());
        } catch (InvalidGalleryException e) {
            throw e.naming("photos", "mediaIds");
        }
        return json(id);
    }

    @Operation(operationId = "reorderGalleryPhotos", summary = "Put the photos in a new order")
    @ApiResponse(responseCode = "200", description = "Reordered")
    @ApiResponse(responseCode = "422", description = "The list does not name every photo of the gallery exactly once (invalid)")
    @PutMapping("/{id}/order")
    GalleryJson reorder(@PathVariable long id, @RequestBody OrderInput input) {
        galleries.open(id);
        try {
            galleries.reorder(id, input.photoIds() == null ? List.of() : input.photoIds());
        } catch (InvalidGalleryException e) {
            throw e.naming("order", "photoIds");
        }
        return json(id);
    }

    @Operation(operationId = "describeGalleryPhoto", summary = "Set a photo's caption and credit in this gallery",
            description = "Empty fields show the library's caption and credit.")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "404", description = "No such gallery or photo in it (not_found)")
    @ApiResponse(responseCode = "422", description = "A caption or credit is too long or holds control characters (invalid)")
    @PutMapping("/{id}/photos/{photoId}")
    GalleryJson describe(@PathVariable long id, @PathVariable long photoId, @RequestBody PhotoInput input) {
        galleries.describePhoto(id, photoId, input.caption(), new Credit(input.photographer(), input.organisation(), input.licence()));
        return json(id);
    }

    @Operation(operationId = "removeGalleryPhoto", summary = "Take a photo out of the gallery (it stays in the library)")
    @ApiResponse(responseCode = "200", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such gallery or photo in it (not_found)")
    @DeleteMapping("/{id}/photos/{photoId}")
    GalleryJson remove(@PathVariable long id, @PathVariable long photoId) {
        galleries.removePhoto(id, photoId);
        return json(id);
    }

    @Operation(operationId = "publishGallery", summary = "Publish: the gallery goes live at /galleries/{slug} and on the Pictures page")
    @ApiResponse(responseCode = "200", description = "Published")
    @PostMapping("/{id}/publish")
    GalleryJson publish(@PathVariable long id) {
        galleries.publish(id);
        return json(id);
    }

    @Operation(operationId = "unpublishGallery", summary = "Unpublish (off the site, kept as a draft)")
    @ApiResponse(responseCode = "200", description = "Unpublished")
    @PostMapping("/{id}/unpublish")
    GalleryJson unpublish(@PathVariable long id) {
        galleries.unpublish(id);
        return json(id);
    }

    @Operation(operationId = "deleteGallery", summary = "Delete a gallery (its photos stay in the library)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        galleries.delete(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidGalleryException.class)
    ResponseEntity<ApiError> invalid(InvalidGalleryException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "Some fields are not acceptable; nothing was saved.", e.problems()));
    }

    private GalleryJson json(long id) {
        return json(galleries.open(id), galleries.photos(id));
    }

    private static GalleryJson json(Gallery g, List<GalleryPhoto> photos) {
        return new GalleryJson(g.id(), g.slug(), g.title(), g.description(), g.status(), g.published() ? g.href() : null, g.publishedAt(),
                g.updatedAt(), "::gallery[" + g.slug() + "]", photos.stream().map(p -> new PhotoJson(p.id(), p.position(), p.media().id(),
                p.caption(), p.credit().line(), p.alt(), p.media().src(1600), p.captionOverride(), p.creditOverride().photographer(),
                p.creditOverride().organisation(), p.creditOverride().licence())).toList());
    }
}
