/**
 * How pages describe themselves to search engines and sharing cards: the canonical address, the description,
 * OpenGraph and Twitter card tags, and JSON-LD structured data, all as one {@link press.dispatch.metadata.HeadMetadata}
 * that a page record carries into the layout's {@code <head>}.
 *
 * <p>Glossary: a <em>page description</em> is everything a page says about itself in its head; the <em>search
 * title</em> and <em>search description</em> are what a search result shows (an editor may override them per
 * article); the <em>social image</em> is the picture a sharing card shows. Every address in the head is
 * absolute, made from the site's base URL setting.
 *
 * <p>Invariant: JSON-LD never lets text out of its {@code <script>} element: {@code <}, {@code >} and {@code &}
 * are written as JSON escapes.
 */
package press.dispatch.metadata;
