/**
 * The site's menus: the header navigation and the footer links, edited in the newsroom and the Admin API.
 *
 * <p>Glossary: a <em>menu</em> is one of the two lists ({@code header}, {@code footer}); an <em>item</em> points at a
 * <em>target</em> (a section, a static page or a tag, by id) or at a URL, with a <em>label</em> (blank: the target's
 * name). A menu never <em>edited</em> shows its <em>defaults</em>: the sections in the header, the published pages in
 * the footer. An item whose target was deleted (or a page unpublished) is <em>broken</em>: readers never see it, staff
 * see it marked.
 */
package press.dispatch.menus;
