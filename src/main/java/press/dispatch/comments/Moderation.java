package press.dispatch.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

import press.dispatch.articles.DiscussionChanged;
import press.dispatch.articles.Editing;
import press.dispatch.articles.Stories;
import press.dispatch.articles.Story;
import press.dispatch.platform.GroupCommit;
import press.dispatch.platform.HiddenCharacters;
import press.dispatch.platform.JobRuns;
import press.dispatch.platform.Outbox;
import press.dispatch.platform.RateLimiter;
import press.dispatch.platform.RateLimiters;
import press.dispatch.platform.Signatures;
import press.dispatch.site.Setting;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

/**
 * Takes comments in and decides on them. WordPress's rules (first comment held, link-count hold, word lists,
 * flood control) plus checks that need no CAPTCHA and work on cached pages: a honeypot field and a signed form
 * token that proves the form was shown at least a few seconds, and at most a day, before it was sent.
 *
 * <p>Every comment that becomes public for the first time — approved at once, approved later from the queue, the
 * bulk actions or the API, or a staff reply — passes through {@link #shown} exactly once, in the transaction that
 * made it public, whichever path did it; that is where the author of the comment it answers hears of it.
 */
@Service
public class Moderation {

    private static final Logger log = LoggerFactory.getLogger(Moderation.class);
    static final String FORM = "comment-form";
    static final int HOLD = 50;
    static final int SPAM = 100;
    static final Duration FORM_MAX_AGE = Duration.ofDays(1);
    /** One comment per address and per email address in this time, and 20 in {@link #WINDOW}. */
    private static final Duration BURST = Duration.ofSeconds(15);
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final String ERASE_IPS_CRON = "${dispatch.comments.erase-ips-cron:0 23 3 * * *}";
    static final String DUPLICATE = "You have already posted this comment here.";

    private final CommentRepository comments;
    private final Signatures signatures;
    private final SiteSettings settings;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;
    private final Clock clock;
    /** Resolved once: an ObjectProvider looks the bean up again (by type, among every bean) on each call. */
    private final SingletonSupplier<Editing> editing;
    private final SingletonSupplier<Stories> stories;
    private final GroupCommit groupCommit;
    private final boolean rateLimits;
    private final Duration ipRetention;
    private final RateLimiter burstPerIp;
    private final RateLimiter burstPerEmail;
    private final RateLimiter windowPerIp;
    private final RateLimiter windowPerEmail;
    private final JobRuns jobRuns;
    private final String eraseIpsCron;

    Moderation(CommentRepository comments, Signatures signatures, SiteSettings settings, ApplicationEventPublisher events, Outbox outbox, Clock clock,
               @Value("${dispatch.comments.rate-limits:true}") boolean rateLimits,
               @Value("${dispatch.comments.ip-retention-days:30}") int ipRetentionDays,
               org.springframework.beans.factory.ObjectProvider<Editing> editing, GroupCommit groupCommit,
               org.springframework.beans.factory.ObjectProvider<Stories> stories, RateLimiters limiters, JobRuns jobRuns,
               @Value(ERASE_IPS_CRON) String eraseIpsCron) {
        this.jobRuns = jobRuns;
        this.eraseIpsCron = eraseIpsCron;
        this.editing = SingletonSupplier.of(editing::getIfAvailable);
        this.stories = SingletonSupplier.of(stories::getObject);
        this.groupCommit = groupCommit;
        this.comments = comments;
        this.signatures = signatures;
        this.settings = settings;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.ipRetention = Duration.ofDays(ipRetentionDays);
        this.burstPerIp = limiters.perWindow("comments-burst-ip", 1, BURST);
        this.burstPerEmail = limiters.perWindow("comments-burst-email", 1, BURST);
        this.windowPerIp = limiters.perWindow("comments-ip", 20, WINDOW);
        this.windowPerEmail = limiters.perWindow("comments-email", 20, WINDOW);
    }

    /** What happened to a comment that was accepted for storage. */
    public record Outcome(long commentId, String status, List<String> reasons) {
    }

    /** The token the comment form carries: which article, and when the form was made. */
    public String formToken(long articleId) {
        return signatures.sign(FORM, articleId + ":" + clock.instant().getEpochSecond(), null);
    }

    /** Whether new comments are taken on this story now. */
    public boolean open(Story story) {
        if (!story.article().commentsOpen()) {
            return false;
        }
        int days = Integer.parseInt(settings.current().get(Setting.COMMENTS_CLOSE_AFTER_DAYS));
        return days == 0 || story.article().publishedAt().plus(Duration.ofDays(days)).isAfter(clock.instant());
    }

    /**
     * Checks and scores outside any transaction (on SQLite a transaction holds the one write lock), then stores
     * the comment in a short transaction that repeats only the duplicate check, so two identical posts at the
     * same moment still store one.
     */
    public Outcome submit(Story story, CommentForm form, String ip) {
        if (!open(story)) {
            throw new CommentRefusedException(403, "Comments are closed on this article.");
        }
        Map<String, String> problems = form.problems();
        Comment parent = null;
        if (problems.isEmpty() && form.parentId() != null) {
            parent = comments.find(form.parentId()).filter(c -> c.articleId() == story.article().id() && c.status().equals("approved")).orElse(null);
            if (parent == null) {
                problems = Map.of("comment", "The comment you are replying to is not there any more.");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCommentException(problems);
        }
        String email = form.email().strip().toLowerCase(Locale.ROOT);
        String body = form.comment().strip();
        if (rateLimits && !(burstPerIp.tryAcquire(ip) && burstPerEmail.tryAcquire(email))) {
            throw new CommentRefusedException(429, "You are commenting too quickly. Please wait a little and send your comment again.",
                    BURST.toSeconds());
        }
        if (rateLimits && !(windowPerIp.tryAcquire(ip) && windowPerEmail.tryAcquire(email))) {
            throw new CommentRefusedException(429, "You are commenting too quickly. Please wait a little and send your comment again.",
                    WINDOW.toSeconds());
        }
        CommentRepository.Precheck precheck = comments.precheck(story.article().id(), email, body);
        if (precheck.duplicate()) {
            throw new CommentRefusedException(409, DUPLICATE);
        }
        Settings site = settings.current();
        List<String> reasons = new ArrayList<>();
        int score = score(story.article().id(), form, email, body, ip, site, reasons, precheck.approvedBefore());
        String status = score >= SPAM ? "spam" : score >= HOLD ? "pending" : "approved";
        int depthLimit = Integer.parseInt(site.get(Setting.COMMENTS_THREAD_DEPTH));
        Long parentId = parent == null ? null : parent.depth() >= depthLimit ? parent.parentId() : parent.id();
        int depth = parent == null ? 1 : Math.min(parent.depth() + 1, depthLimit);
        Comment replyTo = parent;
        // Read before the write transaction, which on SQLite holds the only write lock.
        List<String> moderators = status.equals("pending") ? moderators(story) : List.of();
        boolean notifies = status.equals("approved") ? replyTo != null : status.equals("pending") && !moderators.isEmpty();
        Supplier<Long> store = () -> {
            // Where writes run one at a time this repeat of the pre-check is exact: two identical posts at the same
            // moment store one. (PostgreSQL's read-committed transactions could not make it exact; there the
            // pre-check above stands alone.)
            if (groupCommit.serial() && comments.sameTextExists(story.article().id(), email, body)) {
                throw new CommentRefusedException(409, DUPLICATE);
            }
            long stored = comments.insert(story.article().id(), parentId, replyTo == null ? null : replyTo.id(), depth,
                    HiddenCharacters.removedFromName(form.name()), email, form.website().strip(), body, status, score, String.join("; ", reasons), ip,
                    form.notifyReplies(), false, clock.instant());
            if (status.equals("approved")) {
                shown(story, stored);
            } else if (status.equals("pending")) {
                notifyModerators(story, moderators, stored, HiddenCharacters.removedFromName(form.name()), body, reasons);
            }
            return stored;
        };
        // The comment and the emails about it are stored together or not at all; a comment alone is one statement.
        long id = notifies ? groupCommit.write(store) : groupCommit.writeStatement(store);
        if (status.equals("approved")) {
            purge(story.article().id());
        }
        return new Outcome(id, status, reasons);
    }

    /** Each check adds a score and its reason: below 50 approves, 50 to 99 holds, 100 or more is spam. */
    private int score(long articleId, CommentForm form, String email, String body, String ip, Settings site, List<String> reasons,
                      boolean approvedBefore) {
        int score = 0;
        if (!form.honeypot().isEmpty()) {
            score += 100;
            reasons.add("the hidden field was filled in");
        }
        Optional<String> token = signatures.verify(FORM, form.token());
        if (token.isEmpty() || !token.get().startsWith(articleId + ":")) {
            score += 100;
            reasons.add("no valid form token");
        } else {
            long age = clock.instant().getEpochSecond() - Long.parseLong(token.get().substring(token.get().indexOf(':') + 1));
            long min = Long.parseLong(site.get(Setting.COMMENTS_MIN_SECONDS));
            if (age < min) {
                score += 60;
                reasons.add("sent " + age + " s after the form was shown (at least " + min + " s expected)");
            } else if (age > FORM_MAX_AGE.toSeconds()) {
                score += 60;
                reasons.add("the form was shown more than a day earlier");
            }
        }
        String haystack = String.join("\n", form.name(), email, form.website(), body, ip == null ? "" : ip).toLowerCase(Locale.ROOT);
        WordList spam = WordList.of(site.get(Setting.COMMENTS_SPAM_WORDS), spamWords);
        spamWords = spam;
        spam.words().stream().filter(haystack::contains).findFirst().ifPresent(w -> reasons.add("spam word: " + w));
        if (reasons.stream().anyMatch(r -> r.startsWith("spam word"))) {
            score += 100;
        }
        WordList hold = WordList.of(site.get(Setting.COMMENTS_HOLD_WORDS), holdWords);
        holdWords = hold;
        hold.words().stream().filter(haystack::contains).findFirst().ifPresent(w -> reasons.add("hold word: " + w));
        if (reasons.stream().anyMatch(r -> r.startsWith("hold word"))) {
            score += 50;
        }
        int links = CommentText.countLinks(body);
        int maxLinks = Integer.parseInt(site.get(Setting.COMMENTS_MAX_LINKS));
        if (links > maxLinks) {
            score += 50;
            reasons.add(links + " links (more than " + maxLinks + ")");
        }
        if (site.get(Setting.COMMENTS_MODERATION).equals("hold_all")) {
            score += 50;
            reasons.add("every comment is held");
        } else if (!approvedBefore) {
            score += 50;
            reasons.add("first comment from this address");
        }
        return score;
    }

    /** A word list as the settings hold it (one per line) and as the checks use it, parsed once per change. */
    private record WordList(String source, List<String> words) {

        static final WordList EMPTY = new WordList("", List.of());

        /** {@code kept} when the setting is unchanged, else the new setting parsed. */
        static WordList of(String list, WordList kept) {
            return kept.source().equals(list) ? kept : new WordList(list, Arrays.stream(list.split("[\\r\\n]+"))
                    .map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList());
        }
    }

    private volatile WordList spamWords = WordList.EMPTY;
    private volatile WordList holdWords = WordList.EMPTY;

    public List<Comment> queue(String status, int offset, int limit) {
        return comments.listByStatus(status, offset, limit);
    }

    public long count(String status) {
        return comments.countByStatus(status);
    }

    public Optional<Comment> find(long id) {
        return comments.find(id);
    }

    @Transactional
    public void approve(Story story, long... ids) {
        move(story, "approved", ids);
    }

    @Transactional
    public void unapprove(Story story, long... ids) {
        move(story, "pending", ids);
    }

    @Transactional
    public void markSpam(Story story, long... ids) {
        move(story, "spam", ids);
    }

    @Transactional
    public void trash(Story story, long... ids) {
        move(story, "trash", ids);
    }

    @Transactional
    public void edit(Story story, long id, String body) {
        comments.editBody(id, checkedBody(body));
        purge(story.article().id());
    }

    /**
     * Moves one comment to a status (approved, pending, spam, trash), wherever it is; the article's pages are
     * refreshed when the article is public. Empty when there is no such comment.
     */
    @Transactional
    public Optional<Comment> moveTo(long id, String status) {
        return comments.find(id).map(c -> {
            if (comments.setStatus(id, status, clock.instant())) {
                stories.get().findById(c.articleId()).ifPresent(story -> shown(story, id));
            }
            purge(c.articleId());
            return comments.find(id).orElseThrow();
        });
    }

    /** Replaces one comment's text, wherever it is; false when there is no such comment. */
    @Transactional
    public boolean edit(long id, String body) {
        String text = checkedBody(body);
        return comments.find(id).map(c -> {
            comments.editBody(id, text);
            purge(c.articleId());
            return true;
        }).orElse(false);
    }

    private static String checkedBody(String body) {
        if (body == null || body.isBlank() || body.length() > CommentForm.MAX_COMMENT) {
            throw new InvalidCommentException(Map.of("comment", "A comment needs 1 to " + CommentForm.MAX_COMMENT + " characters."));
        }
        return HiddenCharacters.removedFromText(body).strip();
    }

    /** A staff reply: approved at once and marked as the newsroom's. */
    @Transactional
    public long replyAsStaff(Story story, long parentId, String staffName, String staffEmail, String body) {
        Comment parent = comments.find(parentId).filter(c -> c.articleId() == story.article().id())
                .orElseThrow(() -> new InvalidCommentException(Map.of("comment", "No such comment on this article.")));
        int depthLimit = Integer.parseInt(settings.current().get(Setting.COMMENTS_THREAD_DEPTH));
        long id = comments.insert(story.article().id(), parent.depth() >= depthLimit ? parent.parentId() : parent.id(), parent.id(),
                Math.min(parent.depth() + 1, depthLimit), staffName, staffEmail.toLowerCase(Locale.ROOT), "", HiddenCharacters.removedFromText(body).strip(),
                "approved", 0, "staff",
                null, false, true, clock.instant());
        shown(story, id);
        purge(story.article().id());
        return id;
    }

    private void move(Story story, String status, long... ids) {
        for (long id : ids) {
            comments.find(id).filter(c -> c.articleId() == story.article().id()).ifPresent(c -> {
                if (comments.setStatus(id, status, clock.instant())) {
                    shown(story, id);
                }
            });
        }
        purge(story.article().id());
    }

    /**
     * Approving, hiding or editing a comment changes the article page and the counts in lists: they are purged
     * once the change has committed (at once outside a transaction).
     */
    private void purge(long articleId) {
        events.publishEvent(new DiscussionChanged(articleId));
    }

    /** Who hears of a held comment: the moderator address of the settings and the staff in the article's byline. */
    private List<String> moderators(Story story) {
        java.util.Set<String> recipients = new java.util.LinkedHashSet<>();
        String moderator = settings.current().get(Setting.COMMENTS_MODERATOR_EMAIL);
        if (!moderator.isBlank()) {
            recipients.add(moderator.toLowerCase(Locale.ROOT));
        }
        Editing byline = editing.get();
        if (byline != null) {
            recipients.addAll(byline.bylineEmails(story.article().id()));
        }
        return List.copyOf(recipients);
    }

    /** Tells each moderator of a held comment, with a link to the queue. */
    private void notifyModerators(Story story, List<String> recipients, long id, String name, String body, List<String> reasons) {
        Settings site = settings.current();
        for (String to : recipients) {
            outbox.enqueue(to, "Comment held for moderation on \"" + story.article().headline() + "\"", """
                    A comment by %s is waiting for moderation on %s%s

                    Why it was held: %s

                    %s

                    Approve, mark as spam or trash it in the moderation queue:
                    %s/admin/comments?status=pending#comment-%d
                    """.formatted(name, site.baseUrl(), story.href(), String.join("; ", reasons), body, site.baseUrl(), id));
        }
    }

    /**
     * A comment has just become public for the first time (the caller saw {@code approved_at} set by its own write). If it
     * answers someone who asked to hear of replies, they get one email; the stop link is one click.
     */
    private void shown(Story story, long commentId) {
        comments.replyNotice(commentId).ifPresent(notice -> {
            Settings site = settings.current();
            String stop = site.baseUrl() + "/comments/stop-replies?token=" + signatures.sign("comment-replies", Long.toString(notice.answeredId()), null);
            outbox.enqueue(notice.email(), "New reply to your comment on \"" + story.article().headline() + "\"", """
                    Someone replied to your comment on %s:

                    %s%s#comment-%d

                    To stop emails about replies to this comment: %s
                    """.formatted(site.name(), site.baseUrl(), story.href(), commentId, stop));
        });
    }

    /** Stops reply emails for the comment a stop link names; false if the link is broken. */
    @Transactional
    /** Whether the token is one of our "stop reply notifications" links. */
    public boolean isStopRepliesToken(String token) {
        return signatures.verify("comment-replies", token == null ? "" : token).isPresent();
    }

    public boolean stopReplies(String token) {
        return signatures.verify("comment-replies", token == null ? "" : token).map(Long::valueOf).map(id -> {
            comments.stopReplies(id);
            return true;
        }).orElse(false);
    }

    /** Once a day across all nodes (whichever claims the day's run). */
    @Scheduled(cron = ERASE_IPS_CRON)
    @Transactional
    public void eraseOldIps() {
        if (!jobRuns.claim("comments-erase-ips", eraseIpsCron)) {
            return;
        }
        int erased = comments.eraseIps(clock.instant().minus(ipRetention));
        if (erased > 0) {
            log.info("Erased the IP address of {} comments older than {} days", erased, ipRetention.toDays());
        }
    }
}
