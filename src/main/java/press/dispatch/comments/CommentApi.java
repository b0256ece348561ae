package press.dispatch.comments;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.api.ApiError;

/** Comments in the Admin API: the moderation queue and its actions (for roles that moderate). */
@RestController
@RequestMapping("/api/v1/comments")
@Tag(name = "Comments")
class CommentApi {

    private final Moderation moderation;
    CommentApi(Moderation moderation) {
        this.moderation = moderation;
    }

    record CommentJson(long id, long articleId, Long parentId, String authorName, String authorEmail, String authorUrl, String body, String status,
                       int score, String reasons, boolean byStaff, Instant createdAt) {
        static CommentJson of(Comment c) {
            return new CommentJson(c.id(), c.articleId(), c.parentId(), c.authorName(), c.authorEmail(), c.authorUrl(), c.body(), c.status(),
                    c.score(), c.reasons(), c.byStaff(), c.createdAt());
        }
    }

    @Operation(summary = "List comments of one status, newest first, 50 a page", description = "status: pending (default), approved, spam, trash")
    @GetMapping
    List<CommentJson> list(@RequestParam(defaultValue = "pending") String status, @RequestParam(defaultValue = "1") int page) {
        String wanted = CommentDesk.STATUSES.contains(status) ? status : "pending";
        int number = Math.max(1, Math.min(page, 10_000));
        return moderation.queue(wanted, (number - 1) * 50, 50).stream().map(CommentJson::of).toList();
    }

    @Operation(summary = "Moderate one comment", description = "action: approve, unapprove, spam or trash")
    @PostMapping("/{id}/{action}")
    ResponseEntity<?> moderate(@PathVariable long id, @PathVariable String action) {
        String status = CommentDesk.statusFor(action);
        if (status == null) {
            return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "The action must be approve, unapprove, spam or trash.",
                    java.util.Map.of("action", "unknown action")));
        }
        return ResponseEntity.ok(CommentJson.of(moderation.moveTo(id, status).orElseThrow()));
    }
}
