package press.dispatch.importer;

import press.dispatch.admin.AdminShell;

/** One import: {@code progress} is "Phase: 42%" while it runs on this node, null otherwise. */
public record ImportRunPage(AdminShell shell, ImportRun run, String progress) {
}
