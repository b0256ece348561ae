package press.dispatch.articles;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.accounts.Staff;
import press.dispatch.api.ApiError;
import press.dispatch.api.BadParameterException;

/** Articles in the Admin API: the same rules as the editor (roles, versions, revisions), in JSON. */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles")
class ArticleApi {

    private final Editing editing;
    private final TagRepository tags;

    private final PhotoCredits photoCredits;

    ArticleApi(Editing editing, TagRepository tags, PhotoCredits photoCredits) {
        this.photoCredits = photoCredits;
        this.editing = editing;
        this.tags = tags;
    }

    /**
     * What a script writes. On update, {@code version} must be the version it read: a newer save by someone else
     * answers 409 instead of being overwritten.
     */
    record ArticleInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String headline, String slug, String standfirst,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Markdown") String body, Long sectionId,
                        List<String> tags, List<Long> authorIds, Long featuredMediaId, String featuredCaption, String featuredCredit,
                        String featuredAlt, Boolean webOnly, Boolean commentsOpen, @Schema(description = "Required on update: the version you read") Integer version) {
        ArticleDraft draft() {
            return new ArticleDraft(headline, slug, standfirst, body, sectionId, authorIds, tags, featuredMediaId, featuredCaption, featuredCredit,
                    featuredAlt, webOnly != null && webOnly, commentsOpen == null || commentsOpen);
        }
    }

    record ArticleJson(long id, String slug, @Schema(nullable = true, description = "Only when published") String url, String status,
                       boolean trashed, String reviewState, String headline, String standfirst, String body,
                       @Schema(nullable = true) Long sectionId, List<String> tags, List<Long> authorIds,
                       @Schema(nullable = true) Long featuredMediaId,
                       String featuredCaption, String featuredCredit, String featuredAlt, boolean webOnly, boolean commentsOpen,
                       @Schema(nullable = true, description = "For scheduled: when it goes live") Instant publishedAt, Instant updatedAt,
                       int version,
                       @Schema(nullable = true, description = "On a published article: the revision kept for later, not yet live") Integer pendingRevision) {
    }

    record ArticleLine(long id, String slug, String headline, String status, boolean trashed, String reviewState, String authors,
                       @Schema(nullable = true) Instant publishedAt, Instant updatedAt) {
    }

    record ScheduleInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant publishAt) {
    }

    @Operation(operationId = "listArticles", summary = "List articles, most recently changed first (with q: best match first)",
            description = "Editors and admins see every article; authors and contributors see their own.")
    @GetMapping
    List<ArticleLine> list(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff,
                           @Parameter(description = "draft, scheduled, published, review or trash") @RequestParam(required = false) String status,
                           @RequestParam(required = false) Long sectionId,
                           @Parameter(description = "Words to find, by the public search's rules (any form of a word, \"quoted phrases\", headline, "
                                   + "text, tags, captions), in articles of every status; the best 1,000 matches, best first")
                           @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "1") int page) {
        int number = Math.max(1, Math.min(page, 10_000));
        String wanted = status == null || status.isBlank() ? null : BadParameterException.oneOf("status", status, Editing.LIST_STATUSES);
        return editing.list(staff, wanted, sectionId, null, q, (number - 1) * 50, 50).stream()
                .map(l -> new ArticleLine(l.id(), l.slug(), l.headline(), l.status().column(), l.trashed(), l.reviewState(), l.authors(),
                        l.publishedAt(), l.updatedAt()))
                .toList();
    }

    @Operation(operationId = "getArticle", summary = "Read one article with its version")
    @GetMapping("/{id}")
    ArticleJson get(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        return json(editing.open(staff, id));
    }

    @Operation(operationId = "createArticle", summary = "Create a draft",
            description = "The key's staff member is the byline unless an editor's key names authorIds.")
    @ApiResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new article's address in the API", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PostMapping
    ResponseEntity<ArticleJson> create(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @RequestBody ArticleInput input) {
        long id = editing.create(staff, input.draft());
        return ResponseEntity.created(URI.create("/api/v1/articles/" + id)).body(json(editing.open(staff, id)));
    }

    @Operation(operationId = "updateArticle", summary = "Replace an article's content",
            description = "Send the version you read; 409 if someone saved since. "
            + "On a published article the content is kept as pendingRevision and the live page is unchanged until POST …/publish.")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "409", description = "Someone saved after the version you sent; fields.version is the current one (conflict)")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable, or no version was sent; nothing was saved (invalid)")
    @PutMapping("/{id}")
    ArticleJson update(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @RequestBody ArticleInput input) {
        editing.open(staff, id);
        if (input.version() == null) {
            throw new InvalidArticleException(Map.of("version", "Send the version you read (GET the article first)."));
        }
        editing.save(staff, id, input.draft(), input.version());
        return json(editing.open(staff, id));
    }

    @Operation(operationId = "publishArticle", summary = "Publish now", description = "Also makes a published article's pending revision live. "
            + "If its photos lack a credit or alt text, it is refused (422, field photos) unless confirmPhotos=true, and always when the site "
            + "setting media.missing_credit is refuse.")
    @ApiResponse(responseCode = "200", description = "Published")
    @ApiResponse(responseCode = "422", description = "The article cannot be published as it is (invalid)")
    @PostMapping("/{id}/publish")
    ArticleJson publish(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id,
                        @Parameter(description = "Publish even though some photos lack a credit or alt text")
                        @RequestParam(defaultValue = "false") boolean confirmPhotos) {
        Editing.Editable before = editing.open(staff, id);
        Revision going = before.pending() != null ? before.pending() : before.current();
        if (going != null) {
            Map<String, String> uncredited = photoCredits.problems(going.draft(), confirmPhotos);
            if (!uncredited.isEmpty()) {
                throw new InvalidArticleException(uncredited);
            }
        }
        editing.publish(staff, id);
        return json(editing.open(staff, id));
    }

    @Operation(operationId = "scheduleArticle", summary = "Schedule publication",
            description = "publishAt is an ISO-8601 instant in the future, such as 2026-12-01T09:30:00Z.")
    @ApiResponse(responseCode = "200", description = "Scheduled")
    @ApiResponse(responseCode = "422", description = "publishAt is missing or not in the future (invalid)")
    @PostMapping("/{id}/schedule")
    ArticleJson schedule(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id, @RequestBody ScheduleInput input) {
        editing.open(staff, id);
        if (input.publishAt() == null) {
            throw new InvalidArticleException(Map.of("publishAt", "Send publishAt, an ISO-8601 instant such as 2026-12-01T09:30:00Z."));
        }
        editing.schedule(staff, id, input.publishAt());
        return json(editing.open(staff, id));
    }

    @Operation(operationId = "unpublishArticle", summary = "Unpublish (back to draft, off the site)")
    @PostMapping("/{id}/unpublish")
    ArticleJson unpublish(@AuthenticationPrincipal @Parameter(hidden = true) Staff staff, @PathVariable long id) {
        editing.unpublish(staff, id);
        return json(editing.open(staff, id));
    }

    @ExceptionHandler(InvalidArticleException.class)
    ResponseEntity<ApiError> invalid(InvalidArticleException e) {
        // The API's field is "body" where the editor's form says "bodyMarkdown".
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        e.problems().forEach((field, problem) -> fields.put("bodyMarkdown".equals(field) ? "body" : field, problem));
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "Some fields are not acceptable; nothing was saved.", fields));
    }

    @ExceptionHandler(ArticleConflictException.class)
    ResponseEntity<ApiError> conflict(ArticleConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(409, "conflict",
                "Someone saved this article after the version you sent (now " + e.currentVersion() + "); nothing was saved.",
                Map.of("version", Integer.toString(e.currentVersion()))));
    }

    private ArticleJson json(Editing.Editable e) {
        Article a = e.article();
        return new ArticleJson(a.id(), a.slug(), a.status() == ArticleStatus.PUBLISHED ? "/articles/" + a.slug() : null, a.status().column(),
                e.trashed(), e.reviewState(), a.headline(), a.standfirst(), a.bodyMarkdown(), a.sectionId(),
                tags.listByArticle(a.id()).stream().map(press.dispatch.articles.Tag::name).toList(), a.authorIds(), a.featuredMediaId(),
                a.featuredCaption(), a.featuredCredit(), a.featuredAlt(), a.webOnly(), a.commentsOpen(), a.publishedAt(), a.updatedAt(),
                e.version(), e.pending() == null ? null : e.pending().number());
    }
}
