package press.dispatch.newsletter;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;

/** Newsletter issues inside the admin: how each send went, and which addresses failed or may have had it twice. */
@Controller
class IssueDesk {

    static final int RECENT = 30;

    private final Newsletters newsletters;
    private final AdminShells shells;

    IssueDesk(Newsletters newsletters, AdminShells shells) {
        this.newsletters = newsletters;
        this.shells = shells;
    }

    @GetMapping("/admin/newsletters")
    ModelAndView list(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        List<IssueReport> issues = newsletters.recentIssueIds(RECENT).stream().map(newsletters::report).flatMap(java.util.Optional::stream).toList();
        return new ModelAndView("newsletter/issues", "page", new IssuesPage(shells.shell(request, staff, "/admin/newsletters"), issues, null,
                newsletters.countUnaddressed()));
    }

    @GetMapping("/admin/newsletters/{id}")
    ModelAndView issue(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        IssueReport report = newsletters.report(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new ModelAndView("newsletter/issues", "page", new IssuesPage(shells.shell(request, staff, "/admin/newsletters"), List.of(), report, 0));
    }
}
