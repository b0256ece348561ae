/**
 * Moving a WordPress site to Dispatch: reads a WordPress export (WXR 1.1/1.2) as a stream and brings in its posts,
 * pages, categories, tags, authors, comments and attachments; keeps every old address working as a permanent redirect.
 *
 * <p>Glossary: an <em>export</em> is the WXR file WordPress writes; an <em>item</em> is one of its posts, pages or
 * attachments; an <em>import</em> is one run over an export, all or nothing; a <em>dry run</em> reads and reports but
 * writes nothing; the <em>report</em> counts what was imported, skipped or converted with warnings. A <em>redirect</em>
 * is an old address (path, or {@code /?p=ID}) that answers 301 with a new one. A <em>file</em> is an attachment that is
 * not a photo (a PDF, audio, video or office document) of a kind on the allow-list, served at {@code /files/…}.
 *
 * <p>Invariants: the export is never trusted: DTDs and external entities are refused, URLs in it are never fetched,
 * uploads are read only from the folder or zip the operator gives (no entry outside it), HTML becomes Markdown, which
 * renders no raw HTML. Imported comments never send email and imported stories never become newsletter issues.
 */
package press.dispatch.importer;
