package press.dispatch.release;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Role;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;
import press.dispatch.articles.Article;
import press.dispatch.articles.InvalidArticleException;
import press.dispatch.site.SiteSettings;

/** The newsroom's release screens: an article's embargo, sensitive flag and trail; the release queue. */
@Controller
class ReleaseDesk {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Releases releases;
    private final AdminShells shells;
    private final SiteSettings settings;

    ReleaseDesk(Releases releases, AdminShells shells, SiteSettings settings) {
        this.releases = releases;
        this.shells = shells;
        this.settings = settings;
    }

    @GetMapping("/admin/articles/{id}/release")
    ModelAndView article(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        editor(staff);
        Article article = releases.article(id);
        Hold hold = releases.hold(id);
        String local = hold.embargoUntil() == null ? "" : LOCAL.format(hold.embargoUntil().atZone(settings.current().zone()));
        ReleaseRequest waiting = releases.trail(id).stream().filter(ReleaseRequest::waiting).findFirst().orElse(null);
        return new ModelAndView("release/article", "page", new ReleaseScreens.ArticlePage(shells.shell(request, staff, "/admin/releases"), id,
                article.headline(), article.status().name().toLowerCase(java.util.Locale.ROOT), hold, local, settings.current().zone().toString(), waiting, releases.trail(id),
                staff.role() == Role.OWNER, staff.id(), releases.embargoHistory(id)));
    }

    @PostMapping("/admin/articles/{id}/hold")
    ModelAndView hold(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String embargoUntil,
                      @RequestParam(defaultValue = "false") boolean sensitive, @RequestParam(defaultValue = "") String reason,
                      HttpServletRequest request) {
        Releases.Outcome[] outcome = {Releases.Outcome.SAVED};
        ModelAndView done = act(request, id, "Saved.", () -> outcome[0] = releases.hold(staff, id, time(embargoUntil), sensitive, reason));
        if (outcome[0] == Releases.Outcome.WAITING) {
            AdminShells.flash(request, "Saved, but the embargo stands: moving it earlier or lifting it on a sensitive article waits for a second "
                    + "editor in the release queue.");
        }
        return done;
    }

    @PostMapping("/admin/embargo-changes/{number}/approve")
    ModelAndView approveChange(@AuthenticationPrincipal Staff staff, @PathVariable long number, HttpServletRequest request) {
        editor(staff);
        EmbargoChange found = releases.findChange(number);
        act(request, found.articleId(), "Approved: the embargo change is made.", () -> releases.approveEmbargoChange(staff, number));
        return new ModelAndView("redirect:/admin/releases");
    }

    @PostMapping("/admin/embargo-changes/{number}/return")
    ModelAndView returnChange(@AuthenticationPrincipal Staff staff, @PathVariable long number, @RequestParam(defaultValue = "") String note,
                              HttpServletRequest request) {
        editor(staff);
        EmbargoChange found = releases.findChange(number);
        act(request, found.articleId(), "Sent back with your note; the embargo stays.", () -> releases.returnEmbargoChange(staff, number, note));
        return new ModelAndView("redirect:/admin/releases");
    }

    @PostMapping("/admin/articles/{id}/release/request")
    ModelAndView ask(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String publishAt,
                     HttpServletRequest request) {
        return act(request, id, "Your request waits in the release queue for a second editor.", () -> releases.request(staff, id, time(publishAt)));
    }

    @PostMapping("/admin/articles/{id}/release/owner")
    ModelAndView alone(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String publishAt,
                       @RequestParam(defaultValue = "") String reason, HttpServletRequest request) {
        editor(staff);
        return act(request, id, "Released by the owner alone; the reason is kept in the trail.",
                () -> releases.releaseAlone(staff, id, time(publishAt), reason));
    }

    @GetMapping("/admin/releases")
    ModelAndView queue(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        editor(staff);
        var lines = releases.queue().stream().map(r -> new ReleaseScreens.QueueLine(r, releases.article(r.articleId()).headline())).toList();
        var changes = releases.waitingEmbargoChanges().stream()
                .map(c -> new ReleaseScreens.EmbargoLine(c, releases.article(c.articleId()).headline())).toList();
        return new ModelAndView("release/queue", "page", new ReleaseScreens.QueuePage(shells.shell(request, staff, "/admin/releases"), lines, staff.id(),
                changes));
    }

    @PostMapping("/admin/releases/{number}/approve")
    ModelAndView approve(@AuthenticationPrincipal Staff staff, @PathVariable long number, HttpServletRequest request) {
        editor(staff);
        ReleaseRequest found = releases.find(number);
        act(request, found.articleId(), found.publishAt() == null ? "Approved and published." : "Approved and scheduled.",
                () -> releases.approve(staff, number));
        return new ModelAndView("redirect:/admin/releases");
    }

    @PostMapping("/admin/releases/{number}/return")
    ModelAndView sendBack(@AuthenticationPrincipal Staff staff, @PathVariable long number, @RequestParam(defaultValue = "") String note,
                          HttpServletRequest request) {
        editor(staff);
        ReleaseRequest found = releases.find(number);
        act(request, found.articleId(), "Sent back with your note.", () -> releases.sendBack(staff, number, note));
        return new ModelAndView("redirect:/admin/releases");
    }

    private ModelAndView act(HttpServletRequest request, long articleId, String done, Runnable action) {
        try {
            action.run();
            AdminShells.flash(request, done);
        } catch (InvalidReleaseException e) {
            AdminShells.flash(request, "Nothing changed: " + e.getMessage());
        } catch (InvalidArticleException e) {
            AdminShells.flash(request, "Nothing changed: " + String.join(" ", e.problems().values()));
        }
        return new ModelAndView("redirect:/admin/articles/" + articleId + "/release");
    }

    private Instant time(String local) {
        if (local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip(), LOCAL).atZone(settings.current().zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidReleaseException("Type a date and time such as 2026-12-01T09:30.");
        }
    }

    private static void editor(Staff staff) {
        if (!staff.can(Permission.PUBLISH_ANY)) {
            throw new org.springframework.security.access.AccessDeniedException("Only editors hold and release articles.");
        }
    }

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
