package press.dispatch.newsletter;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import press.dispatch.articles.Stories;
import press.dispatch.articles.StoryCard;
import press.dispatch.platform.SqlTime;
import press.dispatch.site.Setting;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;
import press.dispatch.site.SiteSettingsChanged;
import press.dispatch.subscriptions.Cadence;

/**
 * Daily and weekly digests at the times in the site settings (site time zone). Each kind keeps a schedule row: the
 * end of the last window it covered and its next moment. A digest covers the stories published from the previous
 * window's end to its moment, so windows of one kind never overlap and a story is in at most one daily and one
 * weekly digest. A changed time (or day, or time zone) takes effect from the first such moment after the change,
 * never one already past. When a window has no stories nothing is created and nothing is sent; a node that was down
 * over several moments makes one digest for the whole gap. Claiming a moment is one conditional UPDATE in the same
 * transaction as its issue, so several nodes never make two.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    static final int MAX_STORIES = 30;
    /** How many of a window's stories are read before each reader's sections are picked from them. */
    static final int WINDOW_STORIES = 1000;

    private final JdbcClient jdbc;
    private final Stories stories;
    private final SiteSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Digests(JdbcClient jdbc, Stories stories, SiteSettings settings, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A digest's subject, counting the stories in that very email. */
    static String subject(Cadence cadence, int stories, String siteName) {
        return (cadence == Cadence.DAILY ? "Your daily digest" : "Your weekly digest") + ": " + stories
                + (stories == 1 ? " new story" : " new stories") + " from " + siteName;
    }

    @Scheduled(fixedDelayString = "${dispatch.digests.check-every:30s}", initialDelayString = "${dispatch.digests.first-check:10s}")
    void tick() {
        // When the settings were saved on this node since the last check, a changed time counts from that moment; otherwise
        // (saved on another node, or before a restart) from now, which is later, never earlier.
        Instant since = settingsSavedAt.getAndSet(null);
        advance(Cadence.DAILY, since);
        advance(Cadence.WEEKLY, since);
    }

    private final AtomicReference<Instant> settingsSavedAt = new AtomicReference<>();

    @TransactionalEventListener(fallbackExecution = true)
    void settingsChanged(SiteSettingsChanged changed) {
        settingsSavedAt.set(clock.instant());
    }

    private record Schedule(String schedule, Instant coveredUntil, Instant nextAt) {
    }

    private void advance(Cadence cadence, Instant since) {
        String kind = cadence.name().toLowerCase(Locale.ROOT);
        Settings site = settings.current();
        String wanted = scheduleOf(cadence, site);
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            Optional<Schedule> current = jdbc.sql("SELECT schedule, covered_until, next_at FROM digest_schedules WHERE kind = :kind")
                    .param("kind", kind)
                    .query((rs, n) -> new Schedule(rs.getString("schedule"), SqlTime.read(rs, "covered_until"), SqlTime.read(rs, "next_at")))
                    .optional();
            Instant changedAt = since == null || since.isAfter(now) ? now : since;
            Schedule schedule;
            if (current.isEmpty()) {
                schedule = start(cadence, kind, wanted, site, changedAt);
            } else if (!current.get().schedule().equals(wanted)) {
                Instant next = next(cadence, site, changedAt);
                int moved = jdbc.sql("UPDATE digest_schedules SET schedule = :wanted, next_at = :next WHERE kind = :kind AND schedule = :was")
                        .param("wanted", wanted).param("next", SqlTime.of(next)).param("kind", kind).param("was", current.get().schedule()).update();
                if (moved == 0) {
                    return;
                }
                log.info("The {} digest now goes out at {}; the next one is at {}", kind, wanted, next);
                schedule = new Schedule(wanted, current.get().coveredUntil(), next);
            } else {
                schedule = current.get();
            }
            if (schedule == null || now.isBefore(schedule.nextAt())) {
                return;
            }
            // After a gap (the site was down over several moments) one digest covers everything since the last window.
            Instant moment = latest(cadence, site, now);
            int claimed = jdbc.sql("""
                    UPDATE digest_schedules SET covered_until = :moment, next_at = :next WHERE kind = :kind AND next_at = :was
                    """).param("moment", SqlTime.of(moment)).param("next", SqlTime.of(next(cadence, site, moment))).param("kind", kind)
                    .param("was", SqlTime.of(schedule.nextAt())).update();
            if (claimed == 1) {
                create(cadence, kind, schedule.coveredUntil(), moment, site);
            }
        });
    }

    /**
     * The first schedule of a kind: its next moment is the first one from now, and its first window is one whole period
     * long, but never reaches back over a digest an earlier version already made.
     */
    private Schedule start(Cadence cadence, String kind, String wanted, Settings site, Instant now) {
        Instant next = next(cadence, site, now);
        ZonedDateTime zoned = next.atZone(site.zone());
        Instant from = (cadence == Cadence.DAILY ? zoned.minusDays(1) : zoned.minusWeeks(1)).toInstant();
        Optional<Instant> lastMade = jdbc.sql("""
                SELECT window_end FROM newsletter_issues WHERE kind = :kind AND article_id IS NULL ORDER BY window_end DESC LIMIT 1
                """).param("kind", kind).query((rs, n) -> SqlTime.read(rs, "window_end")).optional();
        if (lastMade.isPresent() && lastMade.get().isAfter(from)) {
            from = lastMade.get();
        }
        int started = jdbc.sql("""
                INSERT INTO digest_schedules (kind, schedule, covered_until, next_at) VALUES (:kind, :schedule, :from, :next)
                ON CONFLICT (kind) DO NOTHING
                """).param("kind", kind).param("schedule", wanted).param("from", SqlTime.of(from)).param("next", SqlTime.of(next)).update();
        return started == 1 ? new Schedule(wanted, from, next) : null;
    }

    /** What the settings say, zone included: any change to it moves the next moment. */
    private static String scheduleOf(Cadence cadence, Settings site) {
        String time = site.get(cadence == Cadence.DAILY ? Setting.DIGEST_DAILY_TIME : Setting.DIGEST_WEEKLY_TIME);
        return (cadence == Cadence.DAILY ? "" : site.get(Setting.DIGEST_WEEKLY_DAY) + " ") + time + " " + site.zone().getId();
    }

    /** The last digest moment at or before {@code at}. */
    private static Instant latest(Cadence cadence, Settings site, Instant at) {
        ZonedDateTime now = at.atZone(site.zone());
        if (cadence == Cadence.DAILY) {
            ZonedDateTime moment = now.with(LocalTime.parse(site.get(Setting.DIGEST_DAILY_TIME)));
            return (moment.isAfter(now) ? moment.minusDays(1) : moment).toInstant();
        }
        DayOfWeek day = DayOfWeek.valueOf(site.get(Setting.DIGEST_WEEKLY_DAY));
        ZonedDateTime moment = now.with(TemporalAdjusters.previousOrSame(day)).with(LocalTime.parse(site.get(Setting.DIGEST_WEEKLY_TIME)));
        return (moment.isAfter(now) ? moment.minusWeeks(1) : moment).toInstant();
    }

    /** The first digest moment strictly after {@code at}. */
    private static Instant next(Cadence cadence, Settings site, Instant at) {
        ZonedDateTime moment = latest(cadence, site, at).atZone(site.zone());
        return (cadence == Cadence.DAILY ? moment.plusDays(1) : moment.plusWeeks(1)).toInstant();
    }

    private void create(Cadence cadence, String kind, Instant from, Instant to, Settings site) {
        List<StoryCard> cards = stories.emailedBetween(from, to, WINDOW_STORIES);
        if (cards.isEmpty()) {
            return;
        }
        // What the newsroom sees in the list of issues; each reader's email counts only the stories it holds.
        String subject = subject(cadence, cards.size(), site.name());
        int created = jdbc.sql("""
                INSERT INTO newsletter_issues (kind, window_start, window_end, subject, status, audience_frozen_at, created_at)
                VALUES (:kind, :from, :to, :subject, 'preparing', :to, :now)
                ON CONFLICT (kind, window_end) WHERE article_id IS NULL DO NOTHING
                """).param("kind", kind).param("from", SqlTime.of(from)).param("to", SqlTime.of(to)).param("subject", subject)
                .param("now", SqlTime.of(clock.instant())).update();
        if (created == 1) {
            log.info("Created the {} digest for {} with {} stories", kind, to, cards.size());
        }
    }
}
