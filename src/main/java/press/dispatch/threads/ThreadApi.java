package press.dispatch.threads;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.api.ApiError;

/** Story threads in the Admin API (editor keys and above): the same rules as the newsroom's *Story threads* screen. */
@RestController
@RequestMapping("/api/v1/threads")
@Tag(name = "Story threads")
class ThreadApi {

    private final Threads threads;

    ThreadApi(Threads threads) {
        this.threads = threads;
    }

    record ThreadInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
                       @Schema(description = "Made from the title when empty") String slug, String summary) {
    }

    record ThreadArticleInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long articleId) {
    }

    record ThreadOrderInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Each of the thread's articles once, first first")
                            List<Long> articleIds) {
    }

    record ThreadJson(long id, String slug, String title, String summary, String href,
                      @Schema(description = "Every article in the thread, public or not, in the thread's order (first first)") List<Long> articleIds,
                      @Schema(description = "Confirmed followers") long followers, Instant createdAt, Instant updatedAt) {
    }

    @Operation(operationId = "listThreads", summary = "Every story thread, most recently changed first, with its articles and follower count")
    @ApiResponse(responseCode = "200", description = "The threads")
    @GetMapping
    List<ThreadJson> list(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff) {
        editor(staff);
        return threads.listAll().stream().map(this::json).toList();
    }

    @Operation(operationId = "getThread", summary = "One story thread")
    @ApiResponse(responseCode = "200", description = "The thread")
    @ApiResponse(responseCode = "404", description = "No such thread")
    @GetMapping("/{id}")
    ThreadJson get(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        editor(staff);
        return json(threads.get(id));
    }

    @Operation(operationId = "createThread", summary = "Create a story thread")
    @ApiResponse(responseCode = "201", description = "Created", headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location",
            description = "The new thread's address in the API", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "The title, slug or summary is not acceptable (invalid)")
    @PostMapping
    org.springframework.http.ResponseEntity<ThreadJson> create(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff,
                                                               @RequestBody ThreadInput input) {
        long id = threads.create(staff, input.title(), input.slug(), input.summary() == null ? "" : input.summary());
        return org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/v1/threads/" + id)).body(json(threads.get(id)));
    }

    @Operation(operationId = "updateThread", summary = "Change a thread's title, slug and summary")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "404", description = "No such thread")
    @ApiResponse(responseCode = "422", description = "The title, slug or summary is not acceptable (invalid)")
    @PutMapping("/{id}")
    ThreadJson update(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @RequestBody ThreadInput input) {
        threads.update(staff, id, input.title(), input.slug(), input.summary() == null ? "" : input.summary());
        return json(threads.get(id));
    }

    @Operation(operationId = "deleteThread", summary = "Delete a thread: its page and its followers go, its articles stay")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such thread")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        threads.delete(staff, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "addThreadArticle", summary = "Put an article in a thread (it leaves any other thread)",
            description = "An article published later is emailed to the thread's followers; one already published is not.")
    @ApiResponse(responseCode = "200", description = "Added")
    @ApiResponse(responseCode = "404", description = "No such thread or article")
    @ApiResponse(responseCode = "422", description = "No articleId (invalid)")
    @PostMapping("/{id}/articles")
    ThreadJson addArticle(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @RequestBody ThreadArticleInput input) {
        editor(staff);
        if (input.articleId() == null) {
            throw new InvalidThreadException(java.util.Map.of("articleId", "Name the article to add."));
        }
        threads.add(staff, id, input.articleId());
        return json(threads.get(id));
    }

    @Operation(operationId = "reorderThreadArticles", summary = "Put a thread's articles in an order",
            description = "Readers' timeline, the previous/next links and the thread's feed follow it. An article added later takes its place by "
                    + "publication time.")
    @ApiResponse(responseCode = "200", description = "Reordered")
    @ApiResponse(responseCode = "404", description = "No such thread")
    @ApiResponse(responseCode = "422", description = "The list does not name each of the thread's articles exactly once (invalid)")
    @PutMapping("/{id}/articles")
    ThreadJson reorderArticles(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id,
                               @RequestBody ThreadOrderInput input) {
        threads.reorder(staff, id, input.articleIds());
        return json(threads.get(id));
    }

    @Operation(operationId = "removeThreadArticle", summary = "Take an article out of a thread")
    @ApiResponse(responseCode = "200", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such thread, or the article is not in it")
    @DeleteMapping("/{id}/articles/{articleId}")
    ThreadJson removeArticle(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @PathVariable long articleId) {
        editor(staff);
        if (!threads.articleIds(threads.get(id).id()).contains(articleId)) {
            throw new java.util.NoSuchElementException("Article " + articleId + " is not in thread " + id);
        }
        threads.remove(staff, id, articleId);
        return json(threads.get(id));
    }

    @ExceptionHandler(InvalidThreadException.class)
    ResponseEntity<ApiError> invalid(InvalidThreadException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "Some fields are not acceptable; nothing was saved.", e.problems()));
    }

    private static void editor(Staff staff) {
        if (!staff.can(Permission.PUBLISH_ANY)) {
            throw new AccessDeniedException("Only editors read and write story threads.");
        }
    }

    private ThreadJson json(StoryThread t) {
        return new ThreadJson(t.id(), t.slug(), t.title(), t.summary(), t.href(), threads.articleIds(t.id()), threads.countFollowers(t.id()),
                t.createdAt(), t.updatedAt());
    }
}
