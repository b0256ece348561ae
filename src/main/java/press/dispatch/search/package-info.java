/**
 * Full-text search over public stories: the search page, and the one search the rest of Dispatch asks (the
 * newsroom's article list and the Admin API search every article through {@link press.dispatch.articles.DeskSearch}).
 *
 * <p>Glossary: a <em>query</em> is what a reader typed; a <em>term</em> is one word, or one phrase they put in quotes
 * (or wrote joined by punctuation, such as {@code F-35}); a <em>document</em> is the indexed copy of one article's text
 * and status, kept in this feature's own table and refreshed from the articles' events; a <em>hit</em> is one result, with its
 * headline and snippet as {@link press.dispatch.search.Fragment}s (plain text, some marked as matching).
 *
 * <p>Invariants: a query reaches the database only as bound parameters built from terms of letters and digits, never
 * as query syntax; readers only ever find documents whose status is published and whose time has come
 * (drafts are documents for the newsroom), and a change to an article is indexed in the transaction
 * that made it, so results are right as soon as the change is.
 */
package press.dispatch.search;
