package press.dispatch.newsletter;

import java.util.List;

/** Progress of one issue. {@code uncertain} lists addresses that may have received the email twice. */
public record IssueReport(long issueId, Long articleId, String subject, String status, long recipients, long sent, long failed, long pending,
                          List<String> uncertain, List<String> failures) {
}
