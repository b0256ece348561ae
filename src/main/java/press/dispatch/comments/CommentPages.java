package press.dispatch.comments;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

import press.dispatch.articles.ArticlePage;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.platform.CsrfExemption;
import press.dispatch.platform.Signatures;
import press.dispatch.site.SiteShell;

/** "Leave a Reply": takes a comment and sends the reader back to the article. Works without JavaScript. */
@Controller
class CommentPages {

    static final String REMEMBER_COOKIE = "dispatch_commenter";
    static final String HELD = "comment-held";
    static final String HELD_NOTICE = "Thank you. Your comment was received and will appear once a moderator approves it.";

    private final Stories stories;
    private final Moderation moderation;
    private final DiscussionSection discussion;
    private final CommentRepository comments;
    private final Signatures signatures;
    private final SiteShell shell;
    private final java.time.Clock clock;

    CommentPages(java.time.Clock clock, Stories stories, Moderation moderation, DiscussionSection discussion, CommentRepository comments, Signatures signatures,
                 SiteShell shell) {
        this.stories = stories;
        this.moderation = moderation;
        this.discussion = discussion;
        this.comments = comments;
        this.signatures = signatures;
        this.shell = shell;
        this.clock = clock;
    }

    @Bean
    static CsrfExemption commentForm() {
        return new CsrfExemption(List.of("/articles/*/comments", "/comments/stop-replies"),
                "the comment form sits on cached public pages; it carries a signed form token instead");
    }

    @PostMapping("/articles/{slug}/comments")
    ModelAndView post(@PathVariable String slug, @RequestParam Map<String, String> fields, HttpServletRequest request, HttpServletResponse response) {
        Story story = stories.bareBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Long parent = fields.getOrDefault("parent", "").matches("[0-9]{1,18}") ? Long.valueOf(fields.get("parent")) : null;
        CommentForm form = new CommentForm(fields.get("comment"), fields.get("author"), fields.get("email"), fields.get("url"),
                fields.containsKey("remember"), fields.containsKey("notify"), parent, fields.get("token"), fields.get("nickname"));
        response.setHeader("Cache-Control", "no-store");
        try {
            Moderation.Outcome outcome = moderation.submit(story, form, request.getRemoteAddr());
            remember(form, request, response);
            String location = switch (outcome.status()) {
                case "approved" -> story.href() + "#comment-" + outcome.commentId();
                case "pending" -> story.href() + "/comments/held?token="
                        + signatures.sign(HELD, Long.toString(outcome.commentId()), clock.instant().plus(Duration.ofDays(1)));
                // Spam gets the same answer as a held comment, so a bot learns nothing from it.
                default -> story.href() + "/comments/held?token=" + signatures.sign(HELD, "0", clock.instant().plus(Duration.ofDays(1)));
            };
            // Set here rather than as a "redirect:" view name: the view resolver would build (and cache) a new view
            // object for every comment, as each location is different.
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", location);
            return null;
        } catch (InvalidCommentException e) {
            return page(full(slug), form, e.problems(), "Your comment was not posted: please correct the marked fields.", null, null, HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (CommentRefusedException e) {
            if (e.retryAfterSeconds() > 0) {
                response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            return page(full(slug), form, Map.of(), e.getMessage(), null, null, HttpStatus.valueOf(e.status()));
        }
    }

    /** The whole story, for showing the article page again. */
    private Story full(String slug) {
        return stories.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The page a held comment's author is sent back to: the article, with their comment marked as awaiting moderation. */
    @GetMapping("/articles/{slug}/comments/held")
    ModelAndView held(@PathVariable String slug, @RequestParam(required = false) String token, HttpServletResponse response) {
        Story story = stories.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        response.setHeader("Cache-Control", "no-store");
        Comment held = signatures.verify(HELD, token == null ? "" : token).map(Long::valueOf).flatMap(comments::find)
                .filter(c -> c.articleId() == story.article().id() && c.status().equals("pending")).orElse(null);
        return page(story, CommentForm.empty(null), Map.of(), null, HELD_NOTICE, held, HttpStatus.OK);
    }

    @GetMapping("/comments/stop-replies")
    ModelAndView stopRepliesForm(@RequestParam(required = false) String token, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!moderation.isStopRepliesToken(token)) {
            return brokenStopLink();
        }
        return new ModelAndView("comments/stop", Map.of("shell", shell.shell(), "token", token, "done", false));
    }

    @PostMapping("/comments/stop-replies")
    ModelAndView stopReplies(@RequestParam(required = false) String token, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!moderation.stopReplies(token)) {
            return brokenStopLink();
        }
        return new ModelAndView("comments/stop", Map.of("shell", shell.shell(), "token", "", "done", true));
    }

    /** A link no email of ours holds: said plainly, before any button (404). */
    private ModelAndView brokenStopLink() {
        ModelAndView page = new ModelAndView("comments/stop", Map.of("shell", shell.shell(), "token", "", "done", false, "broken", true));
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    private ModelAndView page(Story story, CommentForm form, Map<String, String> errors, String message, String notice, Comment held,
                              HttpStatus status) {
        var section = discussion.view(story, form, errors, message, notice, held);
        ArticlePage page = stories.pageWithComments(shell.shell(), story, section);
        ModelAndView view = new ModelAndView("articles/article", "page", page);
        view.setStatus(status);
        return view;
    }

    /** Only when ticked: the browser keeps name, email and website; a small script fills the form from it. Unticked, a kept one is removed. */
    private static void remember(CommentForm form, HttpServletRequest request, HttpServletResponse response) {
        if (!form.remember() && WebUtils.getCookie(request, REMEMBER_COOKIE) == null) {
            return;
        }
        Cookie cookie;
        if (form.remember()) {
            String value = URLEncoder.encode(form.name().strip(), StandardCharsets.UTF_8) + "|" + URLEncoder.encode(form.email().strip(), StandardCharsets.UTF_8)
                    + "|" + URLEncoder.encode(form.website().strip(), StandardCharsets.UTF_8);
            cookie = new Cookie(REMEMBER_COOKIE, value);
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        } else {
            cookie = new Cookie(REMEMBER_COOKIE, "");
            cookie.setMaxAge(0);
        }
        cookie.setPath("/");
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
