package press.dispatch.live;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.articles.Editing;
import press.dispatch.articles.Markdown;
import press.dispatch.articles.Publishing;
import press.dispatch.media.MediaLibrary;

/**
 * Every change to live coverage: making an article live and ending it, and posting, editing, pinning and deleting
 * entries. Entries are posted by the staff in the article's byline, and by editors and above; coverage is started
 * and ended by whoever may publish the article. Each change takes the article's next sequence and publishes
 * {@link LiveChanged} exactly once.
 */
@Service
public class LiveCoverage {

    static final int MAX_TEXT = 20_000;
    static final int MAX_QUOTE = 2_000;
    static final int MAX_SOURCE = 200;
    static final int MAX_URL = 2_000;

    private final LiveRepository repository;
    private final Editing editing;
    private final Publishing publishing;
    private final Markdown markdown;
    private final MediaLibrary media;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LiveCoverage(LiveRepository repository, Editing editing, Publishing publishing, Markdown markdown, MediaLibrary media, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.editing = editing;
        this.publishing = publishing;
        this.markdown = markdown;
        this.media = media;
        this.clock = clock;
        this.events = events;
    }

    public Optional<Coverage> find(long articleId) {
        return repository.coverage(articleId);
    }

    /** The entries readers see, newest first. */
    public List<Entry> entries(long articleId) {
        return repository.shown(articleId);
    }

    /** True when this staff member may post entries on the article: in its byline, or an editor or above. */
    public boolean mayPost(Staff staff, long articleId) {
        return staff.can(Permission.PUBLISH_ANY) || editing.inByline(articleId, staff.id());
    }

    /** True when this staff member may make the article live or end its coverage: whoever may publish it. */
    public boolean mayManage(Staff staff, long articleId) {
        return staff.can(Permission.PUBLISH_ANY) || staff.can(Permission.PUBLISH_OWN) && editing.inByline(articleId, staff.id());
    }

    /** Makes the article a live page from now; an ended coverage is reopened with its entries. */
    @Transactional
    public Coverage start(Staff staff, long articleId) {
        if (!mayManage(staff, articleId)) {
            throw new AccessDeniedException("Only whoever may publish this article makes it live.");
        }
        publishing.get(articleId);
        Optional<Coverage> now = repository.coverage(articleId);
        if (now.isEmpty() || !now.get().live()) {
            repository.start(articleId, clock.instant());
            events.publishEvent(new LiveChanged(articleId));
        }
        return repository.coverage(articleId).orElseThrow();
    }

    /** Ends the coverage: the page becomes a normal article with its timeline, and readers' streams close. */
    @Transactional
    public Coverage end(Staff staff, long articleId) {
        if (!mayManage(staff, articleId)) {
            throw new AccessDeniedException("Only whoever may publish this article ends its coverage.");
        }
        Coverage coverage = repository.coverage(articleId).orElseThrow(() -> new NoSuchElementException("Article " + articleId + " is not live"));
        if (coverage.live()) {
            repository.end(articleId, clock.instant());
            events.publishEvent(new LiveChanged(articleId));
        }
        return repository.coverage(articleId).orElseThrow();
    }

    @Transactional
    public Entry post(Staff staff, long articleId, EntryInput input) {
        Coverage coverage = openCoverage(staff, articleId);
        String html = check(input);
        long sequence = repository.nextSequence(coverage.articleId());
        long id = repository.insert(articleId, input, html, staff.id(), staff.displayName(), clock.instant(), sequence);
        entriesChanged(articleId);
        return repository.entry(id).orElseThrow();
    }

    /** Replaces an entry's content; readers see it marked as edited, with the time. */
    @Transactional
    public Entry edit(Staff staff, long articleId, long entryId, EntryInput input) {
        openCoverage(staff, articleId);
        find(articleId, entryId);
        String html = check(input);
        long sequence = repository.nextSequence(articleId);
        repository.update(entryId, input, html, clock.instant(), sequence);
        entriesChanged(articleId);
        return repository.entry(entryId).orElseThrow();
    }

    /** Pins an entry as a key event (listed at the top of the page), or unpins it. */
    @Transactional
    public Entry pin(Staff staff, long articleId, long entryId, boolean pinned) {
        openCoverage(staff, articleId);
        Entry entry = find(articleId, entryId);
        if (entry.pinned() != pinned) {
            repository.pin(entryId, pinned, repository.nextSequence(articleId));
            entriesChanged(articleId);
        }
        return repository.entry(entryId).orElseThrow();
    }

    @Transactional
    public void delete(Staff staff, long articleId, long entryId) {
        openCoverage(staff, articleId);
        find(articleId, entryId);
        repository.delete(entryId, clock.instant(), repository.nextSequence(articleId));
        entriesChanged(articleId);
    }

    /** An entry was posted, edited, pinned or deleted: the article's changed time moves on, readers' streams follow. */
    private void entriesChanged(long articleId) {
        publishing.touch(articleId, clock.instant()); // its sitemap lastmod and feed entry follow the updates
        events.publishEvent(new LiveChanged(articleId));
    }

    /** A shown entry of this article. */
    public Entry find(long articleId, long entryId) {
        return repository.entry(entryId).filter(e -> e.articleId() == articleId && !e.deleted())
                .orElseThrow(() -> new NoSuchElementException("No entry " + entryId + " on article " + articleId));
    }

    private Coverage openCoverage(Staff staff, long articleId) {
        checkMayPost(staff, articleId);
        Coverage coverage = repository.coverage(articleId).orElseThrow(() -> new NoSuchElementException("Article " + articleId + " is not live"));
        if (!coverage.live()) {
            throw new InvalidEntryException(Map.of("coverage", "This coverage has ended; make the article live again to post."));
        }
        return coverage;
    }

    /** Refuses staff who may not post on this article (before anything about the article is told). */
    public void checkMayPost(Staff staff, long articleId) {
        if (!mayPost(staff, articleId)) {
            throw new AccessDeniedException("Only the staff in this article's byline, and editors, post on its live page.");
        }
    }

    /** The rendered text, once every rule holds. */
    private String check(EntryInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (input.text().isEmpty() && input.mediaId() == null && input.quote().isEmpty() && input.embedUrl().isEmpty()) {
            problems.put("text", "Write something, or choose a photo, a quote or a link.");
        }
        if (input.text().length() > MAX_TEXT) {
            problems.put("text", "At most " + MAX_TEXT + " characters.");
        }
        if (input.quote().length() > MAX_QUOTE) {
            problems.put("quote", "At most " + MAX_QUOTE + " characters.");
        }
        if (input.quoteSource().length() > MAX_SOURCE) {
            problems.put("quoteSource", "At most " + MAX_SOURCE + " characters.");
        }
        if (!input.quoteSource().isEmpty() && input.quote().isEmpty()) {
            problems.put("quote", "Write the quote this source said.");
        }
        if (!input.embedUrl().isEmpty() && !webAddress(input.embedUrl())) {
            problems.put("embedUrl", "An address starting with https:// or http://.");
        }
        if (input.mediaId() != null && media.find(input.mediaId()).isEmpty()) {
            problems.put("mediaId", "No photo " + input.mediaId() + " in the library.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidEntryException(problems);
        }
        return input.text().isEmpty() ? "" : markdown.render(input.text());
    }

    static boolean webAddress(String url) {
        if (url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    Instant now() {
        return clock.instant();
    }
}
