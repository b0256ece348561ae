package press.dispatch.newsletter;

import java.time.Instant;

/** One line of the delivery ledger for one address, as a person's data export gives it. */
public record DeliveryRecord(long issueId, String subject, String email, String status, int attempts, boolean uncertain, String lastError,
                             Instant sentAt) {
}
