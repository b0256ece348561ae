/**
 * Galleries: ordered sets of library photos with their own captions and credits, published at
 * {@code /galleries/{slug}}, listed on the Pictures page ({@code /pictures}) and embedded in article bodies with a
 * line {@code ::gallery[slug]}.
 *
 * <p>Glossary: a <em>gallery</em> is the set; a <em>gallery photo</em> is one library photo's place in it, with a
 * <em>position</em> (1 first) and its own caption and credit, each empty to use the library's. A <em>photo page</em>
 * ({@code /galleries/{slug}/{position}}) shows one photo full size, so the grid works without JavaScript; the
 * <em>lightbox</em> is the same photo shown over the grid when scripts run. Galleries are edited by editors
 * (PUBLISH_ANY), like static pages: a change to a published gallery is live at once.
 */
package press.dispatch.galleries;
