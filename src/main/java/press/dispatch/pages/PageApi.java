package press.dispatch.pages;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.accounts.Staff;
import press.dispatch.api.ApiError;

/** Static pages in the Admin API (editor keys and above): the same rules as the page editor, in JSON. */
@RestController
@RequestMapping("/api/v1/pages")
@Tag(name = "Pages")
class PageApi {

    private final StaticPages pages;

    PageApi(StaticPages pages) {
        this.pages = pages;
    }

    /** On update, {@code version} must be the version the script read: a newer save answers 409 instead of being overwritten. */
    record PageInput(String title, String slug, String body, Integer version) {
        PageDraft draft() {
            return new PageDraft(title, slug, body);
        }
    }

    /** {@code liveTitle}/{@code liveBody}: what readers see (null unless published); {@code title}/{@code body}: the working copy. */
    record PageJson(long id, String slug, @Schema(nullable = true, description = "Only when published") String url, String status, String title,
                    String body, @Schema(nullable = true) String liveTitle, @Schema(nullable = true) String liveBody,
                    @Schema(nullable = true) Instant publishedAt, Instant updatedAt, int version) {
    }

    @Operation(operationId = "listPages", summary = "List pages, by title", description = "Static pages (About, Privacy…), published or not. Never articles.")
    @GetMapping
    List<PageJson> list() {
        return pages.listAll().stream().map(PageApi::json).toList();
    }

    @Operation(operationId = "getPage", summary = "Read one page with its version")
    @GetMapping("/{id}")
    PageJson get(@PathVariable long id) {
        return json(pages.open(id));
    }

    @Operation(operationId = "createPage", summary = "Create a draft page", description = "An empty slug is made from the title. Slugs the site uses itself "
            + "(admin, api, articles, media, sections…) are refused with 422.")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PostMapping
    ResponseEntity<PageJson> create(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @RequestBody PageInput input) {
        long id = pages.create(staff, input.draft());
        return ResponseEntity.created(URI.create("/api/v1/pages/" + id)).body(json(pages.open(id)));
    }

    @Operation(operationId = "updatePage", summary = "Replace a page's working copy", description = "Send the version you read; 409 if someone saved since. "
            + "Kept as a new revision; readers see the change only after POST …/publish.")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "409", description = "Someone saved after the version you sent (conflict)")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PutMapping("/{id}")
    PageJson update(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @RequestBody PageInput input) {
        pages.open(id);
        if (input.version() == null) {
            throw new InvalidPageException(Map.of("version", "Send the version you read (GET the page first)."));
        }
        pages.save(staff, id, input.draft(), input.version());
        return json(pages.open(id));
    }

    @Operation(operationId = "publishPage", summary = "Publish the working copy", description = "The page goes live at /{slug}, or its live copy is replaced.")
    @ApiResponse(responseCode = "200", description = "Published")
    @PostMapping("/{id}/publish")
    PageJson publish(@PathVariable long id) {
        pages.publish(id);
        return json(pages.open(id));
    }

    @Operation(operationId = "unpublishPage", summary = "Unpublish (off the site, kept as a draft)")
    @ApiResponse(responseCode = "200", description = "Unpublished")
    @PostMapping("/{id}/unpublish")
    PageJson unpublish(@PathVariable long id) {
        pages.unpublish(id);
        return json(pages.open(id));
    }

    @Operation(operationId = "deletePage", summary = "Delete a page and its revisions")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        pages.delete(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidPageException.class)
    ResponseEntity<ApiError> invalid(InvalidPageException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "Some fields are not acceptable; nothing was saved.", e.problems()));
    }

    @ExceptionHandler(PageConflictException.class)
    ResponseEntity<ApiError> conflict(PageConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(409, "conflict",
                "Someone saved this page after the version you sent (now " + e.currentVersion() + "); nothing was saved.",
                Map.of("version", Integer.toString(e.currentVersion()))));
    }

    private static PageJson json(Page p) {
        return new PageJson(p.id(), p.slug(), p.published() ? p.href() : null, p.status(), p.title(), p.bodyMarkdown(), p.liveTitle(), p.liveBody(),
                p.publishedAt(), p.updatedAt(), p.version());
    }
}
