package press.dispatch.articles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import press.dispatch.accounts.Accounts;
import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Role;
import press.dispatch.accounts.Staff;
import press.dispatch.accounts.StaffJoined;
import press.dispatch.platform.HiddenCharacters;

/**
 * The newsroom's side of articles: who may do what to which article, saves that never silently overwrite another
 * editor's (each save names the version it started from), a revision per save, review by editors, trash, and old
 * slugs that keep answering. State changes go through {@link Publishing}, so events fire exactly as for any other path.
 *
 * <p>Invariant: a published article's live text changes only through an explicit update ({@link #update}, the
 * editor's "Update"), {@link #publish} or {@link #publishPending}. A plain {@link #save} of a published article,
 * from the editor or the Admin API, keeps the text as a <em>pending</em> revision and leaves the live page alone.
 */
@Service
public class Editing {

    private final Publishing publishing;
    private final ArticleRepository articles;
    private final EditorRepository desk;
    private final RevisionRepository revisions;
    private final Newsdesk newsdesk;
    private final Clock clock;
    private final Accounts accounts;
    private final AuthorRepository authors;
    private final press.dispatch.media.MediaLibrary media;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final DeskSearch search;

    Editing(Publishing publishing, ArticleRepository articles, EditorRepository desk, RevisionRepository revisions, Newsdesk newsdesk, Clock clock,
            Accounts accounts, AuthorRepository authors, press.dispatch.media.MediaLibrary media,
            org.springframework.context.ApplicationEventPublisher events, DeskSearch search) {
        this.search = search;
        this.accounts = accounts;
        this.authors = authors;
        this.media = media;
        this.events = events;
        this.publishing = publishing;
        this.articles = articles;
        this.desk = desk;
        this.revisions = revisions;
        this.newsdesk = newsdesk;
        this.clock = clock;
    }

    /**
     * An article as the editor shows it, with what this staff member may do to it.
     *
     * @param current the revision whose text the article holds (the live one when published); null for text written
     *                outside the editor
     * @param pending changes kept for later, not live; null when none
     */
    public record Editable(Article article, int version, boolean trashed, String reviewState, String reviewNote, boolean mayPublish,
                           boolean mayTrash, Revision current, Revision pending) {
    }

    /** A staff member's own byline: name, bio and portrait (a photo from the library). Every public page is refreshed. */
    @Transactional
    public void updateByline(Staff staff, String displayName, String bio, Long photoMediaId) {
        String cleanBio = bio == null ? "" : bio.strip();
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (cleanBio.length() > 1000) {
            problems.put("bio", "The bio must be at most 1,000 characters.");
        }
        if (photoMediaId != null && media.find(photoMediaId).isEmpty()) {
            problems.put("photoMediaId", "That photo is not in the library.");
        }
        try {
            accounts.rename(staff, displayName);
        } catch (press.dispatch.accounts.InvalidAccountException e) {
            problems.putAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidArticleException(problems);
        }
        long authorId = desk.authorOfStaff(staff.id()).orElseGet(() -> {
            Author created = newsdesk.createAuthor(HiddenCharacters.removedFromName(displayName), "");
            desk.linkAuthorToStaff(created.id(), staff.id());
            return created.id();
        });
        authors.update(authorId, HiddenCharacters.removedFromName(displayName), cleanBio, photoMediaId);
        events.publishEvent(new BylineChanged(authorId));
    }

    /** A byline's name, bio or portrait changed: it shows on article pages, listings and its own page. */
    public record BylineChanged(long authorId) {
    }

    /** This staff member's byline, if they have one. */
    public Optional<Author> byline(Staff staff) {
        return desk.authorOfStaff(staff.id()).flatMap(authors::find);
    }

    /**
     * Makes an existing byline (an imported author's) this staff member's own, so that when they join they write
     * under it instead of a new one. False, changing nothing, when either already has one.
     */
    @Transactional
    public boolean claimByline(long authorId, long staffId) {
        return desk.authorOfStaff(staffId).isEmpty() && desk.linkUnclaimedAuthor(authorId, staffId);
    }

    /** Each staff member gets a byline when their account becomes active. */
    @EventListener
    void staffJoined(StaffJoined joined) {
        Optional<Long> existing = desk.authorOfStaff(joined.staffId());
        if (existing.isPresent()) {
            desk.renameAuthor(existing.get(), joined.displayName());
        } else {
            Author author = newsdesk.createAuthor(joined.displayName(), "");
            desk.linkAuthorToStaff(author.id(), joined.staffId());
        }
    }

    public Editable open(Staff staff, long id) {
        Article article = find(id);
        EditorRepository.Desk d = desk.desk(id).orElseThrow();
        checkMayEdit(staff, article, d);
        return new Editable(article, d.version(), d.trashedAt() != null, d.reviewState(), d.reviewNote(), mayPublish(staff, article, d),
                mayPublish(staff, article, d) || article.status() == ArticleStatus.DRAFT,
                d.currentRevision() == null ? null : revisions.find(id, d.currentRevision()).orElse(null),
                d.pendingRevision() == null ? null : revisions.find(id, d.pendingRevision()).orElse(null));
    }

    /** Saves a new draft by this staff member; they are its byline unless an editor names others. */
    @Transactional
    public long create(Staff staff, ArticleDraft draft) {
        requirePermission(staff, Permission.WRITE);
        ArticleDraft withAuthors = staff.can(Permission.PUBLISH_ANY) && !draft.authorIds().isEmpty() ? draft : draft.withAuthors(ownByline(staff));
        long id = publishing.draft(withAuthors);
        desk.setCreatedBy(id, staff.id());
        desk.setCurrentRevision(id, revisions.add(id, staff.id(), who(staff), withAuthors, find(id).slug(), clock.instant()));
        return id;
    }

    /**
     * Saves a new state of the article if nobody saved since {@code expectedVersion}; otherwise nothing is
     * written and {@link ArticleConflictException} says who saved it and when. A published article's live text is
     * not touched: the new state is kept for later, as its pending revision.
     */
    @Transactional
    public void save(Staff staff, long id, ArticleDraft draft, int expectedVersion) {
        Article before = claim(staff, id, draft, expectedVersion);
        ArticleDraft kept = bylineKept(staff, before, draft);
        if (before.status() == ArticleStatus.PUBLISHED) {
            String slug = kept.slug().isEmpty() ? before.slug() : kept.slug();
            if (articles.slugTaken(slug, id)) {
                throw new InvalidArticleException(Map.of("slug", "Another article already uses the slug '" + slug + "'."));
            }
            desk.setPendingRevision(id, revisions.add(id, staff.id(), who(staff), kept, slug, clock.instant()));
            return;
        }
        apply(staff, id, before, kept, null);
    }

    /** Saves a new state of the article and applies it at once: on a published article, the editor's "Update". */
    @Transactional
    public void update(Staff staff, long id, ArticleDraft draft, int expectedVersion) {
        Article before = claim(staff, id, draft, expectedVersion);
        if (before.status() == ArticleStatus.PUBLISHED) {
            requireMayPublish(open(staff, id));
        }
        apply(staff, id, before, bylineKept(staff, before, draft), null);
    }

    /** Makes the changes kept for later live (the page cache is purged); nothing happens if none are waiting. */
    @Transactional
    public void publishPending(Staff staff, long id, int expectedVersion) {
        Editable e = open(staff, id);
        requireMayPublish(e);
        if (e.pending() == null) {
            return;
        }
        Article before = claim(staff, id, e.pending().draft(), expectedVersion);
        applyPending(staff, id, before, e.pending());
    }

    /** Drops the changes kept for later; the live text stays as it is, and the revision stays in the history. */
    @Transactional
    public void discardPending(Staff staff, long id, int expectedVersion) {
        Editable e = open(staff, id);
        if (e.pending() == null) {
            return;
        }
        if (!desk.claimVersion(id, expectedVersion)) {
            throw conflict(id);
        }
        desk.clearPendingRevision(id);
    }

    private void applyPending(Staff staff, long id, Article before, Revision pending) {
        ArticleDraft draft = pending.draft().authorIds().isEmpty() ? pending.draft().withAuthors(before.authorIds()) : pending.draft();
        apply(staff, id, before, draft, pending.number());
    }

    /** Checks the staff member may edit, the draft is valid and nobody saved since {@code expectedVersion}; takes the next version. */
    private Article claim(Staff staff, long id, ArticleDraft draft, int expectedVersion) {
        Article before = find(id);
        EditorRepository.Desk d = desk.desk(id).orElseThrow();
        checkMayEdit(staff, before, d);
        Map<String, String> problems = new java.util.LinkedHashMap<>(draft.problems());
        problems.putAll(publishing.missingReferences(draft));
        if (!problems.isEmpty()) {
            throw new InvalidArticleException(problems);
        }
        if (!desk.claimVersion(id, expectedVersion)) {
            throw conflict(id);
        }
        return before;
    }

    private ArticleConflictException conflict(long id) {
        int current = desk.desk(id).orElseThrow().version();
        String by = revisions.list(id).stream().findFirst().map(r -> r.staffName() + " at " + r.createdAt()).orElse("someone else");
        return new ArticleConflictException("This article was changed by " + by + " after you opened it, so your save was refused. "
                + "Your text is below, not saved: compare it with the current version (open the article in a new tab), "
                + "then save again to replace that version with yours.", current);
    }

    private static ArticleDraft bylineKept(Staff staff, Article before, ArticleDraft draft) {
        return staff.can(Permission.PUBLISH_ANY) && !draft.authorIds().isEmpty() ? draft : draft.withAuthors(before.authorIds());
    }

    /** Writes the text into the article (live at once if published) and records it as a new revision, or as {@code existing}. */
    private void apply(Staff staff, long id, Article before, ArticleDraft draft, Integer existing) {
        publishing.revise(id, draft);
        Article after = find(id);
        if (!after.slug().equals(before.slug())) {
            desk.rememberSlug(before.slug(), id, after.slug());
        }
        int number = existing != null ? existing : revisions.add(id, staff.id(), who(staff), draft, after.slug(), clock.instant());
        desk.setCurrentRevision(id, number);
        bylineStaff.invalidate(id);
    }

    /**
     * Saves (or creates, when {@code id} is null) and then applies the editor's button, all or nothing: save,
     * publish (on a published article: update), schedule, submit (for review) or unpublish. Only a plain save keeps a
     * published article's changes for later; every other button is an explicit decision and applies them. Returns
     * the article's id.
     */
    @Transactional
    public long saveAndApply(Staff staff, Long id, ArticleDraft draft, int expectedVersion, String action, Instant scheduleAt) {
        if (!java.util.Set.of("", "save", "publish", "schedule", "submit", "unpublish").contains(action)) {
            // Not one of the editor's buttons: applying the changes would make a published article's edits live
            // while the writer was told they were kept for later.
            throw new InvalidArticleException(Map.of("action", "Press one of the editor's buttons: Save, Publish, Schedule, Submit or Unpublish."));
        }
        long articleId;
        if (id == null) {
            articleId = create(staff, draft);
        } else if (action.isEmpty() || "save".equals(action)) {
            save(staff, id, draft, expectedVersion);
            articleId = id;
        } else {
            if (!"submit".equals(action)) {
                requireMayPublish(open(staff, id));
            }
            update(staff, id, draft, expectedVersion);
            articleId = id;
        }
        switch (action) {
            case "publish" -> publish(staff, articleId);
            case "schedule" -> {
                if (scheduleAt == null) {
                    throw new InvalidArticleException(Map.of("publishAt", "Choose the date and time to publish."));
                }
                schedule(staff, articleId, scheduleAt);
            }
            case "submit" -> submitForReview(staff, articleId);
            case "unpublish" -> unpublish(staff, articleId);
            default -> {
            }
        }
        return articleId;
    }

    @Transactional
    public void publish(Staff staff, long id) {
        Editable e = open(staff, id);
        requireMayPublish(e);
        if (e.trashed()) {
            throw new InvalidArticleException(Map.of("status", "Restore the article from the trash before publishing it."));
        }
        if (e.pending() != null) {
            // Publishing is the explicit step that makes kept-for-later changes live.
            applyPending(staff, id, e.article(), e.pending());
            desk.bumpVersion(id);
        }
        publishing.publish(id);
        desk.setReview(id, "none", "");
    }

    /** Publishes at a future moment, within a minute of it and exactly once, also across a restart. */
    @Transactional
    public void schedule(Staff staff, long id, Instant at) {
        Editable e = open(staff, id);
        requireMayPublish(e);
        if (e.trashed()) {
            throw new InvalidArticleException(Map.of("status", "Restore the article from the trash before scheduling it."));
        }
        publishing.schedule(id, at);
        desk.setReview(id, "none", "");
    }

    @Transactional
    public void unpublish(Staff staff, long id) {
        Editable e = open(staff, id);
        requireMayPublish(e);
        publishing.withdraw(id);
        desk.bumpVersion(id);
    }

    /** Moves an article to the trash: it is taken off the site and out of the lists, and can be restored. */
    @Transactional
    public void trash(Staff staff, long id) {
        Editable e = open(staff, id);
        if (!e.mayTrash()) {
            throw new AccessDeniedException("Only someone who may publish this article can take it off the site.");
        }
        publishing.withdraw(id);
        desk.setTrashed(id, clock.instant());
    }

    @Transactional
    public void restore(Staff staff, long id) {
        open(staff, id);
        desk.setTrashed(id, null);
    }

    /** A contributor (or anyone) asks an editor to review and publish. */
    @Transactional
    public void submitForReview(Staff staff, long id) {
        Editable e = open(staff, id);
        if (e.article().status() != ArticleStatus.DRAFT || e.trashed()) {
            throw new InvalidArticleException(Map.of("status", "Only a draft can be submitted for review."));
        }
        desk.setReview(id, "submitted", "");
    }

    /** An editor returns a submitted draft to its writer with a note. */
    @Transactional
    public void sendBack(Staff staff, long id, String note) {
        requirePermission(staff, Permission.PUBLISH_ANY);
        String clean = note == null ? "" : note.strip();
        if (clean.isEmpty() || clean.length() > 2000) {
            throw new InvalidArticleException(Map.of("note", "Say what should change (up to 2,000 characters)."));
        }
        find(id);
        desk.setReview(id, "returned", clean);
    }

    /** The article list's status filters (none: every article but the trashed); the newsroom's list and the API offer these. */
    public static final List<String> LIST_STATUSES = List.of("draft", "scheduled", "published", "review", "trash");

    /**
     * The article list: newest change first, or with {@code text}, the articles whose words match it (the public
     * search's rules, over every status) best match first, among the {@value DeskSearch#LIMIT} best.
     */
    public List<DeskLine> list(Staff staff, String status, Long sectionId, Long authorId, String text, int offset, int limit) {
        List<Long> matching = text == null || text.isBlank() ? null : search.find(text, DeskSearch.LIMIT);
        return desk.list(status, sectionId, authorId, matching, staff.can(Permission.PUBLISH_ANY) ? null : staff.id(), offset, limit);
    }

    /** The email addresses of the staff in an article's byline (for notices such as a held comment). */
    public List<String> bylineEmails(long articleId) {
        List<Long> staff = bylineStaff.get(articleId, desk::bylineStaff);
        return staff.isEmpty() ? List.of() : accounts.activeEmails(staff);
    }

    /** True when this staff member is in the article's byline (as the author linked to their account). */
    public boolean inByline(long articleId, long staffId) {
        return bylineStaff.get(articleId, desk::bylineStaff).contains(staffId);
    }

    /** Bylines are read on every held comment; they change only when an article is saved. */
    private final com.github.benmanes.caffeine.cache.Cache<Long, List<Long>> bylineStaff = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(10_000).expireAfterWrite(java.time.Duration.ofMinutes(10)).build();

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void forgetByline(ArticleChanged changed) {
        bylineStaff.invalidate(changed.articleId());
    }

    public List<Author> authors() {
        return desk.allAuthors();
    }

    public List<Revision> revisions(Staff staff, long id) {
        open(staff, id);
        return revisions.list(id);
    }

    /**
     * Restores an earlier revision's text as a new save (which is itself a revision). What it named that is gone since
     * (its photo deleted from the library, its section or an author deleted) is left out rather than refusing the
     * whole restore; the answer says what was left out. On SQLite a photo added to the library after the revision was
     * saved is not the one it showed (a deleted newest photo's id goes to the next upload), so it counts as gone.
     */
    @Transactional
    public List<String> restoreRevision(Staff staff, long id, int number, int expectedVersion) {
        open(staff, id);
        Revision revision = revisions.find(id, number).orElseThrow(() -> new NoSuchElementException("No revision " + number));
        ArticleDraft draft = revision.draft();
        Map<String, String> missing = publishing.missingReferences(draft);
        List<String> leftOut = new ArrayList<>();
        if (draft.featuredMediaId() != null && (missing.containsKey("featuredMediaId")
                || media.addedAfter(draft.featuredMediaId(), revision.createdAt()))) {
            draft = draft.withFeaturedPhoto(null, "", "", "");
            leftOut.add("its photo, deleted from the library since");
        }
        if (missing.containsKey("sectionId")) {
            draft = draft.withSection(null);
            leftOut.add("its section, deleted since");
        }
        if (missing.containsKey("authorIds")) {
            List<Long> unknown = articles.unknownAuthors(draft.authorIds());
            draft = draft.withAuthors(draft.authorIds().stream().filter(a -> !unknown.contains(a)).toList());
            leftOut.add(unknown.size() == 1 ? "an author deleted since" : unknown.size() + " authors deleted since");
        }
        save(staff, id, draft, expectedVersion);
        return leftOut;
    }

    /** One line of a side-by-side diff. */
    public record DiffLine(String kind, String before, String after) {
    }

    /** Field-by-field line diff between two revisions; the texts are HTML-escaped, with {@code <del>}/{@code <ins>} marks. */
    public Map<String, List<DiffLine>> diff(Staff staff, long id, int from, int to) {
        open(staff, id);
        Revision a = revisions.find(id, from).orElseThrow(() -> new NoSuchElementException("No revision " + from));
        Revision b = revisions.find(id, to).orElseThrow(() -> new NoSuchElementException("No revision " + to));
        Map<String, List<DiffLine>> fields = new java.util.LinkedHashMap<>();
        fields.put("Headline", lines(a.draft().headline(), b.draft().headline()));
        fields.put("Slug", lines(a.draft().slug(), b.draft().slug()));
        fields.put("Standfirst", lines(a.draft().standfirst(), b.draft().standfirst()));
        fields.put("Body", lines(a.draft().bodyMarkdown(), b.draft().bodyMarkdown()));
        fields.put("Tags", lines(String.join(", ", a.draft().tags()), String.join(", ", b.draft().tags())));
        fields.put("Photo caption", lines(a.draft().featuredCaption(), b.draft().featuredCaption()));
        fields.put("Photo credit", lines(a.draft().featuredCredit(), b.draft().featuredCredit()));
        return fields;
    }

    /** Counts for the dashboard: this staff member's own, or everyone's for editors. */
    public long count(Staff staff, String where) {
        return staff.can(Permission.PUBLISH_ANY) ? desk.count(where) : desk.countOwn(where, staff.id());
    }

    private static List<DiffLine> lines(String before, String after) {
        DiffRowGenerator generator = DiffRowGenerator.create().showInlineDiffs(true).inlineDiffByWord(true).mergeOriginalRevised(false)
                .oldTag(open -> open ? "<del>" : "</del>").newTag(open -> open ? "<ins>" : "</ins>")
                .lineNormalizer(line -> line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"))
                .build();
        List<DiffLine> out = new ArrayList<>();
        for (DiffRow row : generator.generateDiffRows(List.of(before.split("\n", -1)), List.of(after.split("\n", -1)))) {
            out.add(new DiffLine(row.getTag().name().toLowerCase(), row.getOldLine(), row.getNewLine()));
        }
        return out;
    }

    private List<Long> ownByline(Staff staff) {
        return desk.authorOfStaff(staff.id()).map(List::of).orElseGet(List::of);
    }

    private boolean owns(Staff staff, Article article, EditorRepository.Desk d) {
        if (d.createdBy() != null && d.createdBy() == staff.id()) {
            return true;
        }
        return desk.authorOfStaff(staff.id()).map(article.authorIds()::contains).orElse(false);
    }

    private void checkMayEdit(Staff staff, Article article, EditorRepository.Desk d) {
        if (staff.can(Permission.PUBLISH_ANY)) {
            return;
        }
        if (!staff.can(Permission.WRITE) || !owns(staff, article, d)) {
            throw new AccessDeniedException("This is someone else's article.");
        }
        if (staff.role() == Role.CONTRIBUTOR && article.status() != ArticleStatus.DRAFT) {
            throw new AccessDeniedException("A contributor cannot change a published or scheduled article.");
        }
    }

    private boolean mayPublish(Staff staff, Article article, EditorRepository.Desk d) {
        return staff.can(Permission.PUBLISH_ANY) || (staff.can(Permission.PUBLISH_OWN) && owns(staff, article, d));
    }

    private static void requireMayPublish(Editable e) {
        if (!e.mayPublish()) {
            throw new AccessDeniedException("Your role cannot publish this article: submit it for review instead.");
        }
    }

    private static void requirePermission(Staff staff, Permission permission) {
        if (!staff.can(permission)) {
            throw new AccessDeniedException("Your role does not allow this.");
        }
    }

    private static String who(Staff staff) {
        return staff.viaApiKey() == null ? staff.displayName() : staff.displayName() + " (API key " + staff.viaApiKey() + ")";
    }

    private Article find(long id) {
        return articles.find(id).orElseThrow(() -> new NoSuchElementException("No article " + id));
    }
}
