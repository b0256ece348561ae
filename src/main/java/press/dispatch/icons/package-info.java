/**
 * The site icon: one square image uploaded in Settings, re-encoded into the sizes browsers and phones ask for
 * ({@code favicon.ico} with 16, 32 and 48 pixels, a 32-pixel PNG, the 180-pixel {@code apple-touch-icon}, and the
 * 192- and 512-pixel icons of {@code /site.webmanifest}), stored in the database so every node serves the same bytes.
 *
 * <p>Glossary: the <em>icon</em> is the site's (never a photo's); its <em>version</em> is a hash of its pixels that every
 * icon address carries, so a new icon has new addresses and the old ones may be cached for a year.
 */
package press.dispatch.icons;
