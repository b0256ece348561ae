/**
 * Data-protection requests: everything Dispatch holds about one person, found by their email address, shown to
 * an owner or admin, exported as JSON, and erased in one transaction (nothing half-erased). This feature owns no
 * table: each feature that holds personal data (comments, subscriptions, the newsletter ledger, the outbox, staff
 * accounts) answers for its own, and this one asks them all.
 *
 * <p>Glossary: a <em>person</em> is an email address and everything held under it — comments written with it,
 * a subscriber record with its consent, newsletter deliveries to it, emails to it or about their comments, a staff
 * account. To <em>export</em> is to hand all of it over as one JSON document; to <em>erase</em> is to delete it,
 * or, where a row must stay for others (a comment others replied to, a delivery counted in an issue's report, a
 * staff row that API keys name), to strip it of everything that was the person's. Their published byline is the
 * newsroom's record and is not erased.
 *
 * <p>Invariant: nothing personal is logged or kept about the request itself — not the address, only counts.
 */
package press.dispatch.privacy;
