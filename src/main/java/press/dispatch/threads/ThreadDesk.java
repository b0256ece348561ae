package press.dispatch.threads;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;
import press.dispatch.articles.Publishing;

/** The newsroom's story threads: list with follower counts, create, edit, add and remove articles. */
@Controller
class ThreadDesk {

    private final Threads threads;
    private final Publishing publishing;
    private final AdminShells shells;

    ThreadDesk(Threads threads, Publishing publishing, AdminShells shells) {
        this.threads = threads;
        this.publishing = publishing;
        this.shells = shells;
    }

    @GetMapping("/admin/threads")
    ModelAndView list(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return list(staff, request, Map.of(), "", "", "", HttpStatus.OK);
    }

    @PostMapping("/admin/threads")
    ModelAndView create(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String slug,
                        @RequestParam(defaultValue = "") String summary, HttpServletRequest request) {
        try {
            long id = threads.create(staff, title, slug, summary);
            AdminShells.flash(request, "Thread created. Add its articles below.");
            return new ModelAndView("redirect:/admin/threads/" + id);
        } catch (InvalidThreadException e) {
            return list(staff, request, e.problems(), title, slug, summary, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping("/admin/threads/{id}")
    ModelAndView edit(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        return edit(staff, id, request, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/threads/{id}")
    ModelAndView save(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String title,
                      @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String summary, HttpServletRequest request) {
        try {
            threads.update(staff, id, title, slug, summary);
            AdminShells.flash(request, "Saved.");
            return new ModelAndView("redirect:/admin/threads/" + id);
        } catch (InvalidThreadException e) {
            return edit(staff, id, request, e.problems(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping("/admin/threads/{id}/articles")
    ModelAndView add(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String articleId,
                     HttpServletRequest request) {
        editor(staff);
        if (!articleId.strip().matches("[0-9]{1,18}")) {
            AdminShells.flash(request, "Nothing added: type the article's number.");
        } else {
            try {
                threads.add(staff, id, Long.parseLong(articleId.strip()));
                AdminShells.flash(request, "Added.");
            } catch (NoSuchElementException e) {
                threads.get(id);
                AdminShells.flash(request, "Nothing added: there is no article " + articleId.strip() + ".");
            }
        }
        return new ModelAndView("redirect:/admin/threads/" + id);
    }

    @PostMapping("/admin/threads/{id}/articles/remove")
    ModelAndView remove(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "0") long articleId,
                        HttpServletRequest request) {
        threads.remove(staff, id, articleId);
        AdminShells.flash(request, "Removed from the thread (the article itself is unchanged).");
        return new ModelAndView("redirect:/admin/threads/" + id);
    }

    /** Up and down buttons beside each article: plain forms, so reordering works without JavaScript. */
    @PostMapping("/admin/threads/{id}/articles/move")
    ModelAndView move(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "0") long articleId,
                      @RequestParam(defaultValue = "") String direction, HttpServletRequest request) {
        editor(staff);
        if (!direction.equals("up") && !direction.equals("down")) {
            AdminShells.flash(request, "Nothing moved: choose up or down.");
        } else {
            threads.move(staff, id, articleId, direction.equals("up") ? -1 : 1);
            AdminShells.flash(request, "Moved " + direction + ". Readers see the thread in this order.");
        }
        return new ModelAndView("redirect:/admin/threads/" + id + "#article-" + articleId);
    }

    private ModelAndView list(Staff staff, HttpServletRequest request, Map<String, String> problems, String title, String slug, String summary,
                              HttpStatus status) {
        editor(staff);
        var lines = threads.listAll().stream().map(t -> new ThreadScreens.Line(t, threads.articleIds(t.id()).size(), threads.countFollowers(t.id())))
                .toList();
        ModelAndView view = new ModelAndView("threads/desk", "page",
                new ThreadScreens.ListPage(shells.shell(request, staff, "/admin/threads"), lines, problems, title, slug, summary));
        view.setStatus(status);
        return view;
    }

    private ModelAndView edit(Staff staff, long id, HttpServletRequest request, Map<String, String> problems, HttpStatus status) {
        editor(staff);
        StoryThread thread = threads.get(id);
        Map<Long, String> articles = new LinkedHashMap<>();
        threads.articleIds(id).forEach(a -> articles.put(a, publishing.get(a).headline()));
        ModelAndView view = new ModelAndView("threads/edit", "page", new ThreadScreens.EditPage(shells.shell(request, staff, "/admin/threads"), thread,
                articles, threads.countFollowers(id), problems));
        view.setStatus(status);
        return view;
    }

    private static void editor(Staff staff) {
        if (!staff.can(Permission.PUBLISH_ANY)) {
            throw new AccessDeniedException("Only editors make story threads.");
        }
    }

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
