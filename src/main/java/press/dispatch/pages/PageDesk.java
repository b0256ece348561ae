package press.dispatch.pages;

import java.io.IOException;
import java.util.Map;
import java.util.NoSuchElementException;

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

/** The newsroom's page screens (editors and above): the list, the editor with its preview, revisions. */
@Controller
class PageDesk {

    static final String NAV = "/admin/pages";

    private final StaticPages pages;
    private final PageViews views;
    private final AdminShells shells;

    PageDesk(StaticPages pages, PageViews views, AdminShells shells) {
        this.pages = pages;
        this.views = views;
        this.shells = shells;
    }

    @GetMapping("/admin/pages")
    ModelAndView list(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return new ModelAndView("pages/desk", "page", new PageScreens.ListPage(shells.shell(request, staff, NAV), pages.listAll()));
    }

    @GetMapping("/admin/pages/new")
    ModelAndView blank(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return editor(staff, request, null, new PageForm("", "", "", 0), Map.of(), null, HttpStatus.OK);
    }

    @PostMapping("/admin/pages")
    ModelAndView create(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String title,
                        @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String body,
                        @RequestParam(defaultValue = "save") String action, HttpServletRequest request) {
        PageForm form = new PageForm(title, slug, body, 0);
        try {
            long id = pages.create(staff, form.draft());
            if (action.equals("publish")) {
                pages.publish(id);
                AdminShells.flash(request, "Published: readers see it at " + pages.open(id).href() + ".");
            } else {
                AdminShells.flash(request, "Saved as a draft: readers cannot see it until you publish it.");
            }
            return new ModelAndView("redirect:/admin/pages/" + id);
        } catch (InvalidPageException e) {
            return editor(staff, request, null, form, e.problems(), null, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/admin/pages/{id}")
    ModelAndView edit(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        Page page = pages.open(id);
        return editor(staff, request, page, PageForm.of(page), Map.of(), null, HttpStatus.OK);
    }

    @PostMapping("/admin/pages/{id}")
    ModelAndView change(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String title,
                        @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String body,
                        @RequestParam(defaultValue = "-1") int version, @RequestParam(defaultValue = "save") String action,
                        HttpServletRequest request) {
        Page page = pages.open(id);
        switch (action) {
            case "unpublish" -> {
                pages.unpublish(id);
                AdminShells.flash(request, "Unpublished: readers no longer see it.");
                return new ModelAndView("redirect:/admin/pages/" + id);
            }
            case "delete" -> {
                pages.delete(id);
                AdminShells.flash(request, "Deleted the page “" + page.title() + "”.");
                return new ModelAndView("redirect:/admin/pages");
            }
            default -> {
                PageForm form = new PageForm(title, slug, body, version);
                try {
                    pages.save(staff, id, form.draft(), version);
                    if (action.equals("publish")) {
                        pages.publish(id);
                        AdminShells.flash(request, "Published: readers see it at " + pages.open(id).href() + ".");
                    } else {
                        AdminShells.flash(request, page.published() ? "Saved. Readers still see the published version until you publish again."
                                : "Saved as a draft: readers cannot see it until you publish it.");
                    }
                    return new ModelAndView("redirect:/admin/pages/" + id);
                } catch (InvalidPageException e) {
                    return editor(staff, request, page, form, e.problems(), null, HttpStatus.UNPROCESSABLE_ENTITY);
                } catch (PageConflictException e) {
                    return editor(staff, request, page, form, Map.of(), "Someone saved this page after you opened it, so nothing was saved. "
                            + "Your text is below; open the page again in another tab to see theirs.", HttpStatus.CONFLICT);
                }
            }
        }
    }

    @GetMapping("/admin/pages/{id}/preview")
    ModelAndView preview(@PathVariable long id) {
        return views.preview(pages.open(id));
    }

    @GetMapping("/admin/pages/{id}/revisions")
    ModelAndView revisions(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        Page page = pages.open(id);
        return new ModelAndView("pages/revisions", "page",
                new PageScreens.RevisionsPage(shells.shell(request, staff, NAV), id, page.title(), pages.revisions(id), page.version()));
    }

    @PostMapping("/admin/pages/{id}/revisions/{number}/restore")
    ModelAndView restore(@AuthenticationPrincipal Staff staff, @PathVariable long id, @PathVariable int number,
                         @RequestParam(defaultValue = "-1") int version, HttpServletRequest request) {
        try {
            pages.restore(staff, id, number, version);
            AdminShells.flash(request, "Revision " + number + " is back in the editor, saved as a new revision. Publish to make it live.");
        } catch (PageConflictException e) {
            AdminShells.flash(request, "Nothing was restored: someone saved the page meanwhile. Look again and retry.");
        } catch (InvalidPageException e) {
            AdminShells.flash(request, "Nothing was restored: " + String.join(" ", e.problems().values()));
        }
        return new ModelAndView("redirect:/admin/pages/" + id);
    }

    /** A page or revision that does not exist: the site's 404 page. */
    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private ModelAndView editor(Staff staff, HttpServletRequest request, Page page, PageForm form, Map<String, String> problems, String conflict,
                                HttpStatus status) {
        ModelAndView view = new ModelAndView("pages/editor", "page", new PageScreens.EditorPage(shells.shell(request, staff, NAV),
                page == null ? null : page.id(), page, form, problems, conflict));
        view.setStatus(status);
        return view;
    }
}
