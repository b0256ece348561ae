/**
 * Staff accounts: roles and what each may do, the first-start setup link, invitations, sign-in with throttling,
 * password reset, and API keys. Everything under {@code /admin} and {@code /api} is guarded here.
 *
 * <p>Glossary: a <em>staff member</em> (or account) signs in to the admin; a <em>subscriber</em> only reads email.
 * A <em>role</em> grants a fixed set of {@link press.dispatch.accounts.Permission permissions}; an <em>API key</em>
 * acts for the staff member who made it, with a role of its own.
 */
package press.dispatch.accounts;
