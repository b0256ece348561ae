/**
 * Static pages (About, Contact, Privacy policy, Terms…) at {@code /{slug}}, with their editor, revisions and API.
 *
 * <p>Glossary: a <em>page</em> is a static page, never an article: it has no section, tags, byline, comments or
 * date line, and is never in a listing, a feed of stories, a newsletter or a digest. Its <em>working copy</em> is
 * what the editor saved; its <em>live</em> title and body are what readers see, copied from the working copy when
 * the page is <em>published</em>. <em>Unpublish</em> takes it off the site. A <em>reserved</em> slug is one the
 * site's own routes use ({@code admin}, {@code api}, {@code articles}…); no page may have it.
 */
package press.dispatch.pages;
