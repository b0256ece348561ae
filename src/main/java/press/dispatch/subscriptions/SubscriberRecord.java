package press.dispatch.subscriptions;

import java.time.Instant;
import java.util.Set;

/** Everything stored about one subscriber, their consent included, as a person's data export gives it. */
public record SubscriberRecord(String email, String status, String cadence, Set<Long> sectionIds, Instant consentAt, String consentForm,
                               String consentIp, Instant confirmedAt, Instant unsubscribedAt, String suppressedReason, Instant createdAt,
                               Instant updatedAt) {
}
