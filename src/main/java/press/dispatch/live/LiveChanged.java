package press.dispatch.live;

/**
 * Something readers of a live page see changed: an entry was posted, edited, pinned or deleted, or the coverage
 * started or ended. Published inside the transaction; readers' streams and the page cache act on it after the commit.
 * It carries only the article: each node reads what changed from the database, so the same event can later arrive
 * from another node (a database notification) and be handled the same way.
 */
public record LiveChanged(long articleId) {
}
