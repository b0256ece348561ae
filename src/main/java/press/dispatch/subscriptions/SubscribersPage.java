package press.dispatch.subscriptions;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;

/** The subscriber screen: counts by status, one page of one status, import results or problems. */
public record SubscribersPage(AdminShell shell, String status, Map<String, Long> counts, List<Subscriber> subscribers, int page, boolean hasMore,
                              Map<Integer, String> importProblems) {
}
