package press.dispatch.newsletter;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import press.dispatch.articles.Stories;
import press.dispatch.articles.StoryCard;
import press.dispatch.platform.SqlTime;
import press.dispatch.site.Setting;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;
import press.dispatch.subscriptions.Cadence;

/**
 * Daily and weekly digests at the times in the site settings (site time zone). A digest covers the stories
 * published since the previous digest moment; when there are none, nothing is created and nothing is sent.
 * One issue per (kind, moment), enforced by a unique index, so several nodes never make two.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    static final int MAX_STORIES = 30;

    private final JdbcClient jdbc;
    private final Stories stories;
    private final SiteSettings settings;
    private final Clock clock;

    Digests(JdbcClient jdbc, Stories stories, SiteSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dispatch.digests.check-every:30s}", initialDelayString = "${dispatch.digests.first-check:10s}")
    void tick() {
        Settings site = settings.current();
        ZonedDateTime now = clock.instant().atZone(site.zone());
        LocalTime daily = LocalTime.parse(site.get(Setting.DIGEST_DAILY_TIME));
        ZonedDateTime dailyMoment = now.with(daily);
        if (dailyMoment.isAfter(now)) {
            dailyMoment = dailyMoment.minusDays(1);
        }
        create(Cadence.DAILY, dailyMoment.minusDays(1).toInstant(), dailyMoment.toInstant());

        LocalTime weekly = LocalTime.parse(site.get(Setting.DIGEST_WEEKLY_TIME));
        DayOfWeek day = DayOfWeek.valueOf(site.get(Setting.DIGEST_WEEKLY_DAY));
        ZonedDateTime weeklyMoment = now.with(TemporalAdjusters.previousOrSame(day)).with(weekly);
        if (weeklyMoment.isAfter(now)) {
            weeklyMoment = weeklyMoment.minusWeeks(1);
        }
        create(Cadence.WEEKLY, weeklyMoment.minusWeeks(1).toInstant(), weeklyMoment.toInstant());
    }

    private void create(Cadence cadence, Instant from, Instant to) {
        String kind = cadence.name().toLowerCase(java.util.Locale.ROOT);
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM newsletter_issues WHERE kind = :kind AND window_end = :to AND article_id IS NULL")
                .param("kind", kind).param("to", SqlTime.of(to)).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        List<StoryCard> cards = stories.publishedBetween(from, to, MAX_STORIES);
        if (cards.isEmpty()) {
            return;
        }
        String subject = (cadence == Cadence.DAILY ? "Your daily digest" : "Your weekly digest") + ": " + cards.size()
                + (cards.size() == 1 ? " new story" : " new stories") + " from " + settings.current().name();
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
