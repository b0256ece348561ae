/**
 * Readers who get new posts by email: the subscribe box, double opt-in, consent records, the manage page reached
 * by a signed link, and unsubscribing (including RFC 8058 one-click).
 *
 * <p>Glossary: a <em>subscriber</em> reads email (not to be confused with an <em>account</em>, which signs in to
 * the admin); <em>pending</em> until they confirm, then <em>confirmed</em>; <em>unsubscribed</em> by their own
 * choice; <em>suppressed</em> when their address bounced for good. A <em>cadence</em> is how often they hear
 * from us: each post, a daily digest or a weekly digest.
 */
package press.dispatch.subscriptions;
