/**
 * Corrections, clarifications and updates as records on an article: shown at its foot (a correction also flagged at
 * its top), in its structured data and feed entry, and on the site's public corrections page.
 *
 * <p>Glossary: a <em>correction</em> (the record, whatever its kind) has a <em>kind</em> — correction (something was
 * wrong), clarification (something was unclear) or update (something new is known) — its text, its time and who
 * added it. To <em>amend</em> one replaces its kind or text and keeps the earlier wording as an <em>amendment</em>,
 * which staff see. Nothing here deletes a record. <em>Earlier recipients</em> are the addresses the newsletter
 * delivery ledger says the article was sent to; they alone get the optional correction email.
 */
package press.dispatch.corrections;
