package press.dispatch.corrections;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShell;
import press.dispatch.admin.AdminShells;
import press.dispatch.articles.Article;
import press.dispatch.articles.Publishing;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.metadata.HeadMetadata;
import press.dispatch.metadata.PageDescriptions;
import press.dispatch.newsletter.Newsletters;
import press.dispatch.pages.StaticPages;
import press.dispatch.platform.PageCache;
import press.dispatch.site.Shell;
import press.dispatch.site.SiteSettings;
import press.dispatch.site.SiteShell;

/** The site's public corrections page, and the newsroom's screen of one article's corrections. */
@Controller
class CorrectionPages {

    static final int PUBLIC_LIMIT = 200;

    private final Corrections corrections;
    private final Stories stories;
    private final Publishing publishing;
    private final Newsletters newsletters;
    private final StaticPages pages;
    private final SiteShell shell;
    private final AdminShells shells;
    private final SiteSettings settings;
    private final PageDescriptions descriptions;
    private final PageCache cache;

    CorrectionPages(Corrections corrections, Stories stories, Publishing publishing, Newsletters newsletters, StaticPages pages, SiteShell shell,
                    AdminShells shells, SiteSettings settings, PageDescriptions descriptions, PageCache cache) {
        this.corrections = corrections;
        this.stories = stories;
        this.publishing = publishing;
        this.newsletters = newsletters;
        this.pages = pages;
        this.shell = shell;
        this.shells = shells;
        this.settings = settings;
        this.descriptions = descriptions;
        this.cache = cache;
    }

    @GetMapping("/corrections")
    ModelAndView list(HttpServletRequest request) {
        PageCache.tag(request, "corrections", "front");
        ZoneId zone = settings.current().zone();
        Map<Long, Optional<Story>> seen = new HashMap<>();
        List<CorrectionList.Shown> shown = new ArrayList<>();
        for (Correction c : corrections.listNewest(PUBLIC_LIMIT)) {
            Optional<Story> story = seen.computeIfAbsent(c.articleId(), stories::findById);
            story.ifPresent(s -> shown.add(CorrectionNotes.shown(c, zone, s.article().headline(), s.href())));
        }
        return new ModelAndView("corrections/public", "page", new CorrectionScreens.PublicPage(shell.shell(), new CorrectionList(shown, false),
                pages.correctionsPolicyHref().orElse(null),
                descriptions.listing("Corrections", "Every correction, clarification and update we have published.", "/corrections", 1)));
    }

    @GetMapping("/admin/articles/{id}/corrections")
    ModelAndView desk(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        return desk(staff, id, request, Map.of(), "correction", "", HttpStatus.OK);
    }

    @PostMapping("/admin/articles/{id}/corrections")
    ModelAndView add(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String kind,
                     @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "false") boolean emailReaders,
                     HttpServletRequest request) {
        try {
            corrections.add(staff, id, kind, text, emailReaders);
        } catch (InvalidCorrectionException e) {
            return desk(staff, id, request, e.problems(), kind, text, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        AdminShells.flash(request, emailReaders ? "Added, and emailed to the readers who received the article." : "Added.");
        return new ModelAndView("redirect:/admin/articles/" + id + "/corrections");
    }

    @PostMapping("/admin/articles/{id}/corrections/{number}")
    ModelAndView amend(@AuthenticationPrincipal Staff staff, @PathVariable long id, @PathVariable long number,
                       @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String text, HttpServletRequest request) {
        try {
            corrections.amend(staff, id, number, kind, text);
        } catch (InvalidCorrectionException e) {
            return desk(staff, id, request, e.problems(), kind, text, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        AdminShells.flash(request, "Amended. The earlier wording is kept in its history.");
        return new ModelAndView("redirect:/admin/articles/" + id + "/corrections");
    }

    private ModelAndView desk(Staff staff, long id, HttpServletRequest request, Map<String, String> problems, String kind, String text,
                              HttpStatus status) {
        if (!staff.can(Permission.PUBLISH_ANY)) {
            throw new org.springframework.security.access.AccessDeniedException("Only editors add and amend corrections.");
        }
        Article article = publishing.get(id);
        List<CorrectionScreens.Record> records = corrections.listFor(id).stream().map(c -> new CorrectionScreens.Record(c, corrections.amendments(c.id()))).toList();
        String url = stories.findById(id).map(Story::href).orElse(null);
        ModelAndView view = new ModelAndView("corrections/desk", "page", new CorrectionScreens.DeskPage(shells.shell(request, staff, "/admin/articles"), id,
                article.headline(), url, records, newsletters.recipientsOf(id).size(), problems, kind, text));
        view.setStatus(status);
        return view;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(100)
    void correctionsChanged(Corrections.CorrectionsChanged changed) {
        cache.purge(List.of("corrections"));
    }

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
