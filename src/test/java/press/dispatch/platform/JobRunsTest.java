package press.dispatch.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

class JobRunsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final CronExpression DAILY = CronExpression.parse("0 23 3 * * *");

    @Test
    void nodesFiringADailyJobSecondsApartOnEitherSideOfItsTimeNameTheSameSlot() {
        Instant early = JobRuns.slot(DAILY, at("2026-11-30T03:22:58"));
        Instant onTime = JobRuns.slot(DAILY, at("2026-11-30T03:23:00"));
        Instant late = JobRuns.slot(DAILY, at("2026-11-30T03:41:10"));

        assertThat(early).isEqualTo(at("2026-11-30T03:23:00").toInstant()).isEqualTo(onTime).isEqualTo(late);
    }

    @Test
    void theNextDaysRunHasItsOwnSlot() {
        assertThat(JobRuns.slot(DAILY, at("2026-12-01T03:23:01"))).isEqualTo(at("2026-12-01T03:23:00").toInstant());
    }

    @Test
    void anHourlyJobsSlotIsItsNearestHour() {
        CronExpression hourly = CronExpression.parse("0 0 * * * *");
        assertThat(JobRuns.slot(hourly, at("2026-11-30T09:59:59"))).isEqualTo(at("2026-11-30T10:00:00").toInstant());
        assertThat(JobRuns.slot(hourly, at("2026-11-30T10:00:02"))).isEqualTo(at("2026-11-30T10:00:00").toInstant());
    }

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(ZONE);
    }
}
