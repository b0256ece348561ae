package press.dispatch.comments;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.api.ApiError;
import press.dispatch.api.BadParameterException;

/** Comments in the Admin API: the moderation queue and its actions (for roles that moderate). */
@RestController
@RequestMapping("/api/v1/comments")
@Tag(name = "Comments")
class CommentApi {

    private final Moderation moderation;
    CommentApi(Moderation moderation) {
        this.moderation = moderation;
    }

    record CommentJson(long id, long articleId, @Schema(nullable = true) Long parentId, String authorName, String authorEmail, String authorUrl,
                       String body, String status, int score, String reasons, boolean byStaff, Instant createdAt) {
        static CommentJson of(Comment c) {
            return new CommentJson(c.id(), c.articleId(), c.parentId(), c.authorName(), c.authorEmail(), c.authorUrl(), c.body(), c.status(),
                    c.score(), c.reasons(), c.byStaff(), c.createdAt());
        }
    }

    @Operation(operationId = "listComments", summary = "List comments of one status, newest first, 50 a page")
    @GetMapping
    List<CommentJson> list(@Parameter(schema = @Schema(allowableValues = {"pending", "approved", "spam", "trash"}, defaultValue = "pending"))
                           @RequestParam(defaultValue = "pending") String status,
                           @RequestParam(defaultValue = "1") int page) {
        String wanted = BadParameterException.oneOf("status", status, CommentDesk.STATUSES);
        int number = Math.max(1, Math.min(page, 10_000));
        return moderation.queue(wanted, (number - 1) * 50, 50).stream().map(CommentJson::of).toList();
    }

    @Operation(operationId = "moderateComment", summary = "Moderate one comment")
    @ApiResponse(responseCode = "200", description = "The comment as it is now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommentJson.class)))
    @ApiResponse(responseCode = "422", description = "An unknown action (invalid)")
    @PostMapping("/{id}/{action}")
    ResponseEntity<?> moderate(@PathVariable long id,
                               @Parameter(schema = @Schema(allowableValues = {"approve", "unapprove", "spam", "trash"}))
                               @PathVariable String action) {
        String status = CommentDesk.statusFor(action);
        if (status == null) {
            return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "The action must be approve, unapprove, spam or trash.",
                    java.util.Map.of("action", "unknown action")));
        }
        return ResponseEntity.ok(CommentJson.of(moderation.moveTo(id, status).orElseThrow()));
    }
}
