/**
 * Being found: RSS 2.0 and Atom feeds, robots.txt, the sitemap index with its paged sitemaps, and the Google News
 * sitemap. Everything here is a cached public page, tagged with what it shows so that a change purges it exactly
 * like the HTML page of the same thing.
 *
 * <p>Glossary: a <em>feed</em> is one listing (the site, a section, a tag, an author, or comments) in one
 * <em>format</em>, RSS 2.0 or Atom; the <em>partner feed</em> is the site's full-text feed at a secret address,
 * switched off by emptying its secret. A <em>sitemap source</em> is one kind of public address (stories, sections,
 * tags, authors; static pages later) cut into <em>sitemap pages</em> of at most 50,000 addresses; the
 * <em>sitemap index</em> lists every sitemap page. The <em>news sitemap</em> lists stories of the last 48 hours.
 *
 * <p>Invariant: every address in a feed or sitemap is absolute, built on the site's address setting; no email
 * address (of staff or commenters) appears in any feed.
 */
package press.dispatch.feeds;
