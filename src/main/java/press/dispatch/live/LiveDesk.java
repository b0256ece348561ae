package press.dispatch.live;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;
import press.dispatch.articles.Article;
import press.dispatch.articles.ArticleStatus;
import press.dispatch.articles.Publishing;
import press.dispatch.media.MediaLibrary;

/** The live desk in the admin: make an article live, post, edit, pin and delete its entries, end the coverage. */
@Controller
class LiveDesk {

    private final LiveCoverage coverage;
    private final Timeline timeline;
    private final Publishing publishing;
    private final MediaLibrary media;
    private final AdminShells shells;

    LiveDesk(LiveCoverage coverage, Timeline timeline, Publishing publishing, MediaLibrary media, AdminShells shells) {
        this.coverage = coverage;
        this.timeline = timeline;
        this.publishing = publishing;
        this.media = media;
        this.shells = shells;
    }

    @GetMapping("/admin/live/{id}")
    ModelAndView desk(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        coverage.checkMayPost(staff, id);
        return page(staff, request, id, Map.of(), null, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/live/{id}/start")
    String start(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        coverage.start(staff, id);
        AdminShells.flash(request, "This article is a live page now: post updates below.");
        return "redirect:/admin/live/" + id;
    }

    @PostMapping("/admin/live/{id}/end")
    String end(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        coverage.end(staff, id);
        AdminShells.flash(request, "Live coverage ended: the page keeps its timeline as a normal article.");
        return "redirect:/admin/articles/" + id;
    }

    @PostMapping("/admin/live/{id}/entries")
    ModelAndView post(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam Map<String, String> fields,
                      HttpServletRequest request) {
        try {
            Entry posted = coverage.post(staff, id, input(fields));
            AdminShells.flash(request, "Posted at " + timeline.moment(posted.postedAt()).display() + ".");
            return new ModelAndView("redirect:/admin/live/" + id);
        } catch (InvalidEntryException e) {
            return page(staff, request, id, fields, null, e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/admin/live/{id}/entries/{entryId}")
    ModelAndView edit(@AuthenticationPrincipal Staff staff, @PathVariable long id, @PathVariable long entryId, @RequestParam Map<String, String> fields,
                      HttpServletRequest request) {
        try {
            coverage.edit(staff, id, entryId, input(fields));
            AdminShells.flash(request, "Entry saved; readers see it marked as edited.");
            return new ModelAndView("redirect:/admin/live/" + id + "#entry-" + entryId);
        } catch (InvalidEntryException e) {
            return page(staff, request, id, fields, entryId, e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/admin/live/{id}/entries/{entryId}/pin")
    String pin(@AuthenticationPrincipal Staff staff, @PathVariable long id, @PathVariable long entryId,
               @RequestParam(defaultValue = "true") boolean pinned, HttpServletRequest request) {
        coverage.pin(staff, id, entryId, pinned);
        AdminShells.flash(request, pinned ? "Pinned as a key event." : "No longer a key event.");
        return "redirect:/admin/live/" + id;
    }

    @PostMapping("/admin/live/{id}/entries/{entryId}/delete")
    String delete(@AuthenticationPrincipal Staff staff, @PathVariable long id, @PathVariable long entryId, HttpServletRequest request) {
        coverage.delete(staff, id, entryId);
        AdminShells.flash(request, "Entry deleted; it has gone from readers' pages.");
        return "redirect:/admin/live/" + id;
    }

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    static EntryInput input(Map<String, String> fields) {
        String media = fields.getOrDefault("mediaId", "").strip();
        Long mediaId = media.matches("[0-9]{1,18}") ? Long.valueOf(media) : null;
        return new EntryInput(fields.get("text"), mediaId, fields.get("quote"), fields.get("quoteSource"), fields.get("embedUrl"),
                "true".equals(fields.get("pinned")) || "on".equals(fields.get("pinned")));
    }

    private ModelAndView page(Staff staff, HttpServletRequest request, long id, Map<String, String> fields, Long editing, Map<String, String> problems,
                              HttpStatus status) {
        Article article = publishing.get(id);
        Optional<Coverage> found = coverage.find(id);
        List<LiveDeskPage.DeskEntry> entries = coverage.entries(id).stream()
                .map(e -> new LiveDeskPage.DeskEntry(timeline.views(List.of(e)).get(0), e)).toList();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.remove("_csrf");
        LiveDeskPage page = new LiveDeskPage(shells.shell(request, staff, "/admin/articles"), id, article.headline(),
                article.status() == ArticleStatus.PUBLISHED ? "/articles/" + article.slug() : null,
                found.map(c -> timeline.moment(c.startedAt())).orElse(null), found.map(Coverage::endedAt).map(timeline::moment).orElse(null),
                coverage.mayManage(staff, id), entries, media.recent(0, 24), form, editing, problems);
        ModelAndView view = new ModelAndView("live/desk", "page", page);
        view.setStatus(status);
        return view;
    }
}
