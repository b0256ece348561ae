package press.dispatch.comments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShell;
import press.dispatch.admin.AdminShells;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;

/** The moderation queue inside the admin: pending, approved, spam and trash, with bulk actions, edits and staff replies. */
@Controller
class CommentDesk {

    static final List<String> STATUSES = List.of("pending", "approved", "spam", "trash");
    static final int PER_PAGE = 50;

    private final Moderation moderation;
    private final Stories stories;
    private final AdminShells shells;
    CommentDesk(Moderation moderation, Stories stories, AdminShells shells) {
        this.moderation = moderation;
        this.stories = stories;
        this.shells = shells;
    }

    @GetMapping("/admin/comments")
    ModelAndView queue(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "pending") String status,
                       @RequestParam(defaultValue = "1") int page, HttpServletRequest request) {
        String wanted = STATUSES.contains(status) ? status : "pending";
        int number = Math.max(1, Math.min(page, 10_000));
        List<Comment> found = moderation.queue(wanted, (number - 1) * PER_PAGE, PER_PAGE + 1);
        boolean more = found.size() > PER_PAGE;
        List<Comment> shown = more ? found.subList(0, PER_PAGE) : found;
        Map<Long, String> headlines = new HashMap<>();
        Map<Long, String> links = new HashMap<>();
        shown.stream().map(Comment::articleId).distinct().forEach(id -> stories.findById(id).ifPresent(s -> {
            headlines.put(id, s.article().headline());
            links.put(id, s.href());
        }));
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, moderation.count(s)));
        return new ModelAndView("comments/queue", "page", new QueuePage(shells.shell(request, staff, "/admin/comments"), wanted, counts, shown,
                headlines, links, number, more));
    }

    /** The status a moderation action moves to: approve, unapprove, spam, trash; null for anything else. */
    static String statusFor(String action) {
        return switch (action) {
            case "approve" -> "approved";
            case "unapprove" -> "pending";
            case "spam" -> "spam";
            case "trash" -> "trash";
            default -> null;
        };
    }

    /** Approve, unapprove, spam or trash every ticked comment. */
    @PostMapping("/admin/comments/bulk")
    ModelAndView bulk(@RequestParam(defaultValue = "") String action, @RequestParam(name = "ids", required = false) List<Long> ids,
                      @RequestParam(defaultValue = "pending") String status, HttpServletRequest request) {
        String target = statusFor(action);
        if (target == null || ids == null || ids.isEmpty()) {
            AdminShells.flash(request, "Tick at least one comment and choose an action.");
        } else {
            ids.stream().limit(500).forEach(id -> moderation.moveTo(id, target));
            AdminShells.flash(request, Math.min(ids.size(), 500) + " comment(s) moved to " + target + ".");
        }
        return new ModelAndView("redirect:/admin/comments?status=" + (STATUSES.contains(status) ? status : "pending"));
    }

    @PostMapping("/admin/comments/{id}/edit")
    ModelAndView edit(@PathVariable long id, @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "pending") String status,
                      HttpServletRequest request) {
        try {
            if (!moderation.edit(id, body)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            AdminShells.flash(request, "Comment edited.");
        } catch (InvalidCommentException e) {
            AdminShells.flash(request, "Not edited: " + String.join(" ", e.problems().values()));
        }
        return new ModelAndView("redirect:/admin/comments?status=" + (STATUSES.contains(status) ? status : "pending"));
    }

    @PostMapping("/admin/comments/{id}/reply")
    ModelAndView reply(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String body,
                       @RequestParam(defaultValue = "pending") String status, HttpServletRequest request) {
        Comment comment = moderation.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<Story> story = story(comment);
        if (story.isEmpty()) {
            AdminShells.flash(request, "The article is not public, so nobody could read a reply.");
        } else if (body.isBlank() || body.length() > CommentForm.MAX_COMMENT) {
            AdminShells.flash(request, "A reply needs 1 to " + CommentForm.MAX_COMMENT + " characters.");
        } else {
            moderation.replyAsStaff(story.get(), id, staff.displayName(), staff.email(), body);
            AdminShells.flash(request, "Reply published.");
        }
        return new ModelAndView("redirect:/admin/comments?status=" + (STATUSES.contains(status) ? status : "pending"));
    }

    private Optional<Story> story(Comment c) {
        return stories.findById(c.articleId());
    }
}
