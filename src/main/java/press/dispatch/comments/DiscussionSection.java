package press.dispatch.comments;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gg.jte.TemplateEngine;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import press.dispatch.articles.Discussion;
import press.dispatch.articles.Story;
import press.dispatch.site.Setting;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;
import press.dispatch.site.SiteShell;

/** Renders the comments section of an article page. */
@Component
class DiscussionSection implements Discussion {

    private final CommentRepository comments;
    private final Moderation moderation;
    private final SiteSettings settings;
    private final SiteShell shell;
    private final TemplateEngine templates;

    DiscussionSection(CommentRepository comments, Moderation moderation, SiteSettings settings, SiteShell shell, TemplateEngine templates) {
        this.comments = comments;
        this.moderation = moderation;
        this.settings = settings;
        this.shell = shell;
        this.templates = templates;
    }

    /**
     * @throws ResponseStatusException 404 when {@code replyTo} is not an approved comment of the story: a reply page
     *                                 exists only for a comment readers can see (else every made-up number would be a
     *                                 page of its own, rendered and cached)
     */
    @Override
    public Section section(Story story, Long replyTo) {
        return view(story, CommentForm.empty(replyTo), Map.of(), null, null, null, replyTo != null);
    }

    @Override
    public Map<Long, Long> counts(Collection<Long> articleIds) {
        return comments.countApproved(articleIds);
    }

    /** The section with a refilled form and its errors, a problem message or a notice, or the visitor's held comment. */
    Section view(Story story, CommentForm form, Map<String, String> errors, String message, String notice, Comment held) {
        return view(story, form, errors, message, notice, held, false);
    }

    private Section view(Story story, CommentForm form, Map<String, String> errors, String message, String notice, Comment held, boolean answering) {
        Settings site = settings.current();
        List<Comment> approved = comments.listApproved(story.article().id());
        int depthLimit = Integer.parseInt(site.get(Setting.COMMENTS_THREAD_DEPTH));
        boolean open = moderation.open(story);
        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        Map<Long, Comment> byId = new HashMap<>();
        for (Comment c : approved) {
            byId.put(c.id(), c);
        }
        for (Comment c : approved) {
            if (c.parentId() == null || !byId.containsKey(c.parentId())) {
                roots.add(c);
            } else {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Thread> threads = roots.stream().map(c -> thread(c, children, story, site, depthLimit, open)).toList();
        Long replyTo = form.parentId() != null && byId.containsKey(form.parentId()) ? form.parentId() : null;
        if (answering && replyTo == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        DiscussionView view = new DiscussionView(shell.shell(), story.href(), approved.size(), threads, open, story.href() + "/comments",
                moderation.formToken(story.article().id()), replyTo == null ? withParent(form, null) : form, errors, message, notice,
                held == null ? null : thread(held, Map.of(), story, site, depthLimit, false), replyTo,
                replyTo == null ? null : byId.get(replyTo).authorName());
        return new Section(approved.size(), output -> templates.render("comments/section.jte", view, output));
    }

    private static CommentForm withParent(CommentForm f, Long parent) {
        return new CommentForm(f.comment(), f.name(), f.email(), f.website(), f.remember(), f.notifyReplies(), parent, f.token(), f.honeypot());
    }

    private Thread thread(Comment c, Map<Long, List<Comment>> children, Story story, Settings site, int depthLimit, boolean open) {
        var at = c.createdAt().atZone(site.zone());
        String display = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(site.locale()).format(at) + " "
                + DateTimeFormatter.ofPattern("HH:mm", site.locale()).format(at);
        List<Thread> replies = children.getOrDefault(c.id(), List.of()).stream().map(r -> thread(r, children, story, site, depthLimit, open)).toList();
        return new Thread(c.id(), c.authorName(), c.authorUrl(), initials(c.authorName()), CommentText.html(c.body()),
                at.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), display, c.byStaff(), c.depth(), open,
                story.href() + "/reply/" + c.id() + "#respond", replies);
    }

    /** Avatars are initials: no Gravatar, so no hash of the email address is ever published. */
    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!part.isEmpty() && out.length() < 2) {
                out.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return out.isEmpty() ? "?" : out.toString().toUpperCase(Locale.ROOT);
    }
}
