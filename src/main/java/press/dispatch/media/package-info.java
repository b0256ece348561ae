/**
 * Photos: uploads are decoded, re-encoded (which strips EXIF and GPS metadata) and stored with responsive
 * variants under the data folder (and, with several nodes, in an S3-compatible bucket: {@code MediaStore}); each
 * photo carries a caption, alt text and a structured credit.
 *
 * <p>Glossary: a <em>media item</em> is one uploaded photo; a <em>variant</em> is one re-encoded width of it,
 * served at an immutable URL; a <em>credit</em> names the photographer, the agency or unit, and the licence.
 * An upload waits for its <em>turn</em> to be decoded ({@code DecodingQueue}): the heap has room for only so many
 * decodes at once.
 */
package press.dispatch.media;
