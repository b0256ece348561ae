package press.dispatch.articles;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShell;
import press.dispatch.admin.AdminShells;
import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;

/** A staff member's own byline: the name, bio and portrait readers see on their author page. */
@Controller
class BylineDesk {

    private final Editing editing;
    private final MediaLibrary media;
    private final AdminShells shells;

    BylineDesk(Editing editing, MediaLibrary media, AdminShells shells) {
        this.editing = editing;
        this.media = media;
        this.shells = shells;
    }

    @GetMapping("/admin/byline")
    ModelAndView form(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        Author byline = editing.byline(staff).orElse(null);
        return page(staff, request, byline == null ? staff.displayName() : byline.displayName(), byline == null ? "" : byline.bio(),
                byline == null || byline.photoMediaId() == null ? "" : byline.photoMediaId().toString(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/byline")
    ModelAndView save(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String displayName,
                      @RequestParam(defaultValue = "") String bio, @RequestParam(defaultValue = "") String photoMediaId, HttpServletRequest request) {
        try {
            editing.updateByline(staff, displayName, bio, photoMediaId.matches("[0-9]{1,18}") ? Long.valueOf(photoMediaId) : null);
            AdminShells.flash(request, "Byline saved.");
            return new ModelAndView("redirect:/admin/byline");
        } catch (InvalidArticleException e) {
            return page(staff, request, displayName, bio, photoMediaId, e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private ModelAndView page(Staff staff, HttpServletRequest request, String name, String bio, String photo, Map<String, String> problems,
                              HttpStatus status) {
        String href = editing.byline(staff).map(Author::href).orElse(null);
        ModelAndView view = new ModelAndView("articles/byline", "page", new BylinePage(shells.shell(request, staff, "/admin/account"), name, bio,
                photo, href, media.recent(0, 48), problems));
        view.setStatus(status);
        return view;
    }
}
