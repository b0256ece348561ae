package press.dispatch.importer;

import java.util.List;

import press.dispatch.admin.AdminShell;

/** One page of the redirects, found by {@code query}; {@code problem} says why the last edit was refused (or null). */
public record RedirectsPage(AdminShell shell, List<Redirect> redirects, long total, String query, int page, boolean hasMore, String problem) {
}
