/**
 * Articles with their sections, tags and authors; publishing and scheduling; the public pages that show them.
 *
 * <p>Glossary: an <em>article</em> is one story in any state; a <em>story</em> is an article as readers see it
 * (published, and its time has come); <em>publish</em> makes an article public now, <em>schedule</em> makes it
 * public at a later time, <em>withdraw</em> takes it back to draft. A <em>byline</em> is the article's authors.
 */
package press.dispatch.articles;
