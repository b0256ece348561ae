package press.dispatch.icons;

import press.dispatch.admin.AdminShell;

/**
 * The site icon screen.
 *
 * @param version null while the neutral icon is in use
 * @param problem why the last upload was refused, or null
 */
public record IconPage(AdminShell shell, String version, String problem) {
}
