package press.dispatch.feeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import press.dispatch.articles.Author;
import press.dispatch.articles.Section;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.articles.StoryFilter;
import press.dispatch.articles.Tag;
import press.dispatch.platform.PageCache;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Every feed address. Each feed is tagged like the HTML page it mirrors ({@code front}, {@code section:3},
 * {@code article:42}…), so the page cache purges both together.
 */
@Controller
class FeedPages {

    private final Feeds feeds;
    private final Stories stories;
    private final SiteSettings settings;

    FeedPages(Feeds feeds, Stories stories, SiteSettings settings) {
        this.feeds = feeds;
        this.stories = stories;
        this.settings = settings;
    }

    @GetMapping({"/feed", "/rss", "/rss.xml", "/feed/rss"})
    void siteRss(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageCache.tag(request, "front");
        send(response, FeedFormat.RSS, feeds.storiesOf(FeedFormat.RSS, "/feed"));
    }

    @GetMapping({"/atom.xml", "/feed/atom"})
    void siteAtom(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageCache.tag(request, "front");
        send(response, FeedFormat.ATOM, feeds.storiesOf(FeedFormat.ATOM, "/feed/atom"));
    }

    @GetMapping("/sections/{slug}/feed")
    void sectionRss(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        section(slug, FeedFormat.RSS, request, response);
    }

    @GetMapping("/sections/{slug}/feed/atom")
    void sectionAtom(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        section(slug, FeedFormat.ATOM, request, response);
    }

    @GetMapping("/tags/{slug}/feed")
    void tagRss(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        tag(slug, FeedFormat.RSS, request, response);
    }

    @GetMapping("/tags/{slug}/feed/atom")
    void tagAtom(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        tag(slug, FeedFormat.ATOM, request, response);
    }

    @GetMapping("/authors/{slug}/feed")
    void authorRss(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        author(slug, FeedFormat.RSS, request, response);
    }

    @GetMapping("/authors/{slug}/feed/atom")
    void authorAtom(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        author(slug, FeedFormat.ATOM, request, response);
    }

    @GetMapping("/articles/{slug}/feed")
    void articleCommentsRss(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        articleComments(slug, FeedFormat.RSS, request, response);
    }

    @GetMapping("/articles/{slug}/feed/atom")
    void articleCommentsAtom(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        articleComments(slug, FeedFormat.ATOM, request, response);
    }

    /** Comments on every story; the home page's tag, which every comment change purges. */
    @GetMapping("/comments/feed")
    void commentsRss(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageCache.tag(request, "front");
        send(response, FeedFormat.RSS, feeds.comments(FeedFormat.RSS, null, "/comments/feed"));
    }

    @GetMapping("/comments/feed/atom")
    void commentsAtom(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageCache.tag(request, "front");
        send(response, FeedFormat.ATOM, feeds.comments(FeedFormat.ATOM, null, "/comments/feed/atom"));
    }

    /**
     * The full-text feed for syndication partners, whatever the feed-content setting says. A wrong or revoked secret
     * is a plain 404, indistinguishable from an address that never existed. A new secret changes the settings, which
     * empties the page cache, so a revoked address stops answering at once.
     */
    @GetMapping("/feeds/partner/{secret}")
    void partnerRss(@PathVariable String secret, HttpServletRequest request, HttpServletResponse response) throws IOException {
        partner(secret, FeedFormat.RSS, request, response);
    }

    @GetMapping("/feeds/partner/{secret}/atom")
    void partnerAtom(@PathVariable String secret, HttpServletRequest request, HttpServletResponse response) throws IOException {
        partner(secret, FeedFormat.ATOM, request, response);
    }

    private void partner(String secret, FeedFormat format, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String current = settings.current().get(Setting.FEED_PARTNER_SECRET);
        if (current.isEmpty() || !MessageDigest.isEqual(current.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw notFound();
        }
        PageCache.tag(request, "front");
        String path = "/feeds/partner/" + secret + (format == FeedFormat.ATOM ? "/atom" : "");
        send(response, format, feeds.stories(format, StoryFilter.everything(), "", "", "/", path, true, Feeds.PARTNER_STORIES));
    }

    private void section(String slug, FeedFormat format, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Section section = stories.section(slug).orElseThrow(FeedPages::notFound);
        PageCache.tag(request, "section:" + section.id());
        send(response, format, feeds.stories(format, StoryFilter.section(section.id()), section.name(), section.description(), section.href(),
                feedPath(section.href(), format), fullText(), Feeds.STORIES));
    }

    private void tag(String slug, FeedFormat format, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tag tag = stories.tag(slug).orElseThrow(FeedPages::notFound);
        if (stories.newest(StoryFilter.tag(tag.id()), 1).isEmpty()) {
            throw notFound(); // a tag only drafts use: like its page, no sign that it exists
        }
        PageCache.tag(request, "tag:" + tag.id());
        send(response, format, feeds.stories(format, StoryFilter.tag(tag.id()), tag.name(), "", tag.href(), feedPath(tag.href(), format),
                fullText(), Feeds.STORIES));
    }

    private void author(String slug, FeedFormat format, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Author author = stories.author(slug).orElseThrow(FeedPages::notFound);
        PageCache.tag(request, "author:" + author.id());
        send(response, format, feeds.stories(format, StoryFilter.author(author.id()), author.displayName(), author.bio(), author.href(),
                feedPath(author.href(), format), fullText(), Feeds.STORIES));
    }

    private void articleComments(String slug, FeedFormat format, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Story story = stories.findBySlug(slug).orElseThrow(FeedPages::notFound);
        PageCache.tag(request, "article:" + story.article().id());
        send(response, format, feeds.comments(format, story, feedPath(story.href(), format)));
    }

    private boolean fullText() {
        return "full".equals(settings.current().get(Setting.FEED_CONTENT));
    }

    static String feedPath(String pagePath, FeedFormat format) {
        return pagePath + (format == FeedFormat.ATOM ? "/feed/atom" : "/feed");
    }

    private static void send(HttpServletResponse response, FeedFormat format, Feeds.Written feed) throws IOException {
        response.setContentType(format.contentType());
        if (feed.modified() != null) {
            // IMF-fixdate (RFC 9110), two-digit day: Tomcat formats date headers so
            response.setDateHeader("Last-Modified", feed.modified().toEpochMilli());
        }
        response.getOutputStream().write(feed.xml().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(NOT_FOUND);
    }
}
