package press.dispatch.newsletter;

import java.util.List;

/**
 * Progress of one issue. {@code pending} deliveries wait for their (first or next) attempt; {@code sending} ones are with the
 * mail server now or were when a process died. {@code uncertain} lists the addresses that may have received the email twice:
 * every delivery being sent, and every one sent again after an interruption.
 */
public record IssueReport(long issueId, Long articleId, String subject, String status, long recipients, long sent, long failed, long pending,
                          long sending, List<String> uncertain, List<String> failures) {
}
