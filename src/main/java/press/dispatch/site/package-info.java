/**
 * The public shell: site settings (identity, time zone, every public label), the layout every page shares,
 * navigation and error pages.
 *
 * <p>Glossary: a <em>setting</em> is one stored key and value an editor may change; a <em>label</em> is a setting
 * that is text shown to readers (form headings, notices, button texts).
 */
package press.dispatch.site;
