package press.dispatch.corrections;

import java.time.Instant;
import java.util.List;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.api.ApiError;

/** An article's corrections in the Admin API (editor keys and above): the same rules as the newsroom's screen. */
@RestController
@RequestMapping("/api/v1/articles/{id}/corrections")
@Tag(name = "Corrections")
class CorrectionApi {

    private final Corrections corrections;

    CorrectionApi(Corrections corrections) {
        this.corrections = corrections;
    }

    record CorrectionInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "correction, clarification or update") String kind,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text,
                           @Schema(description = "Also email it to the readers who received the article by email") Boolean emailReaders) {
    }

    record AmendmentJson(String kind, String text, Instant replacedAt, String replacedBy) {
    }

    record CorrectionJson(long id, long articleId, String kind, String text, Instant createdAt, String addedBy,
                          @Schema(nullable = true) Instant amendedAt, int emailed, List<AmendmentJson> earlierWordings) {
    }

    @Operation(operationId = "listCorrections", summary = "An article's corrections, clarifications and updates, oldest first, with earlier wordings")
    @ApiResponse(responseCode = "200", description = "The records")
    @ApiResponse(responseCode = "404", description = "No such article")
    @GetMapping
    List<CorrectionJson> list(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        editor(staff);
        corrections.article(id);
        return corrections.listFor(id).stream().map(this::json).toList();
    }

    @Operation(operationId = "addCorrection", summary = "Add a correction, clarification or update to an article",
            description = "Records are never deleted; amend one instead. With emailReaders, exactly the addresses the article was emailed to get a short email.")
    @ApiResponse(responseCode = "200", description = "Added")
    @ApiResponse(responseCode = "404", description = "No such article")
    @ApiResponse(responseCode = "422", description = "The kind or text is not acceptable (invalid)")
    @PostMapping
    CorrectionJson add(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @RequestBody CorrectionInput input) {
        long added = corrections.add(staff, id, input.kind(), input.text(), input.emailReaders() != null && input.emailReaders());
        return json(corrections.get(id, added));
    }

    @Operation(operationId = "amendCorrection", summary = "Amend a record: its earlier wording is kept in its history")
    @ApiResponse(responseCode = "200", description = "Amended")
    @ApiResponse(responseCode = "404", description = "No such article or record")
    @ApiResponse(responseCode = "422", description = "The kind or text is not acceptable (invalid)")
    @PutMapping("/{number}")
    CorrectionJson amend(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @PathVariable long number,
                         @RequestBody CorrectionInput input) {
        corrections.amend(staff, id, number, input.kind(), input.text());
        return json(corrections.get(id, number));
    }

    @ExceptionHandler(InvalidCorrectionException.class)
    ResponseEntity<ApiError> invalid(InvalidCorrectionException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "Some fields are not acceptable; nothing was saved.", e.problems()));
    }

    private static void editor(Staff staff) {
        if (!staff.can(Permission.PUBLISH_ANY)) {
            throw new org.springframework.security.access.AccessDeniedException("Only editors read and write corrections.");
        }
    }

    private CorrectionJson json(Correction c) {
        return new CorrectionJson(c.id(), c.articleId(), c.kind().column(), c.text(), c.createdAt(), c.staffName(), c.amendedAt(), c.emailed(),
                corrections.amendments(c.id()).stream().map(a -> new AmendmentJson(a.kind().column(), a.text(), a.replacedAt(), a.staffName())).toList());
    }
}
