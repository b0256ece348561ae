package press.dispatch.newsletter;

import java.util.List;

import press.dispatch.admin.AdminShell;

/** The newsletter screen: recent issues with their delivery counts, or one issue with its failures and uncertain deliveries. */
public record IssuesPage(AdminShell shell, List<IssueReport> issues, IssueReport detail, long unaddressed) {
}
