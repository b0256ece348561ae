package press.dispatch.importer;

import java.util.List;

import press.dispatch.admin.AdminShell;

/** The import screen: the upload form (with the invitations asked for, kept when refused), why the last upload was refused (or null), and the kept runs. */
public record ImportPage(AdminShell shell, List<ImportRun> runs, String problem, String invite) {
}
