package press.dispatch.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.articles.Markdown;
import press.dispatch.metadata.PageDescriptions;
import press.dispatch.platform.PageCache;
import press.dispatch.site.SiteShell;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Published pages at {@code /{slug}}. The pattern only takes one segment of slug characters, and Spring prefers
 * every literal route ({@code /admin}, {@code /subscribe}…) to it; slugs those routes use are refused when saved.
 * An unknown slug is the site's 404 page.
 */
@Controller
class PageViews {

    private final StaticPages pages;
    private final Markdown markdown;
    private final SiteShell shell;
    private final PageDescriptions descriptions;

    PageViews(StaticPages pages, Markdown markdown, SiteShell shell, PageDescriptions descriptions) {
        this.pages = pages;
        this.markdown = markdown;
        this.shell = shell;
        this.descriptions = descriptions;
    }

    /** A slug with a letter in it: all-digit paths are the date archives' ({@code /2026}). */
    @GetMapping("/{slug:(?:[a-z0-9]+-)*[a-z0-9]*[a-z][a-z0-9]*(?:-[a-z0-9]+)*}")
    ModelAndView page(@PathVariable String slug, HttpServletRequest request) {
        Page page = pages.findPublished(slug).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        PageCache.tag(request, "page:" + page.id());
        String html = markdown.render(page.liveBody());
        return new ModelAndView("pages/page", "page", new PageScreens.PublicPage(shell.shell(), page.liveTitle(), html,
                null, null, StaticPages.CORRECTIONS_POLICY_SLUGS.contains(page.slug()) ? "/corrections" : null,
                descriptions.staticPage(page.liveTitle(), "/" + page.slug(), html)));
    }

    /** What the page will look like with its working copy, at a URL only signed-in staff can open. */
    ModelAndView preview(Page page) {
        String html = markdown.render(page.bodyMarkdown());
        String version = page.published()
                ? (page.hasUnpublishedChanges() ? "These are saved changes readers do not see yet: publish to make them live."
                : "This is the live version readers see.")
                : "This is the draft; readers cannot see it.";
        return new ModelAndView("pages/page", "page", new PageScreens.PublicPage(shell.shell(), page.title(), html,
                version, "/admin/pages/" + page.id()));
    }
}
