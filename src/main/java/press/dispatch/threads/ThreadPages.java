package press.dispatch.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.articles.Story;
import press.dispatch.feeds.FeedFormat;
import press.dispatch.feeds.Feeds;
import press.dispatch.metadata.PageDescriptions;
import press.dispatch.platform.CsrfExemption;
import press.dispatch.platform.PageCache;
import press.dispatch.platform.RateLimiter;
import press.dispatch.site.SiteShell;
import press.dispatch.subscriptions.Subscriber;
import press.dispatch.subscriptions.Subscriptions;

/** A thread's timeline and feeds, and following it by email (double opt-in, one-click unfollow). */
@Controller
class ThreadPages {

    static final int FOLLOWS_PER_HOUR = 10;
    /** Confirmation emails one address may be sent a day, however many networks ask. */
    static final int CONFIRMATIONS_PER_ADDRESS = 3;

    private final Threads threads;
    private final SiteShell shell;
    private final Feeds feeds;
    private final PageDescriptions descriptions;
    private final RateLimiter perIp;
    private final RateLimiter perAddress;

    private final Subscriptions subscriptions;

    ThreadPages(Threads threads, SiteShell shell, Feeds feeds, PageDescriptions descriptions, press.dispatch.platform.RateLimiters limiters,
                Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.threads = threads;
        this.shell = shell;
        this.feeds = feeds;
        this.descriptions = descriptions;
        // Counted in the database on PostgreSQL, so a flood spread over several nodes stops at the same count.
        this.perIp = limiters.perWindow("follows-ip", FOLLOWS_PER_HOUR, Duration.ofHours(1));
        this.perAddress = limiters.perWindow("follows-address", CONFIRMATIONS_PER_ADDRESS, Duration.ofDays(1));
    }

    @Bean
    static CsrfExemption threadForms() {
        return new CsrfExemption(List.of("/stories/*/follow", "/stories/follow/confirm", "/stories/unfollow", "/stories/manage/follow",
                        "/stories/manage/unfollow"),
                "the follow form sits on cached article pages; the others carry an unguessable token from an email");
    }

    @GetMapping("/stories/{slug}")
    ModelAndView timeline(@PathVariable String slug, HttpServletRequest request) {
        StoryThread thread = threads.findBySlug(slug).orElseThrow(ThreadPages::notFound);
        PageCache.tag(request, "front");
        return new ModelAndView("threads/timeline", "page", new ThreadScreens.TimelinePage(shell.shell(), thread, threads.parts(thread),
                descriptions.listing(thread.title(), thread.summary(), thread.href(), 1)));
    }

    @GetMapping(value = "/stories/{slug}/feed", produces = "application/rss+xml;charset=UTF-8")
    ResponseEntity<String> rss(@PathVariable String slug, HttpServletRequest request) {
        return feed(slug, FeedFormat.RSS, request);
    }

    @GetMapping(value = "/stories/{slug}/feed/atom", produces = "application/atom+xml;charset=UTF-8")
    ResponseEntity<String> atom(@PathVariable String slug, HttpServletRequest request) {
        return feed(slug, FeedFormat.ATOM, request);
    }

    @PostMapping("/stories/{slug}/follow")
    ModelAndView follow(@PathVariable String slug, @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String website,
                        HttpServletRequest request, HttpServletResponse response) {
        StoryThread thread = threads.findBySlug(slug).orElseThrow(ThreadPages::notFound);
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!address.matches("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,60}")) {
            ModelAndView bad = message("That is not an email address", "Go back and type the address the emails should go to.", null, null, null);
            bad.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return bad;
        }
        if (!website.isEmpty()) {
            return checkInbox(thread);
        }
        if (!perIp.tryAcquire(request.getRemoteAddr())) {
            ModelAndView slow = message("Too many requests", "Too many follow requests came from your network. Please try again in an hour.", null, null, null);
            slow.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            response.setHeader("Retry-After", "3600"); // the limit counts requests an hour
            return slow;
        }
        if (perAddress.tryAcquire(address)) {
            threads.follow(thread, address);
        }
        // Past the address's daily confirmations nothing more is sent to it, with the same answer, so nobody can
        // flood an inbox through several networks, and nobody learns anything from the answer.
        return checkInbox(thread);
    }

    /** Shows a button; only the POST confirms, because mail scanners open links in emails. */
    @GetMapping("/stories/follow/confirm")
    ModelAndView confirmForm(@RequestParam(required = false) String token, HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        return threads.follower(token).map(f -> message("Follow " + threads.get(f.threadId()).title(),
                        "Press the button to get each new article in this story by email.", "/stories/follow/confirm", token, "Confirm"))
                .orElseGet(this::badLink);
    }

    @PostMapping("/stories/follow/confirm")
    ModelAndView confirm(@RequestParam(required = false) String token, HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        return threads.confirm(token).map(t -> message("You follow " + t.title(),
                        "Each new article in it will be emailed to you. Every email has a link to stop.", null, null, null))
                .orElseGet(this::badLink);
    }

    @GetMapping("/stories/unfollow")
    ModelAndView unfollowForm(@RequestParam(required = false) String token, HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        return threads.follower(token).map(f -> message("Stop following " + threads.get(f.threadId()).title(),
                        "Press the button and no more of its articles will be emailed to you.", "/stories/unfollow", token, "Stop following"))
                .orElseGet(this::badLink);
    }

    @PostMapping("/stories/unfollow")
    ModelAndView unfollow(@RequestParam(required = false) String token, HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        return threads.unfollow(token).map(t -> message("You no longer follow " + t.title(), "No more of its articles will be emailed to you.",
                        null, null, null))
                .orElseGet(this::badLink);
    }

    /** From a confirmed subscriber's manage page: their signed link token proves the address, so no confirmation email. */
    @PostMapping("/stories/manage/follow")
    ModelAndView followAsSubscriber(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String thread,
                                    HttpServletResponse response) {
        Subscriber subscriber = subscriber(token, thread);
        threads.followAsSubscriber(Long.parseLong(thread), subscriber.email());
        return backToManage(token, response);
    }

    @PostMapping("/stories/manage/unfollow")
    ModelAndView unfollowAsSubscriber(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String thread,
                                      HttpServletResponse response) {
        Subscriber subscriber = subscriber(token, thread);
        threads.unfollowAsSubscriber(Long.parseLong(thread), subscriber.email());
        return backToManage(token, response);
    }

    private Subscriber subscriber(String token, String thread) {
        Subscriber subscriber = subscriptions.findByLink(token).filter(Subscriber::confirmed).orElseThrow(ThreadPages::notFound);
        if (!thread.matches("[0-9]{1,18}")) {
            throw notFound();
        }
        return subscriber;
    }

    private static ModelAndView backToManage(String token, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        return new ModelAndView("redirect:/subscriptions/manage?token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                + "&saved=1#threads");
    }

    private ModelAndView checkInbox(StoryThread thread) {
        return message("Check your inbox", "If that address can receive our emails, a message is on its way to it. Open the link inside to "
                + "follow \"" + thread.title() + "\".", null, null, null);
    }

    private ModelAndView message(String heading, String text, String action, String token, String button) {
        return new ModelAndView("threads/message", "page", new ThreadScreens.MessagePage(shell.shell(), heading, text, action, token, button));
    }

    /** A link that names no follower: said plainly (404), as the subscription links do. */
    private ModelAndView badLink() {
        ModelAndView page = message("This link does not work", "The link is broken or no longer valid. Please use the link from our most recent email.",
                null, null, null);
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    private ResponseEntity<String> feed(String slug, FeedFormat format, HttpServletRequest request) {
        StoryThread thread = threads.findBySlug(slug).orElseThrow(ThreadPages::notFound);
        PageCache.tag(request, "front");
        List<Story> parts = new ArrayList<>(threads.parts(thread));
        java.util.Collections.reverse(parts);
        Feeds.Written feed = feeds.storiesListed(format, parts, thread.title(), thread.summary(), thread.href(),
                thread.href() + (format == FeedFormat.ATOM ? "/feed/atom" : "/feed"), thread.createdAt());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()));
        if (feed.modified() != null) {
            ok.lastModified(feed.modified());
        }
        return ok.body(feed.xml());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
