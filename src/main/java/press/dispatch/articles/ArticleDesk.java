package press.dispatch.articles;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;
import press.dispatch.media.Credit;
import press.dispatch.media.MediaDetails;
import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;
import press.dispatch.media.RejectedUploadException;
import press.dispatch.site.SiteSettings;
import press.dispatch.site.SiteShell;

/** The newsroom's article screens: list, editor, preview, revisions, review queue. */
@Controller
class ArticleDesk {

    static final int PER_PAGE = 30;
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Editing editing;
    private final Publishing publishing;
    private final Newsdesk newsdesk;
    private final TagRepository tags;
    private final Stories stories;
    private final Markdown markdown;
    private final MediaLibrary media;
    private final AdminShells shells;
    private final SiteShell siteShell;
    private final SiteSettings settings;
    private final org.springframework.beans.factory.ObjectProvider<ArticleAddition> additions;
    private final PhotoCredits photoCredits;

    ArticleDesk(Editing editing, Publishing publishing, Newsdesk newsdesk, TagRepository tags, Stories stories, Markdown markdown, MediaLibrary media,
                AdminShells shells, SiteShell siteShell, SiteSettings settings, org.springframework.beans.factory.ObjectProvider<ArticleAddition> additions,
                PhotoCredits photoCredits) {
        this.additions = additions;
        this.photoCredits = photoCredits;
        this.editing = editing;
        this.publishing = publishing;
        this.newsdesk = newsdesk;
        this.tags = tags;
        this.stories = stories;
        this.markdown = markdown;
        this.media = media;
        this.shells = shells;
        this.siteShell = siteShell;
        this.settings = settings;
    }

    @GetMapping("/admin/articles")
    ModelAndView list(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String status,
                      @RequestParam(defaultValue = "") String section, @RequestParam(defaultValue = "") String author,
                      @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, HttpServletRequest request) {
        String wanted = Editing.LIST_STATUSES.contains(status) ? status : null;
        return listing(staff, request, "/admin/articles", "Articles", wanted, section, author, q, page, false);
    }

    @GetMapping("/admin/review")
    ModelAndView review(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "1") int page, HttpServletRequest request) {
        return listing(staff, request, "/admin/review", "Waiting for review", "review", "", "", "", page, true);
    }

    @GetMapping("/admin/articles/new")
    ModelAndView create(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return editor(staff, request, null, ArticleForm.blank(), Map.of(), null, HttpStatus.OK);
    }

    @PostMapping("/admin/articles")
    ModelAndView create(@AuthenticationPrincipal Staff staff, @ModelAttribute ArticleForm form,
                        @RequestParam(required = false) MultipartFile photo, @RequestParam(defaultValue = "") String confirmPhotos,
                        HttpServletRequest request) {
        return saveAndApply(staff, null, form, photo, !confirmPhotos.isEmpty(), request);
    }

    @GetMapping("/admin/articles/{id}")
    ModelAndView edit(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        Editing.Editable e = editing.open(staff, id);
        ArticleForm form = e.pending() != null ? ArticleForm.of(e.pending().draft(), e.version())
                : ArticleForm.of(e.article(), tagNames(e.article()), e.version());
        form = form.withOverrides(publishing.overrides(id));
        return editor(staff, request, e, form, Map.of(), null, HttpStatus.OK);
    }

    @PostMapping("/admin/articles/{id}/pending/publish")
    ModelAndView publishPending(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam int version, HttpServletRequest request) {
        boolean waiting = editing.open(staff, id).pending() != null;
        try {
            editing.publishPending(staff, id, version);
            AdminShells.flash(request, waiting ? "Published the changes kept for later: readers see them now." : "No changes were waiting.");
        } catch (ArticleConflictException e) {
            AdminShells.flash(request, "Someone saved the article meanwhile; nothing was published. Look at it again.");
        } catch (InvalidArticleException e) {
            AdminShells.flash(request, "Not published: " + String.join(" ", e.problems().values()));
        }
        return new ModelAndView("redirect:/admin/articles/" + id);
    }

    @PostMapping("/admin/articles/{id}/pending/discard")
    ModelAndView discardPending(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam int version, HttpServletRequest request) {
        try {
            editing.discardPending(staff, id, version);
            AdminShells.flash(request, "Discarded the changes kept for later. The live version is unchanged; the revision stays in the history.");
        } catch (ArticleConflictException e) {
            AdminShells.flash(request, "Someone saved the article meanwhile; nothing was discarded. Look at it again.");
        }
        return new ModelAndView("redirect:/admin/articles/" + id);
    }

    @PostMapping("/admin/articles/{id}")
    ModelAndView save(@AuthenticationPrincipal Staff staff, @PathVariable long id, @ModelAttribute ArticleForm form,
                      @RequestParam(required = false) MultipartFile photo, @RequestParam(defaultValue = "") String confirmPhotos,
                      HttpServletRequest request) {
        switch (form.action()) {
            case "trash" -> {
                editing.trash(staff, id);
                AdminShells.flash(request, "Moved to the trash. It is off the site; restore it from the trash list.");
                return new ModelAndView("redirect:/admin/articles/" + id);
            }
            case "restore" -> {
                editing.restore(staff, id);
                AdminShells.flash(request, "Restored from the trash as a draft.");
                return new ModelAndView("redirect:/admin/articles/" + id);
            }
            default -> {
                return saveAndApply(staff, id, form, photo, !confirmPhotos.isEmpty(), request);
            }
        }
    }

    /** The article exactly as readers would see it, at a URL only signed-in staff can open. */
    @GetMapping("/admin/articles/{id}/preview")
    ModelAndView preview(@AuthenticationPrincipal Staff staff, @PathVariable long id) {
        Editing.Editable e = editing.open(staff, id);
        Article shown = e.pending() == null ? e.article() : withText(e.article(), e.pending().draft());
        String version = e.pending() != null
                ? "These are the changes kept for later (revision " + e.pending().number() + "); readers still see the live version."
                : e.article().status() == ArticleStatus.PUBLISHED ? "This is the live version readers see."
                : e.article().status() == ArticleStatus.SCHEDULED ? "This is the scheduled version; readers cannot see it yet."
                : "This is the draft; readers cannot see it.";
        Story story = stories.preview(shown);
        return new ModelAndView("articles/article", "page", stories.page(siteShell.shell(), story, null,
                new ArticlePage.Preview(version, "/admin/articles/" + id)));
    }

    /** The article as it will read with this text: tags not created yet are left out. */
    private Article withText(Article a, ArticleDraft d) {
        List<Long> tagIds = d.tags().stream().map(Slugs::from).map(tags::findBySlug).flatMap(java.util.Optional::stream).map(Tag::id).toList();
        return new Article(a.id(), d.slug().isEmpty() ? a.slug() : d.slug(), d.headline(), d.standfirst(), d.bodyMarkdown(),
                markdown.render(d.bodyMarkdown()), d.sectionId(), d.featuredMediaId(), d.featuredCaption(), d.featuredCredit(), d.featuredAlt(),
                a.status(), d.webOnly(), d.commentsOpen(), a.publishedAt(), a.createdAt(), a.updatedAt(),
                d.authorIds().isEmpty() ? a.authorIds() : d.authorIds(), tagIds);
    }

    /** The live preview: the body's Markdown as the public page renders it (escaped raw HTML, safe links). */
    @PostMapping(value = "/admin/articles/preview-body", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> previewBody(@RequestParam(defaultValue = "") String body) {
        if (body.length() > ArticleDraft.MAX_BODY) {
            return ResponseEntity.unprocessableEntity().body("<p>The body is too long to preview.</p>");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(markdown.render(body));
    }

    @GetMapping("/admin/articles/{id}/revisions")
    ModelAndView revisions(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        Editing.Editable e = editing.open(staff, id);
        return new ModelAndView("articles/revisions", "page", new DeskPages.RevisionsPage(shells.shell(request, staff, "/admin/articles"), id,
                e.article().headline(), editing.revisions(staff, id), e.version(), e.current() == null ? 0 : e.current().number(),
                e.pending() == null ? 0 : e.pending().number(), e.article().status() == ArticleStatus.PUBLISHED));
    }

    @GetMapping("/admin/articles/{id}/diff")
    ModelAndView diff(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam int from, @RequestParam int to,
                      HttpServletRequest request) {
        Editing.Editable e = editing.open(staff, id);
        return new ModelAndView("articles/diff", "page", new DeskPages.DiffPage(shells.shell(request, staff, "/admin/articles"), id,
                e.article().headline(), from, to, editing.diff(staff, id, from, to)));
    }

    @PostMapping("/admin/articles/{id}/revisions/{number}/restore")
    ModelAndView restoreRevision(@AuthenticationPrincipal Staff staff, @PathVariable long id, @PathVariable int number,
                                 @RequestParam int version, HttpServletRequest request) {
        try {
            List<String> leftOut = editing.restoreRevision(staff, id, number, version);
            AdminShells.flash(request, (editing.open(staff, id).pending() != null
                    ? "Revision " + number + " restored as changes kept for later: readers see the live version until you publish them."
                    : "Revision " + number + " restored (saved as a new revision).")
                    + (leftOut.isEmpty() ? "" : " Left out: " + String.join("; ", leftOut) + "."));
        } catch (ArticleConflictException e) {
            AdminShells.flash(request, "Someone saved the article meanwhile; nothing was restored. Look at the revisions again.");
        } catch (InvalidArticleException e) {
            AdminShells.flash(request, "Revision " + number + " was not restored: " + String.join(" ", e.problems().values()));
        }
        return new ModelAndView("redirect:/admin/articles/" + id);
    }

    @PostMapping("/admin/review/{id}/publish")
    ModelAndView approve(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        try {
            editing.publish(staff, id);
            AdminShells.flash(request, "Published.");
        } catch (InvalidArticleException e) {
            AdminShells.flash(request, "Not published: " + String.join(" ", e.problems().values()));
        }
        return new ModelAndView("redirect:/admin/review");
    }

    @PostMapping("/admin/review/{id}/return")
    ModelAndView sendBack(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String note,
                          HttpServletRequest request) {
        try {
            editing.sendBack(staff, id, note);
            AdminShells.flash(request, "Sent back to the writer with your note.");
        } catch (InvalidArticleException e) {
            AdminShells.flash(request, "Not sent back: " + String.join(" ", e.problems().values()));
        }
        return new ModelAndView("redirect:/admin/review");
    }

    /** An article or revision that does not exist: the site's 404 page. */
    @ExceptionHandler(NoSuchElementException.class)
    void notFound(jakarta.servlet.http.HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private ModelAndView saveAndApply(Staff staff, Long id, ArticleForm form, MultipartFile photo, boolean confirmPhotos,
                                      HttpServletRequest request) {
        try {
            ArticleForm withPhoto = upload(staff, form, photo);
            if ("publish".equals(form.action()) || "schedule".equals(form.action())) {
                Map<String, String> uncredited = photoCredits.problems(withPhoto.draft(), confirmPhotos);
                if (!uncredited.isEmpty()) {
                    throw new InvalidArticleException(uncredited);
                }
            }
            Instant at = "schedule".equals(form.action()) ? scheduleTime(form.publishAt()) : null;
            boolean wasLive = id != null && publishing.get(id).status() == ArticleStatus.PUBLISHED;
            Map<String, String> refused = publishing.problems(form.overrides());
            if (!refused.isEmpty()) {
                throw new InvalidArticleException(refused);
            }
            long saved = editing.saveAndApply(staff, id, withPhoto.draft(), form.version(), form.action(), at);
            publishing.override(saved, form.overrides());
            AdminShells.flash(request, switch (form.action()) {
                case "publish" -> wasLive ? "Updated: readers see this version now." : "Published.";
                case "schedule" -> "Scheduled for " + form.publishAt().replace('T', ' ') + " (" + settings.current().zone() + ").";
                case "submit" -> "Submitted for review. An editor will publish it or send it back with a note.";
                case "unpublish" -> "Unpublished: it is a draft again and off the site.";
                default -> wasLive ? "Kept for later: readers still see the live version until you publish these changes." : "Saved.";
            });
            return new ModelAndView("redirect:/admin/articles/" + saved);
        } catch (InvalidArticleException e) {
            return editor(staff, request, id == null ? null : editing.open(staff, id), form, e.problems(), null, HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (ArticleConflictException e) {
            return editor(staff, request, editing.open(staff, id), form.withVersion(e.currentVersion()), Map.of(), e.getMessage(),
                    HttpStatus.CONFLICT);
        }
    }

    /** A photo uploaded with the article becomes its featured photo. */
    private ArticleForm upload(Staff staff, ArticleForm form, MultipartFile photo) {
        if (photo == null || photo.isEmpty()) {
            return form;
        }
        if (!staff.can(Permission.UPLOAD)) {
            throw new InvalidArticleException(Map.of("photo", "Your role cannot upload photos; pick one from the library."));
        }
        try {
            MediaItem item = media.ingest(photo, photo.getOriginalFilename(), new MediaDetails(form.photoCaption(), form.photoAlt(),
                    new Credit(form.photoPhotographer(), form.photoAgency(), form.photoLicence())));
            return form.withPhoto(item.id());
        } catch (RejectedUploadException e) {
            throw new InvalidArticleException(Map.of("photo", e.getMessage()));
        } catch (IOException e) {
            throw new InvalidArticleException(Map.of("photo", "The upload did not arrive completely; try again."));
        }
    }

    private Instant scheduleTime(String local) {
        try {
            return LocalDateTime.parse(local, LOCAL).atZone(settings.current().zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArticleException(Map.of("publishAt", "Choose the date and time to publish, such as 2026-12-01T09:30."));
        }
    }

    private ModelAndView listing(Staff staff, HttpServletRequest request, String nav, String title, String status, String section, String author,
                                 String q, int page, boolean review) {
        int number = Math.max(1, Math.min(page, 10_000));
        Long sectionId = section.matches("[0-9]{1,18}") ? Long.valueOf(section) : null;
        Long authorId = author.matches("[0-9]{1,18}") ? Long.valueOf(author) : null;
        String search = q.length() > 200 ? q.substring(0, 200) : q;
        List<DeskLine> lines = editing.list(staff, status, sectionId, authorId, search, (number - 1) * PER_PAGE, PER_PAGE + 1);
        boolean more = lines.size() > PER_PAGE;
        List<Section> sections = newsdesk.sections();
        Map<Long, String> names = new LinkedHashMap<>();
        sections.forEach(s -> names.put(s.id(), s.name()));
        return new ModelAndView("articles/desk", "page", new DeskPages.ListPage(shells.shell(request, staff, nav),
                more ? lines.subList(0, PER_PAGE) : lines, status == null ? "" : status, section, author, search, sections, editing.authors(), names,
                number, more, title, review));
    }

    private ModelAndView editor(Staff staff, HttpServletRequest request, Editing.Editable e, ArticleForm form, Map<String, String> problems,
                                String conflict, HttpStatus status) {
        String scheduledFor = "";
        String publicUrl = null;
        if (e != null && e.article().publishedAt() != null) {
            scheduledFor = LocalDateTime.ofInstant(e.article().publishedAt(), settings.current().zone()).format(LOCAL);
            if (e.article().status() == ArticleStatus.PUBLISHED) {
                publicUrl = "/articles/" + e.article().slug();
            }
        }
        EditorPage page = new EditorPage(shells.shell(request, staff, "/admin/articles"), e == null ? null : e.article().id(), form, problems, conflict,
                e == null ? "new" : e.article().status().column(), e != null && e.trashed(), e == null ? "none" : e.reviewState(),
                e == null ? "" : e.reviewNote(), publicUrl, form.publishAt().isEmpty() ? scheduledFor : form.publishAt(), newsdesk.sections(),
                editing.authors(), media.recent(0, 24), e == null ? staff.can(Permission.PUBLISH_OWN) : e.mayPublish(), staff.can(Permission.UPLOAD),
                staff.can(Permission.PUBLISH_ANY), settings.current().zone().getId(), e == null ? null : e.current(), e == null ? null : e.pending(),
                e == null ? List.of() : panels(shells.shell(request, staff, "/admin/articles"), staff, e.article().id()));
        ModelAndView view = new ModelAndView("articles/editor", "page", page);
        view.setStatus(status);
        return view;
    }

    private List<gg.jte.Content> panels(press.dispatch.admin.AdminShell shell, Staff staff, long articleId) {
        return additions.orderedStream().map(a -> a.editorPanel(shell, staff, articleId)).filter(java.util.Objects::nonNull).toList();
    }

    private List<String> tagNames(Article a) {
        return tags.listByArticle(a.id()).stream().map(Tag::name).toList();
    }
}
