package press.dispatch.release;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Role;
import press.dispatch.accounts.Staff;
import press.dispatch.articles.Article;
import press.dispatch.articles.ArticleStatus;
import press.dispatch.articles.Publishing;
import press.dispatch.platform.SqlTime;

/**
 * Embargoes, the sensitive flag and the release queue. Approving a request publishes (or schedules) the article
 * through {@link Publishing} inside the same transaction, so a refusal there (an embargo) leaves the request waiting.
 */
@Service
public class Releases {

    static final int MAX_NOTE = 2_000;
    private static final Logger log = LoggerFactory.getLogger(Releases.class);

    private final ReleaseRepository releases;
    private final Publishing publishing;
    private final Clock clock;

    Releases(ReleaseRepository releases, Publishing publishing, Clock clock) {
        this.releases = releases;
        this.publishing = publishing;
        this.clock = clock;
    }

    public Hold hold(long articleId) {
        publishing.get(articleId);
        return releases.hold(articleId).orElse(Hold.none(articleId));
    }

    /** What became of a change of hold: saved, or the embargo change waits for a second editor (the flag is saved). */
    public enum Outcome { SAVED, WAITING }

    /** {@link #hold(Staff, long, Instant, boolean, String)} with no reason given. */
    @Transactional
    public Outcome hold(Staff staff, long articleId, Instant embargoUntil, boolean sensitive) {
        return hold(staff, articleId, embargoUntil, sensitive, "");
    }

    /**
     * Sets (or, with null, lifts) the embargo and the sensitive flag. An embargo cannot be put on an article already
     * public, nor after the time it is scheduled for; an article scheduled without a release cannot be made sensitive.
     * Every change of the embargo is kept in its history. Setting it, or moving it later, is one editor's act; moving it
     * earlier or lifting it on a sensitive article (sensitive before or after this change) waits for a second editor,
     * as a release does, unless the owner does it with a stated reason. The embargo stands while the change waits.
     */
    @Transactional
    public Outcome hold(Staff staff, long articleId, Instant embargoUntil, boolean sensitive, String reason) {
        editor(staff);
        Article article = publishing.get(articleId);
        Instant now = clock.instant();
        Hold before = hold(articleId);
        if (!SqlTime.storable(embargoUntil)) {
            throw new InvalidReleaseException("embargoUntil", "Choose an embargo time before the year 10000.");
        }
        boolean embargoed = embargoUntil != null && embargoUntil.isAfter(now);
        if (embargoed && article.status() == ArticleStatus.PUBLISHED) {
            throw new InvalidReleaseException("It is already public: unpublish it before putting it under embargo.");
        }
        if (embargoed && article.status() == ArticleStatus.SCHEDULED && article.publishedAt().isBefore(embargoUntil)) {
            throw new InvalidReleaseException("embargoUntil", "It is scheduled before that time: schedule it later or unpublish it first.");
        }
        if (sensitive && !before.sensitive() && article.status() == ArticleStatus.SCHEDULED) {
            throw new InvalidReleaseException("It is scheduled: unpublish it first, then ask for release.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_NOTE) {
            throw new InvalidReleaseException("reason", "Give a reason of at most " + MAX_NOTE + " characters.");
        }
        Instant from = before.embargoUntil() != null && before.embargoUntil().isAfter(now) ? before.embargoUntil() : null;
        Instant to = embargoed ? embargoUntil : null;
        boolean changes = !java.util.Objects.equals(from, to);
        if (changes && releases.waitingChange(articleId).isPresent()) {
            throw new InvalidReleaseException("A change of its embargo already waits for a second editor: it must be approved or sent back first.");
        }
        boolean earlier = from != null && (to == null || to.isBefore(from));
        if (changes && earlier && (before.sensitive() || sensitive)) {
            if (staff.role() == Role.OWNER && !why.isEmpty()) {
                releases.saveHold(articleId, to, sensitive, now, staff.displayName());
                releases.insertChange(articleId, from, to, "alone", staff.id(), staff.displayName(), now, why);
                log.info("Article {} embargo {} by the owner alone (staff {})", articleId, to == null ? "lifted" : "moved earlier", staff.id());
                return Outcome.SAVED;
            }
            releases.saveHold(articleId, from, sensitive, now, staff.displayName());
            releases.insertChange(articleId, from, to, "waiting", staff.id(), staff.displayName(), now, why);
            log.info("Article {} embargo change asked by staff {}: waits for a second editor", articleId, staff.id());
            return Outcome.WAITING;
        }
        releases.saveHold(articleId, to, sensitive, now, staff.displayName());
        if (changes) {
            releases.insertChange(articleId, from, to, "made", staff.id(), staff.displayName(), now, why);
        }
        log.info("Article {} hold set by staff {}: embargo {}, sensitive {}", articleId, staff.id(), embargoed ? embargoUntil : "none", sensitive);
        return Outcome.SAVED;
    }

    /** A second editor approves a waiting embargo change: it takes effect now. The editor who asked cannot approve it. */
    @Transactional
    public void approveEmbargoChange(Staff staff, long changeId) {
        editor(staff);
        EmbargoChange change = findChange(changeId);
        if (change.requestedBy() == staff.id()) {
            throw new InvalidReleaseException("You asked for this change: a second editor must approve it.");
        }
        Instant now = clock.instant();
        if (!releases.decideChange(change.id(), "approved", staff.id(), staff.displayName(), now, "")) {
            throw new InvalidReleaseException("This change is no longer waiting.");
        }
        Hold hold = hold(change.articleId());
        Instant to = change.to() != null && change.to().isAfter(now) ? change.to() : null;
        releases.saveHold(change.articleId(), to, hold.sensitive(), now, staff.displayName());
        log.info("Article {} embargo change {} approved by staff {}", change.articleId(), change.id(), staff.id());
    }

    /** A second editor sends a waiting embargo change back with a note: the embargo stays as it was. */
    @Transactional
    public void returnEmbargoChange(Staff staff, long changeId, String note) {
        editor(staff);
        EmbargoChange change = findChange(changeId);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new InvalidReleaseException("note", "Say in a note (at most " + MAX_NOTE + " characters) why it goes back.");
        }
        if (!releases.decideChange(change.id(), "returned", staff.id(), staff.displayName(), clock.instant(), text)) {
            throw new InvalidReleaseException("This change is no longer waiting.");
        }
    }

    /** Every change of the article's embargo, oldest first. */
    public List<EmbargoChange> embargoHistory(long articleId) {
        return releases.embargoHistory(articleId);
    }

    /** Embargo changes waiting for a second editor, oldest first. */
    public List<EmbargoChange> waitingEmbargoChanges() {
        return releases.waitingChanges();
    }

    EmbargoChange findChange(long changeId) {
        return releases.findChange(changeId).orElseThrow(() -> new NoSuchElementException("No embargo change " + changeId));
    }

    /** An editor asks for a sensitive article to be published ({@code publishAt} null: at once when approved). */
    @Transactional
    public long request(Staff staff, long articleId, Instant publishAt) {
        editor(staff);
        Article article = publishing.get(articleId);
        Hold hold = hold(articleId);
        if (!hold.sensitive()) {
            throw new InvalidReleaseException("It is not marked sensitive: publish it from the editor.");
        }
        if (article.status() == ArticleStatus.PUBLISHED || article.status() == ArticleStatus.SCHEDULED) {
            throw new InvalidReleaseException("It is already published or scheduled.");
        }
        Instant now = clock.instant();
        if (!SqlTime.storable(publishAt)) {
            throw new InvalidReleaseException("publishAt", "Choose a publication time before the year 10000.");
        }
        Instant when = publishAt != null && publishAt.isAfter(now) ? publishAt : null;
        if (hold.embargoUntil() != null && (when == null ? now : when).isBefore(hold.embargoUntil())) {
            throw new InvalidReleaseException("publishAt", "It is embargoed until then: ask for a time at or after the embargo.");
        }
        if (releases.waitingFor(articleId).isPresent()) {
            throw new InvalidReleaseException("A request for it is already waiting in the release queue.");
        }
        return releases.insert(articleId, when, "waiting", staff.id(), staff.displayName(), now, "");
    }

    /** A second editor approves: the article is published (or scheduled) now. The editor who asked cannot approve. */
    @Transactional
    public void approve(Staff staff, long requestId) {
        editor(staff);
        ReleaseRequest request = find(requestId);
        if (request.requestedBy() == staff.id()) {
            throw new InvalidReleaseException("You asked for this release: a second editor must approve it.");
        }
        grant(staff, request, "approved", "");
    }

    /** A second editor sends the request back with a note for the one who asked. */
    @Transactional
    public void sendBack(Staff staff, long requestId, String note) {
        editor(staff);
        ReleaseRequest request = find(requestId);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new InvalidReleaseException("note", "Say in a note (at most " + MAX_NOTE + " characters) why it goes back.");
        }
        if (!releases.decide(request.id(), "waiting", "returned", staff.id(), staff.displayName(), clock.instant(), text)) {
            throw new InvalidReleaseException("Someone decided on this request meanwhile.");
        }
    }

    /** The owner publishes (or schedules) a sensitive article without a second editor; the reason is recorded. */
    @Transactional
    public void releaseAlone(Staff staff, long articleId, Instant publishAt, String reason) {
        if (staff.role() != Role.OWNER) {
            throw new InvalidReleaseException("Only the owner can release an article alone.");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new InvalidReleaseException("reason", "State why you release it alone (at most " + MAX_NOTE + " characters); the reason is kept.");
        }
        Article article = publishing.get(articleId);
        if (article.status() == ArticleStatus.PUBLISHED || article.status() == ArticleStatus.SCHEDULED) {
            throw new InvalidReleaseException("It is already published or scheduled.");
        }
        Instant now = clock.instant();
        if (!SqlTime.storable(publishAt)) {
            throw new InvalidReleaseException("publishAt", "Choose a publication time before the year 10000.");
        }
        releases.waitingFor(articleId).ifPresent(w -> releases.decide(w.id(), "waiting", "cancelled", staff.id(), staff.displayName(), now, ""));
        long id = releases.insert(articleId, publishAt != null && publishAt.isAfter(now) ? publishAt : null, "waiting", staff.id(),
                staff.displayName(), now, "");
        grant(staff, find(id), "released", text);
    }

    private void grant(Staff staff, ReleaseRequest request, String outcome, String note) {
        Instant now = clock.instant();
        if (!releases.decide(request.id(), "waiting", "approving", staff.id(), staff.displayName(), now, note)) {
            throw new InvalidReleaseException("This request is no longer waiting.");
        }
        if (request.publishAt() != null && request.publishAt().isAfter(now)) {
            publishing.schedule(request.articleId(), request.publishAt());
        } else {
            publishing.publish(request.articleId());
        }
        releases.setStatus(request.id(), outcome);
        log.info("Article {} released ({}) by staff {} on request {}", request.articleId(), outcome, staff.id(), request.id());
    }

    public List<ReleaseRequest> trail(long articleId) {
        return releases.trail(articleId);
    }

    public List<ReleaseRequest> queue() {
        return releases.waiting();
    }

    ReleaseRequest find(long requestId) {
        return releases.find(requestId).orElseThrow(() -> new NoSuchElementException("No release request " + requestId));
    }

    Article article(long articleId) {
        return publishing.get(articleId);
    }

    private static void editor(Staff staff) {
        if (!staff.can(Permission.PUBLISH_ANY)) {
            throw new AccessDeniedException("Only editors hold and release articles.");
        }
    }
}
