package press.dispatch.articles;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.api.ApiError;

/** Sections and tags in the Admin API: the same rules as the admin's Sections and Tags screens, in JSON. */
@RestController
@Tag(name = "Sections and tags")
class SectionApi {

    private final Sections sections;
    private final Tags tags;

    SectionApi(Sections sections, Tags tags) {
        this.sections = sections;
        this.tags = tags;
    }

    /** What a script sends; a missing or empty slug is made from the name. */
    record SectionInput(String name, String slug, String description) {
    }

    record SectionJson(long id, String name, String slug, String url, @Schema(nullable = true) String description, int position, long articles) {
    }

    record SectionOrder(List<Long> sectionIds) {
    }

    record TagInput(String name, String slug) {
    }

    record MergeInput(Long into) {
    }

    record TagJson(long id, String name, String slug, String url, long articles) {
    }

    @Operation(operationId = "listSections", summary = "List sections in navigation order, with article counts", description = "Anyone who writes may read them (to file articles).")
    @GetMapping("/api/v1/sections")
    List<SectionJson> list() {
        return sections.list().stream().map(SectionApi::json).toList();
    }

    @Operation(operationId = "createSection", summary = "Create a section", description = "Editors and admins. It is added at the end of the navigation.")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PostMapping("/api/v1/sections")
    ResponseEntity<SectionJson> create(@RequestBody SectionInput input) {
        Section created = sections.create(input.name(), input.slug(), input.description());
        return ResponseEntity.created(URI.create("/api/v1/sections/" + created.id())).body(json(created.id()));
    }

    @Operation(operationId = "updateSection", summary = "Rename, re-address or describe a section",
            description = "Editors and admins. A changed slug keeps the old address, which answers 301 to the new one.")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PutMapping("/api/v1/sections/{id}")
    SectionJson update(@PathVariable long id, @RequestBody SectionInput input) {
        sections.update(id, input.name(), input.slug(), input.description());
        return json(id);
    }

    @Operation(operationId = "reorderSections", summary = "Reorder the sections", description = "Editors and admins. sectionIds names every section once, in navigation order.")
    @ApiResponse(responseCode = "200", description = "The sections in their new order")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PutMapping("/api/v1/sections/order")
    List<SectionJson> reorder(@RequestBody SectionOrder order) {
        sections.reorder(order.sectionIds());
        return list();
    }

    @Operation(operationId = "deleteSection", summary = "Delete a section", description = "Editors and admins. A section with articles needs moveTo, the section they move to "
            + "(its old address then answers 301 there). The last section cannot be deleted.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @DeleteMapping("/api/v1/sections/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @Parameter(description = "id of the section its articles move to")
                                @RequestParam(required = false) Long moveTo) {
        sections.delete(id, moveTo);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "listTags", summary = "List tags by name, with article counts", description = "Editors and admins.")
    @GetMapping("/api/v1/tags")
    List<TagJson> tags() {
        return tags.list().stream().map(t -> tagJson(t.tag(), t.articles())).toList();
    }

    @Operation(operationId = "renameTag", summary = "Rename a tag", description = "Editors and admins. A changed slug keeps the old address, which answers 301 to the new one; "
            + "the slug of another tag is refused (merge instead).")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PutMapping("/api/v1/tags/{id}")
    TagJson rename(@PathVariable long id, @RequestBody TagInput input) {
        press.dispatch.articles.Tag renamed = tags.rename(id, input.name(), input.slug());
        return tagJson(renamed.id());
    }

    @Operation(operationId = "mergeTag", summary = "Merge a tag into another", description = "Editors and admins. Its articles carry the other tag instead, and its "
            + "address answers 301 to the other tag's.")
    @ApiResponse(responseCode = "200", description = "The tag merged into")
    @ApiResponse(responseCode = "422", description = "Some fields are not acceptable; nothing was saved (invalid)")
    @PostMapping("/api/v1/tags/{id}/merge")
    TagJson merge(@PathVariable long id, @RequestBody MergeInput input) {
        if (input.into() == null) {
            throw new InvalidStructureException("into", "Send into, the id of the tag to merge into.");
        }
        return tagJson(tags.merge(id, input.into()).id());
    }

    @Operation(operationId = "deleteTag", summary = "Delete a tag", description = "Editors and admins. Its articles keep their other tags.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/api/v1/tags/{id}")
    ResponseEntity<Void> deleteTag(@PathVariable long id) {
        tags.delete(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidStructureException.class)
    ResponseEntity<ApiError> invalid(InvalidStructureException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "Some fields are not acceptable; nothing was saved.",
                e.problems()));
    }

    private SectionJson json(long id) {
        return sections.list().stream().filter(l -> l.section().id() == id).findFirst().map(SectionApi::json).orElseThrow();
    }

    private static SectionJson json(Sections.Listed l) {
        Section s = l.section();
        return new SectionJson(s.id(), s.name(), s.slug(), s.href(), s.description(), s.position(), l.articles());
    }

    private TagJson tagJson(long id) {
        return tags.list().stream().filter(l -> l.tag().id() == id).findFirst().map(l -> tagJson(l.tag(), l.articles())).orElseThrow();
    }

    private static TagJson tagJson(press.dispatch.articles.Tag t, long articles) {
        return new TagJson(t.id(), t.name(), t.slug(), t.href(), articles);
    }
}
