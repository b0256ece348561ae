package press.dispatch.articles;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.metadata.PageDescriptions;
import press.dispatch.platform.PageCache;
import press.dispatch.site.SiteShell;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The public pages of stories. Each is tagged with what it shows, so the page cache can purge it precisely. */
@Controller
class ArticlePages {

    static final int PER_PAGE = 10;
    static final int FRONT_LATEST = 8;
    static final int FRONT_PER_SECTION = 4;

    private final Stories stories;
    private final SiteShell shell;
    private final EditorRepository desk;
    private final SectionRepository sections;
    private final TagRepository tags;
    private final PageDescriptions descriptions;

    ArticlePages(Stories stories, SiteShell shell, EditorRepository desk, SectionRepository sections, TagRepository tags,
                 PageDescriptions descriptions) {
        this.descriptions = descriptions;
        this.stories = stories;
        this.shell = shell;
        this.desk = desk;
        this.sections = sections;
        this.tags = tags;
    }

    @GetMapping("/")
    ModelAndView front(@RequestParam(required = false) String page, HttpServletRequest request) {
        int number = pageNumber(page);
        PageCache.tag(request, "front");
        if (number > 1) {
            StoryList list = stories.page(ArticleRepository.Filter.ALL, number, PER_PAGE).orElseThrow(ArticlePages::notFound);
            return view("articles/listing", new ListingPage(shell.shell(), "latest", "Latest stories", "", "/", list, null,
                    descriptions.listing("Latest stories", "", "/", number)));
        }
        List<StoryCard> top = stories.latest(null, 0, 1 + FRONT_LATEST);
        StoryCard lead = top.isEmpty() ? null : top.get(0);
        List<StoryCard> latest = top.size() > 1 ? top.subList(1, top.size()) : List.of();
        List<FrontPage.SectionBlock> blocks = stories.sections().stream()
                .map(s -> new FrontPage.SectionBlock(s, stories.latest(s.id(), 0, FRONT_PER_SECTION)))
                .filter(b -> !b.stories().isEmpty())
                .toList();
        boolean hasOlder = stories.latest(null, 1 + FRONT_LATEST, 1).size() == 1;
        return view("articles/front", new FrontPage(shell.shell(), lead, latest, blocks, hasOlder, descriptions.home()));
    }

    @GetMapping("/articles/{slug}")
    ModelAndView article(@PathVariable String slug, HttpServletRequest request) {
        Optional<Story> found = stories.findBySlug(slug);
        if (found.isEmpty()) {
            // A slug an editor changed keeps answering, with a permanent redirect to the new one.
            String moved = stories.movedTo(slug, desk).orElseThrow(ArticlePages::notFound);
            var redirect = new org.springframework.web.servlet.view.RedirectView("/articles/" + moved);
            redirect.setStatusCode(org.springframework.http.HttpStatus.MOVED_PERMANENTLY);
            return new ModelAndView(redirect);
        }
        Story story = found.get();
        PageCache.tag(request, "article:" + story.article().id());
        return view("articles/article", stories.page(shell.shell(), story, null));
    }

    /** The article with the comment form set to answer one comment (a plain link, so it works without JavaScript). */
    @GetMapping("/articles/{slug}/reply/{commentId:[0-9]{1,18}}")
    ModelAndView reply(@PathVariable String slug, @PathVariable long commentId, HttpServletRequest request) {
        Story story = stories.findBySlug(slug).orElseThrow(ArticlePages::notFound);
        PageCache.tag(request, "article:" + story.article().id());
        return view("articles/article", stories.page(shell.shell(), story, commentId));
    }

    @GetMapping("/sections/{slug}")
    ModelAndView section(@PathVariable String slug, @RequestParam(required = false) String page, HttpServletRequest request) {
        int number = pageNumber(page);
        Optional<Section> found = stories.section(slug);
        if (found.isEmpty()) {
            // A renamed (or deleted and merged) section's old address leads to where its articles are now.
            return movedPermanently(sections.findByOldSlug(slug).orElseThrow(ArticlePages::notFound).href(), page);
        }
        Section section = found.get();
        PageCache.tag(request, "section:" + section.id());
        return listing(request, "section", section.name(), section.description(), section.href(),
                stories.page(ArticleRepository.Filter.section(section.id()), number, PER_PAGE));
    }

    @GetMapping("/tags/{slug}")
    ModelAndView tag(@PathVariable String slug, @RequestParam(required = false) String page, HttpServletRequest request) {
        int number = pageNumber(page);
        Optional<Tag> found = stories.tag(slug);
        if (found.isEmpty()) {
            return movedPermanently(tags.findByOldSlug(slug).orElseThrow(ArticlePages::notFound).href(), page);
        }
        Tag tag = found.get();
        PageCache.tag(request, "tag:" + tag.id());
        // A tag only drafts use is not a page: its name would confirm what unpublished work is about.
        return listing(request, "tag", tag.name(), "", tag.href(), stories.page(ArticleRepository.Filter.tag(tag.id()), number, PER_PAGE)
                .filter(list -> !list.stories().isEmpty()));
    }

    @GetMapping("/authors/{slug}")
    ModelAndView author(@PathVariable String slug, @RequestParam(required = false) String page, HttpServletRequest request) {
        int number = pageNumber(page);
        Author author = stories.author(slug).orElseThrow(ArticlePages::notFound);
        PageCache.tag(request, "author:" + author.id());
        StoryList list = stories.page(ArticleRepository.Filter.author(author.id()), number, PER_PAGE).orElseThrow(ArticlePages::notFound);
        return view("articles/listing", new ListingPage(shell.shell(), "author", author.displayName(), author.bio(), author.href(), list,
                stories.portrait(author), descriptions.listing(author.displayName(), author.bio(), author.href(), number)));
    }

    /** Every year and month with stories, with links to their archives. */
    @GetMapping("/archive")
    ModelAndView archive(HttpServletRequest request) {
        PageCache.tag(request, "front");
        return view("articles/archive", new ArchivePage(shell.shell(), stories.archive(),
                descriptions.listing("Archive", "Every story by year and month.", "/archive", 1)));
    }

    /** A year's stories, newest first; a year without stories is not a page. */
    @GetMapping({"/{year:[0-9]{4}}/", "/{year:[0-9]{4}}"})
    ModelAndView year(@PathVariable int year, @RequestParam(required = false) String page, HttpServletRequest request) {
        return dateArchive(year, 0, page, request);
    }

    @GetMapping({"/{year:[0-9]{4}}/{month:0[1-9]|1[0-2]}/", "/{year:[0-9]{4}}/{month:0[1-9]|1[0-2]}"})
    ModelAndView month(@PathVariable int year, @PathVariable int month, @RequestParam(required = false) String page, HttpServletRequest request) {
        return dateArchive(year, month, page, request);
    }

    private ModelAndView dateArchive(int year, int month, String page, HttpServletRequest request) {
        int number = pageNumber(page);
        if (year < 1) {
            throw notFound();
        }
        PageCache.tag(request, "front");
        StoryList list = stories.page(stories.period(year, month), number, PER_PAGE).orElseThrow(ArticlePages::notFound);
        if (list.stories().isEmpty()) {
            throw notFound();
        }
        String heading = stories.periodName(year, month);
        String path = ArchivePage.href(year, month);
        return view("articles/listing", new ListingPage(shell.shell(), "archive", heading, "", path, list, null,
                descriptions.listing(heading, "Stories published in " + heading + ".", path, number)));
    }

    private ModelAndView listing(HttpServletRequest request, String kind, String heading, String description, String path,
                                 Optional<StoryList> list) {
        StoryList shown = list.orElseThrow(ArticlePages::notFound);
        return view("articles/listing", new ListingPage(shell.shell(), kind, heading, description, path, shown, null,
                descriptions.listing(heading, description, path, shown.page())));
    }

    private static ModelAndView movedPermanently(String path, String page) {
        var redirect = new org.springframework.web.servlet.view.RedirectView(page == null ? path : path + "?page=" + pageNumber(page));
        redirect.setStatusCode(org.springframework.http.HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    /** Absent means page 1; anything but a whole number from 1 to 10,000 is not a page. */
    static int pageNumber(String page) {
        if (page == null) {
            return 1;
        }
        if (!page.matches("[1-9][0-9]{0,3}")) {
            throw notFound();
        }
        return Integer.parseInt(page);
    }

    private static ModelAndView view(String name, Object page) {
        return new ModelAndView(name, "page", page);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(NOT_FOUND);
    }
}
