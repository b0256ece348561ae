/**
 * Live coverage: an article made into a live page, its timestamped entries, and the readers' stream (Server-Sent
 * Events) that brings new, edited and deleted entries to open pages.
 *
 * <p>Glossary: <em>coverage</em> is the span an article is live, from when it was made live until it was ended; an
 * <em>entry</em> is one timestamped update on it (text, a photo, a quote, an embed link, or several of them); a
 * <em>key event</em> is a pinned entry, listed at the top; a <em>change</em> is any posting, edit or deletion of an
 * entry, numbered in order per article by its <em>sequence</em>, which is the stream's event id. A <em>broadcaster</em>
 * fans one article's changes out to every reader connected to it on this node. A <em>connection</em> is one reader's
 * open stream, held either by the servlet container on the site's port or by the <em>stream port</em>, the optional
 * port of its own ({@code dispatch.live.stream-port}) where thousands of streams cost little memory.
 *
 * <p>Invariant: a reader who reconnects with the last event id they saw receives every change after it, in order;
 * sequences are taken under the coverage row's lock, so they commit in the order they are numbered.
 */
package press.dispatch.live;
