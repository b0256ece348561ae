package press.dispatch.threads;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.articles.ArticlePublished;
import press.dispatch.articles.Publishing;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.platform.Outbox;
import press.dispatch.site.MailFooter;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

/**
 * Threads, their parts and their followers. A part published into a thread is announced to its confirmed followers
 * once, in the transaction that publishes it (queued in the outbox), so a crash loses neither alone.
 */
@Service
public class Threads {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 5_000;
    private static final Logger log = LoggerFactory.getLogger(Threads.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ThreadRepository threads;
    private final Stories stories;
    private final Publishing publishing;
    private final Outbox outbox;
    private final SiteSettings settings;
    private final Clock clock;
    private final ThreadPurges purges;

    Threads(ThreadRepository threads, Stories stories, Publishing publishing, Outbox outbox, SiteSettings settings, Clock clock, ThreadPurges purges) {
        this.purges = purges;
        this.threads = threads;
        this.stories = stories;
        this.publishing = publishing;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** A thread and where one article stands in it: its published parts in order, and this article's neighbours. */
    public record Place(StoryThread thread, List<Story> parts, Story previous, Story next) {
    }

    @Transactional
    public long create(Staff staff, String title, String slug, String summary) {
        editor(staff);
        String wanted = check(title, slug, summary, 0);
        return threads.insert(wanted, title.strip(), summary.strip(), clock.instant());
    }

    @Transactional
    public void update(Staff staff, long id, String title, String slug, String summary) {
        editor(staff);
        get(id);
        threads.update(id, check(title, slug, summary, id), title.strip(), summary.strip(), clock.instant());
        purges.changed(threads.articleIds(id));
    }

    @Transactional
    public void add(Staff staff, long threadId, long articleId) {
        editor(staff);
        get(threadId);
        publishing.get(articleId);
        List<Long> touched = new ArrayList<>(threads.findByArticle(articleId).map(t -> threads.articleIds(t.id())).orElse(List.of()));
        threads.addArticle(threadId, articleId, clock.instant());
        touched.addAll(threads.articleIds(threadId));
        purges.changed(touched);
    }

    @Transactional
    public void remove(Staff staff, long threadId, long articleId) {
        editor(staff);
        List<Long> touched = threads.articleIds(threadId);
        threads.removeArticle(threadId, articleId);
        purges.changed(touched);
    }

    /** Deletes a thread: its timeline page and followers go; its articles stay, in no thread. */
    @Transactional
    public void delete(Staff staff, long id) {
        editor(staff);
        get(id);
        purges.changed(threads.articleIds(id));
        threads.delete(id);
        log.info("Thread {} deleted by staff {}", id, staff.id());
    }

    public StoryThread get(long id) {
        return threads.find(id).orElseThrow(() -> new NoSuchElementException("No thread " + id));
    }

    public Optional<StoryThread> findBySlug(String slug) {
        return threads.findBySlug(slug);
    }

    List<StoryThread> listAll() {
        return threads.listAll();
    }

    /** Every part of the thread, public or not, in the thread's order. */
    List<Long> articleIds(long threadId) {
        return order(threadId);
    }

    /**
     * The thread's order: the parts an editor placed, in their places; each part not placed (every part, until an
     * editor reorders the thread, and each one added since) goes after the last part published no later than it, so a
     * thread nobody reordered reads in publication order. Parts not yet published go last, in the order of their ids.
     */
    private List<Long> order(long threadId) {
        List<ThreadRepository.Part> all = threads.parts(threadId);
        Map<Long, Instant> times = new java.util.HashMap<>();
        for (ThreadRepository.Part p : all) {
            Instant at;
            try {
                at = publishing.get(p.articleId()).publishedAt();
            } catch (NoSuchElementException e) {
                at = null;
            }
            times.put(p.articleId(), at == null ? Instant.MAX : at);
        }
        List<Long> order = new ArrayList<>(all.stream().filter(p -> p.position() != null)
                .sorted(java.util.Comparator.comparing(ThreadRepository.Part::position).thenComparing(ThreadRepository.Part::articleId))
                .map(ThreadRepository.Part::articleId).toList());
        List<Long> loose = all.stream().filter(p -> p.position() == null).map(ThreadRepository.Part::articleId)
                .sorted(java.util.Comparator.comparing((Long id) -> times.get(id)).thenComparing(id -> id)).toList();
        for (long id : loose) {
            int at = 0;
            for (int i = 0; i < order.size(); i++) {
                if (!times.get(order.get(i)).isAfter(times.get(id))) {
                    at = i + 1;
                }
            }
            order.add(at, id);
        }
        return order;
    }

    /** Moves a part one place earlier ({@code by} -1) or later (+1) in the thread; at either end it stays. */
    @Transactional
    public void move(Staff staff, long threadId, long articleId, int by) {
        editor(staff);
        get(threadId);
        List<Long> order = order(threadId);
        int at = order.indexOf(articleId);
        if (at < 0) {
            throw new NoSuchElementException("Article " + articleId + " is not in thread " + threadId);
        }
        int to = Math.max(0, Math.min(order.size() - 1, at + Integer.signum(by)));
        order.add(to, order.remove(at));
        threads.place(threadId, order);
        purges.changed(order);
    }

    /** Puts the thread's parts in this order, which must name each of its parts once. */
    @Transactional
    public void reorder(Staff staff, long threadId, List<Long> order) {
        editor(staff);
        get(threadId);
        List<Long> current = order(threadId);
        if (order == null || order.size() != current.size() || !new java.util.HashSet<>(order).equals(new java.util.HashSet<>(current))) {
            throw new InvalidThreadException(Map.of("articleIds", "List each of the thread's " + current.size() + " articles once, first first."));
        }
        threads.place(threadId, order);
        purges.changed(order);
    }

    long countFollowers(long threadId) {
        return threads.countFollowers(threadId);
    }

    /** The thread's public parts in the thread's order (publication order unless an editor reordered it). */
    public List<Story> parts(StoryThread thread) {
        List<Story> parts = new ArrayList<>();
        for (long id : order(thread.id())) {
            stories.findById(id).ifPresent(parts::add);
        }
        return parts;
    }

    /**
     * Where an article stands in its thread, if it is in one. One not public yet (the newsroom's preview) is counted
     * at its place in the thread's order, as readers will see it once it is published.
     */
    public Optional<Place> place(Story story) {
        return threads.findByArticle(story.article().id()).map(thread -> {
            List<Story> parts = new ArrayList<>();
            for (long id : order(thread.id())) {
                if (id == story.article().id()) {
                    parts.add(story);
                } else {
                    stories.findById(id).ifPresent(parts::add);
                }
            }
            int at = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).article().id() == story.article().id()) {
                    at = i;
                }
            }
            return new Place(thread, parts, at > 0 ? parts.get(at - 1) : null, at >= 0 && at < parts.size() - 1 ? parts.get(at + 1) : null);
        });
    }

    /**
     * Asks to follow a thread: a confirmation link goes to the address (a follower already confirmed is told so).
     * Every address gets the same answer whatever it is.
     */
    @Transactional
    public void follow(StoryThread thread, String email) {
        String token = threads.follow(thread.id(), email, newToken(), clock.instant());
        String base = settings.current().baseUrl();
        ThreadRepository.Follower follower = threads.follower(token).orElseThrow();
        if ("confirmed".equals(follower.status())) {
            outbox.enqueue(email, "You already follow: " + thread.title(), "You already follow \"" + thread.title() + "\" on "
                    + settings.current().name() + ".\n\n" + footer(thread, base, token).text(), unfollowHeaders(base, token));
            return;
        }
        outbox.enqueue(email, "Confirm: follow " + thread.title(), "Someone (we hope you) asked to follow \"" + thread.title() + "\" on "
                + settings.current().name() + ": each new article in it is emailed to you.\n\nConfirm: " + base + "/stories/follow/confirm?token=" + token
                + "\n\nIf it was not you, ignore this email: nothing more will be sent.\n");
    }

    /** Confirms the follower a link names; empty if the link is unknown. */
    @Transactional
    public Optional<StoryThread> confirm(String token) {
        return follower(token).map(f -> {
            threads.setStatus(f.id(), "confirmed", clock.instant());
            return get(f.threadId());
        });
    }

    @Transactional
    public Optional<StoryThread> unfollow(String token) {
        return follower(token).map(f -> {
            threads.setStatus(f.id(), "unfollowed", clock.instant());
            return get(f.threadId());
        });
    }

    /**
     * Follows a thread for an address already proven (a confirmed newsletter subscriber acting from their manage page,
     * reached by their token link): confirmed at once, no email. Anyone else goes through {@link #follow}.
     */
    @Transactional
    public void followAsSubscriber(long threadId, String email) {
        get(threadId);
        String token = threads.follow(threadId, email, newToken(), clock.instant());
        threads.follower(token).ifPresent(f -> threads.setStatus(f.id(), "confirmed", clock.instant()));
    }

    /** Stops following, from a subscriber's manage page. */
    @Transactional
    public void unfollowAsSubscriber(long threadId, String email) {
        for (ThreadRepository.Follower f : threads.confirmedFollowers(threadId)) {
            if (f.email().equals(email)) {
                threads.setStatus(f.id(), "unfollowed", clock.instant());
            }
        }
    }

    /** Ids of the threads this address follows (confirmed). */
    java.util.Set<Long> followedBy(String email) {
        return new java.util.HashSet<>(threads.followedThreadIds(email));
    }

    Optional<ThreadRepository.Follower> follower(String token) {
        return token == null || !token.matches("[A-Za-z0-9_-]{20,64}") ? Optional.empty() : threads.follower(token);
    }

    /** One thread an address follows (or asked to), for a person's data export. */
    public record FollowRecord(String thread, String href, String status, Instant since) {
    }

    /** Every thread this address follows or asked to follow. */
    public List<FollowRecord> followsOf(String email) {
        return threads.followsOf(email);
    }

    /** Forgets this address as a follower of every thread (an erasure request); returns how many it followed. */
    @Transactional
    public int eraseFollower(String email) {
        return threads.eraseFollower(email);
    }

    /** Runs in the publishing transaction: a new part goes to the thread's confirmed followers, once. */
    @EventListener
    void articlePublished(ArticlePublished published) {
        Optional<StoryThread> thread = threads.findByArticle(published.articleId());
        Optional<Story> story = stories.findById(published.articleId());
        if (thread.isEmpty() || story.isEmpty() || !threads.markAnnounced(thread.get().id(), published.articleId(), clock.instant())) {
            return;
        }
        String base = settings.current().baseUrl();
        List<ThreadRepository.Follower> followers = threads.confirmedFollowers(thread.get().id());
        for (ThreadRepository.Follower f : followers) {
            Story s = story.get();
            outbox.enqueue(f.email(), thread.get().title() + ": " + s.article().headline(), "New in \"" + thread.get().title() + "\":\n\n"
                    + s.article().headline() + "\n" + s.article().standfirst() + "\n\nRead it: " + base + s.href()
                    + "\nThe whole thread: " + base + thread.get().href() + "\n\n" + footer(thread.get(), base, f.token()).text(),
                    unfollowHeaders(base, f.token()));
        }
        log.info("Article {} announced to {} followers of thread {}", published.articleId(), followers.size(), thread.get().id());
    }

    /** Why a follower gets a thread's email, the link that stops it (the target of {@link #unfollowHeaders}) and the postal address. */
    private MailFooter footer(StoryThread thread, String base, String token) {
        Settings site = settings.current();
        return MailFooter.of(site, "You get this email because you follow \"" + thread.title() + "\" on " + site.name() + ".",
                new MailFooter.Link("Stop following this thread", unfollowUrl(base, token)));
    }

    private static String unfollowUrl(String base, String token) {
        return base + "/stories/unfollow?token=" + token;
    }

    /** RFC 8058: mail programs show an unsubscribe button that POSTs to the unfollow link, which needs no cookie. */
    private static Map<String, String> unfollowHeaders(String base, String token) {
        return Map.of("List-Unsubscribe", "<" + unfollowUrl(base, token) + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private String check(String title, String slug, String summary, long id) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            problems.put("title", "Give the thread a title of at most " + MAX_TITLE + " characters.");
        } else if (title.chars().anyMatch(Character::isISOControl)) {
            // It goes into email subjects and page headings: a line break or control character would break both.
            problems.put("title", "A title is one line, without control characters.");
        }
        if (summary == null || summary.strip().length() > MAX_SUMMARY) {
            problems.put("summary", "At most " + MAX_SUMMARY + " characters.");
        }
        // Without a slug a new thread takes one from its title; a thread that has one keeps it (followers were emailed its address)
        String wanted = slug != null && !slug.isBlank() ? slug.strip() : id != 0 ? get(id).slug() : slugOf(title == null ? "" : title);
        if (!wanted.matches("[a-z0-9]+(-[a-z0-9]+)*") || wanted.length() > 120 || wanted.equals("follow") || wanted.equals("unfollow")) {
            problems.put("slug", "Lower-case letters, digits and hyphens only.");
        } else if (threads.slugTaken(wanted, id)) {
            problems.put("slug", "Another thread already uses the slug '" + wanted + "'.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidThreadException(problems);
        }
        return wanted;
    }

    static String slugOf(String title) {
        String s = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.length() > 80 ? s.substring(0, 80).replaceAll("-+$", "") : s;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void editor(Staff staff) {
        if (!staff.can(Permission.PUBLISH_ANY)) {
            throw new AccessDeniedException("Only editors make story threads.");
        }
    }
}
