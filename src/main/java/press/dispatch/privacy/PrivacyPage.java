package press.dispatch.privacy;

import press.dispatch.admin.AdminShell;

/**
 * The data-protection screen: an address, and what is held under it.
 *
 * @param problem  what is wrong with the address typed, or null
 * @param found    what is held, or null before an address is given
 * @param refusal  why this address may not be erased, or null
 */
public record PrivacyPage(AdminShell shell, String email, String problem, PersonalExport found, String refusal) {
}
