package press.dispatch.live;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** Live coverage in the Admin API: the same rules as the live desk, in JSON. */
@RestController
@RequestMapping("/api/v1/articles/{id}/live")
@Tag(name = "Live coverage")
class LiveApi {

    private final LiveCoverage coverage;

    LiveApi(LiveCoverage coverage) {
        this.coverage = coverage;
    }

    /** An entry as a script sends it: at least one of text (Markdown), mediaId, quote or embedUrl. */
    record EntryInputJson(@Schema(nullable = true) String text, @Schema(nullable = true) Long mediaId, @Schema(nullable = true) String quote,
                          @Schema(nullable = true) String quoteSource, @Schema(nullable = true) String embedUrl, @Schema(nullable = true) Boolean pinned) {
        EntryInput input() {
            return new EntryInput(text, mediaId, quote, quoteSource, embedUrl, Boolean.TRUE.equals(pinned));
        }
    }

    record EntryJson(long id, String text, String html, @Schema(nullable = true) Long mediaId, String quote, String quoteSource, String embedUrl,
                     boolean pinned, String postedBy, Instant postedAt, @Schema(nullable = true) Instant editedAt, long sequence) {
    }

    record CoverageJson(long articleId, boolean live, Instant startedAt, @Schema(nullable = true) Instant endedAt, String stream) {
    }

    @Operation(operationId = "startLiveCoverage", summary = "Make the article a live page",
            description = "Whoever may publish the article (editors and above, or its byline with publish rights). Coverage starts now; "
                    + "an ended coverage is reopened with its entries.")
    @ApiResponse(responseCode = "200", description = "The coverage, live")
    @ApiResponse(responseCode = "404", description = "No such article (not_found)")
    @PostMapping("/start")
    CoverageJson start(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        return json(coverage.start(staff, id));
    }

    @Operation(operationId = "endLiveCoverage", summary = "End the live coverage",
            description = "The page becomes a normal article that keeps its timeline; readers' streams close.")
    @ApiResponse(responseCode = "200", description = "The coverage, ended")
    @ApiResponse(responseCode = "404", description = "The article is not live (not_found)")
    @PostMapping("/end")
    CoverageJson end(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        return json(coverage.end(staff, id));
    }

    @Operation(operationId = "listLiveEntries", summary = "List the entries of a live page, newest first",
            description = "The staff in the article's byline, and editors and above.")
    @ApiResponse(responseCode = "200", description = "The entries readers see")
    @ApiResponse(responseCode = "404", description = "The article is not live (not_found)")
    @GetMapping("/entries")
    List<EntryJson> list(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        coverage.checkMayPost(staff, id);
        coverage.find(id).orElseThrow(() -> new java.util.NoSuchElementException("Article " + id + " is not live"));
        return coverage.entries(id).stream().map(LiveApi::json).toList();
    }

    @Operation(operationId = "postLiveEntry", summary = "Post an entry on a live page",
            description = "The staff in the article's byline, and editors and above. Readers' pages receive it within seconds.")
    @ApiResponse(responseCode = "201", description = "Posted; Location names it")
    @ApiResponse(responseCode = "404", description = "The article is not live (not_found)")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable, or the coverage has ended; nothing was saved (invalid)")
    @PostMapping("/entries")
    ResponseEntity<EntryJson> post(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id,
                                   @RequestBody EntryInputJson input) {
        Entry posted = coverage.post(staff, id, input.input());
        return ResponseEntity.created(URI.create("/api/v1/articles/" + id + "/live/entries/" + posted.id())).body(json(posted));
    }

    @Operation(operationId = "updateLiveEntry", summary = "Edit or pin an entry",
            description = "Replaces the entry's content (readers see it marked as edited). A request that changes only pinned "
                    + "pins or unpins it without marking it edited.")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "404", description = "No such entry on this live page (not_found)")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PutMapping("/entries/{entryId}")
    EntryJson update(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @PathVariable long entryId,
                     @RequestBody EntryInputJson input) {
        coverage.checkMayPost(staff, id);
        Entry entry = coverage.find(id, entryId);
        EntryInput wanted = input.input();
        boolean onlyPin = input.text() == null && input.mediaId() == null && input.quote() == null && input.quoteSource() == null
                && input.embedUrl() == null && input.pinned() != null;
        if (onlyPin) {
            return json(coverage.pin(staff, id, entryId, input.pinned()));
        }
        if (input.pinned() == null) {
            wanted = new EntryInput(wanted.text(), wanted.mediaId(), wanted.quote(), wanted.quoteSource(), wanted.embedUrl(), entry.pinned());
        }
        return json(coverage.edit(staff, id, entryId, wanted));
    }

    @Operation(operationId = "deleteLiveEntry", summary = "Delete an entry", description = "It disappears from readers' pages.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such entry on this live page (not_found)")
    @DeleteMapping("/entries/{entryId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @PathVariable long entryId) {
        coverage.delete(staff, id, entryId);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidEntryException.class)
    ResponseEntity<ApiError> invalid(InvalidEntryException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "Some fields are not acceptable; nothing was saved.", e.problems()));
    }

    private static CoverageJson json(Coverage c) {
        return new CoverageJson(c.articleId(), c.live(), c.startedAt(), c.endedAt(), LiveStream.path(c.articleId()));
    }

    private static EntryJson json(Entry e) {
        return new EntryJson(e.id(), e.bodyMarkdown(), e.bodyHtml(), e.mediaId(), e.quoteText(), e.quoteSource(), e.embedUrl(), e.pinned(),
                e.staffName(), e.postedAt(), e.editedAt(), e.sequence());
    }
}
