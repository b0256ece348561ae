package press.dispatch.accounts;

/**
 * The owner account was created: the site is set up. Published inside that transaction.
 *
 * @param firstSection the name given for the site's first section at set-up; null when the owner came from
 *                     DISPATCH_ADMIN_EMAIL/DISPATCH_ADMIN_PASSWORD (the default name is used)
 */
public record SiteSetUp(long ownerId, String firstSection) {
}
