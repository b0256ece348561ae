/**
 * Leaving Dispatch (no lock-in): writes the whole site as a WordPress export (WXR 1.2) that WordPress's importer
 * accepts, and a zip of the photos laid out like WordPress's {@code wp-content/uploads}.
 *
 * <p>Glossary: an <em>export</em> is the WXR file; an <em>item</em> is one post, page or attachment in it; the
 * <em>media zip</em> holds the widest stored variant of each photo at the path its attachment names
 * ({@code _wp_attached_file}).
 *
 * <p>Invariants: the file is written as a stream, a batch of rows at a time, never the whole site in memory; text goes
 * into CDATA split at {@code ]]>} with characters XML cannot carry removed; a commenter's email appears only inside
 * that comment's element, and staff emails only for bylines that belong to staff.
 */
package press.dispatch.exporter;
