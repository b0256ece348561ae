/**
 * Embargoes and two-person release: rules over the moment an article goes public, held by {@link press.dispatch.release.ReleaseGate}
 * at the one place that publishes ({@link press.dispatch.articles.Publishing}), whatever the path or role.
 *
 * <p>Glossary: an <em>embargo</em> is a time before which an article cannot be published or scheduled (and so is in
 * no feed, partner feed or newsletter). A <em>sensitive</em> article needs a <em>release</em>: one editor's
 * <em>request</em> (publish now or at a time) waits in the <em>release queue</em> until a second editor
 * <em>approves</em> it (which publishes or schedules it) or <em>sends it back</em> with a note. The owner may
 * <em>release alone</em>, with a stated reason. Every request and its outcome is the article's <em>trail</em>,
 * kept for staff. A <em>hold</em> is an article's embargo and sensitive flag together.
 */
package press.dispatch.release;
