package press.dispatch.articles;

/**
 * The comments an article shows, or their count, changed (a comment was approved, hidden, edited or erased): its
 * page and the listings that show its comment count are stale. Published by whoever changed them; the pages are
 * purged once the change has committed.
 */
public record DiscussionChanged(long articleId) {
}
