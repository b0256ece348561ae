/**
 * Articles with their sections, tags and authors; publishing and scheduling; the public pages that show them.
 *
 * <p>Glossary: an <em>article</em> is one story in any state; a <em>story</em> is an article as readers see it
 * (published, and its time has come); <em>publish</em> makes an article public now, <em>schedule</em> makes it
 * public at a later time, <em>withdraw</em> takes it back to draft. A <em>byline</em> is the article's authors.
 * A <em>section</em> files each article (one, in navigation order); a <em>tag</em> is any number of topics. Their
 * structure changes only through {@link press.dispatch.articles.Sections} and {@link press.dispatch.articles.Tags};
 * an <em>old slug</em> is an address they had before, which answers 301 to the current one.
 */
package press.dispatch.articles;
