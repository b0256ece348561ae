/**
 * Newsletters: one <em>issue</em> per published article (never a second), sent to a frozen audience through a
 * durable per-recipient ledger of <em>deliveries</em>: pending → sending → sent | failed.
 *
 * <p>Invariants: no recipient is ever skipped; a delivery in "sending" is <em>uncertain</em> in the report
 * (the SMTP server may have accepted it without the ledger knowing); after a crash such deliveries are sent again
 * (on SQLite at start-up, on PostgreSQL when their lease ends) and stay marked uncertain, so duplicates are possible
 * only for messages in flight at the crash and each is listed in the report. A <em>digest</em> window starts
 * where the previous window of its kind ended, so a story is in at most one daily and one weekly digest.
 * <em>Submitted</em> means an SMTP server accepted the message, not that it reached the inbox. An issue is "sent"
 * only when every delivery is sent or failed with a reason.
 */
package press.dispatch.newsletter;
