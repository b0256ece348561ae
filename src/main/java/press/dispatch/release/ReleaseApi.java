package press.dispatch.release;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.api.ApiError;
import press.dispatch.articles.InvalidArticleException;

/**
 * Embargoes, the sensitive flag and two-person release in the Admin API (editor keys). Releasing alone is not here: it
 * is the owner's, and an API key never carries the owner's role.
 */
@RestController
@Tag(name = "Release")
class ReleaseApi {

    private final Releases releases;

    ReleaseApi(Releases releases) {
        this.releases = releases;
    }

    record HoldInput(@Schema(nullable = true, description = "ISO-8601 instant; null or absent: no embargo") Instant embargoUntil,
                     @Schema(description = "Absent: unchanged") Boolean sensitive,
                     @Schema(description = "Why the embargo changes (optional); kept in its history") String reason) {
    }

    record EmbargoChangeJson(long id, @Schema(description = "set, moved earlier, moved later or lifted") String kind,
                             @Schema(nullable = true) Instant from, @Schema(nullable = true) Instant to,
                             @Schema(description = "made, waiting, approved, returned, alone (the owner, with a reason) or cancelled") String status,
                             String requestedBy, Instant requestedAt, String reason, @Schema(nullable = true) String decidedBy,
                             @Schema(nullable = true) Instant decidedAt, String note) {
    }

    record NoteInput(@Schema(description = "Sending back: the note for the editor who asked (required)") String note) {
    }

    record ReleaseInput(@Schema(nullable = true, description = "ISO-8601 instant in the future; absent: at once when approved") Instant publishAt,
                        @Schema(description = "Sending back: the note for the editor who asked (required)") String note) {
    }

    record RequestJson(long id, long articleId, @Schema(nullable = true) Instant publishAt, String status, String requestedBy, Instant requestedAt,
                       @Schema(nullable = true) String decidedBy, @Schema(nullable = true) Instant decidedAt, String note) {
    }

    record ReleaseJson(long articleId, @Schema(nullable = true) Instant embargoUntil, boolean sensitive, List<RequestJson> trail,
                       @Schema(description = "Every change of the embargo, oldest first") List<EmbargoChangeJson> embargoHistory) {
    }

    @Operation(operationId = "getRelease", summary = "An article's embargo, sensitive flag and release trail")
    @ApiResponse(responseCode = "200", description = "The hold and trail")
    @ApiResponse(responseCode = "404", description = "No such article")
    @GetMapping("/api/v1/articles/{id}/release")
    ReleaseJson get(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        editor(staff);
        return json(id);
    }

    @Operation(operationId = "holdArticle", summary = "Set or lift an article's embargo and sensitive flag",
            description = "Before the embargo nobody can publish or schedule the article, by any path or role. Moving the embargo earlier or "
                    + "lifting it on a sensitive article waits for a second editor (202; approveEmbargoChange); the flag is saved at once.")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "202", description = "The flag is saved; the embargo change waits for a second editor (see embargoHistory)")
    @ApiResponse(responseCode = "404", description = "No such article")
    @ApiResponse(responseCode = "422", description = "The article is already public, scheduled before the embargo, or a change already waits (invalid)")
    @PutMapping("/api/v1/articles/{id}/release")
    ResponseEntity<ReleaseJson> hold(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id,
                                     @RequestBody HoldInput input) {
        boolean sensitive = input.sensitive() != null ? input.sensitive() : releases.hold(id).sensitive();
        Releases.Outcome outcome = releases.hold(staff, id, input.embargoUntil(), sensitive, input.reason());
        return ResponseEntity.status(outcome == Releases.Outcome.WAITING ? 202 : 200).body(json(id));
    }

    @Operation(operationId = "approveEmbargoChange", summary = "Approve a waiting embargo change: the embargo moves earlier or is lifted now",
            description = "The editor who asked cannot approve.")
    @ApiResponse(responseCode = "200", description = "Approved")
    @ApiResponse(responseCode = "404", description = "No such change")
    @ApiResponse(responseCode = "422", description = "Asked by this key's editor, or no longer waiting (invalid)")
    @PostMapping("/api/v1/embargo-changes/{id}/approve")
    ReleaseJson approveChange(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        editor(staff);
        releases.approveEmbargoChange(staff, id);
        return json(releases.findChange(id).articleId());
    }

    @Operation(operationId = "returnEmbargoChange", summary = "Send a waiting embargo change back with a note: the embargo stays")
    @ApiResponse(responseCode = "200", description = "Sent back")
    @ApiResponse(responseCode = "404", description = "No such change")
    @ApiResponse(responseCode = "422", description = "No note, or no longer waiting (invalid)")
    @PostMapping("/api/v1/embargo-changes/{id}/return")
    ReleaseJson returnChange(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @RequestBody NoteInput input) {
        editor(staff);
        releases.returnEmbargoChange(staff, id, input.note());
        return json(releases.findChange(id).articleId());
    }

    @Operation(operationId = "requestRelease", summary = "Ask a second editor to publish a sensitive article",
            description = "The request waits in the release queue.")
    @ApiResponse(responseCode = "200", description = "Waiting")
    @ApiResponse(responseCode = "404", description = "No such article")
    @ApiResponse(responseCode = "422", description = "Not sensitive, already public, embargoed until later, or a request already waits (invalid)")
    @PostMapping("/api/v1/articles/{id}/release/request")
    ReleaseJson request(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @RequestBody ReleaseInput input) {
        releases.request(staff, id, input.publishAt());
        return json(id);
    }

    @Operation(operationId = "listReleaseQueue", summary = "Release requests waiting for a second editor, oldest first")
    @ApiResponse(responseCode = "200", description = "The queue")
    @ApiResponse(responseCode = "403", description = "Not an editor's key")
    @GetMapping("/api/v1/releases")
    List<RequestJson> queue(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff) {
        editor(staff);
        return releases.queue().stream().map(ReleaseApi::json).toList();
    }

    @Operation(operationId = "approveRelease", summary = "Approve a waiting request: the article is published or scheduled at once",
            description = "The editor who asked cannot approve.")
    @ApiResponse(responseCode = "200", description = "Approved")
    @ApiResponse(responseCode = "404", description = "No such request")
    @ApiResponse(responseCode = "422", description = "Asked by this key's editor, no longer waiting, or refused (an embargo) (invalid)")
    @PostMapping("/api/v1/releases/{id}/approve")
    RequestJson approve(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        editor(staff);
        releases.approve(staff, id);
        return json(releases.find(id));
    }

    @Operation(operationId = "returnRelease", summary = "Send a waiting request back with a note")
    @ApiResponse(responseCode = "200", description = "Sent back")
    @ApiResponse(responseCode = "404", description = "No such request")
    @ApiResponse(responseCode = "422", description = "No note, or no longer waiting (invalid)")
    @PostMapping("/api/v1/releases/{id}/return")
    RequestJson sendBack(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @RequestBody ReleaseInput input) {
        editor(staff);
        releases.sendBack(staff, id, input.note());
        return json(releases.find(id));
    }

    @ExceptionHandler(InvalidReleaseException.class)
    ResponseEntity<ApiError> invalid(InvalidReleaseException e) {
        // fields names the input at fault; it is empty where the article's state is the problem (already public, a change waiting).
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", e.getMessage(),
                e.field() == null ? Map.of() : Map.of(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidArticleException.class)
    ResponseEntity<ApiError> refused(InvalidArticleException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", String.join(" ", e.problems().values()), e.problems()));
    }

    private ReleaseJson json(long articleId) {
        Hold hold = releases.hold(articleId);
        return new ReleaseJson(articleId, hold.embargoUntil(), hold.sensitive(), releases.trail(articleId).stream().map(ReleaseApi::json).toList(),
                releases.embargoHistory(articleId).stream().map(c -> new EmbargoChangeJson(c.id(), c.kind(), c.from(), c.to(), c.status(),
                        c.requestedByName(), c.requestedAt(), c.reason(), c.decidedByName(), c.decidedAt(), c.note())).toList());
    }

    private static RequestJson json(ReleaseRequest r) {
        return new RequestJson(r.id(), r.articleId(), r.publishAt(), r.status(), r.requestedByName(), r.requestedAt(), r.decidedByName(),
                r.decidedAt(), r.note());
    }

    private static void editor(Staff staff) {
        if (!staff.can(Permission.PUBLISH_ANY)) {
            throw new org.springframework.security.access.AccessDeniedException("Only editors hold and release articles.");
        }
    }
}
