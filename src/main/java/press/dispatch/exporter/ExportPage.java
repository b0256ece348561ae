package press.dispatch.exporter;

import press.dispatch.admin.AdminShell;

/** The export screen: two downloads. */
public record ExportPage(AdminShell shell) {
}
