package press.dispatch.articles;

/**
 * An article was written or moved between draft, scheduled and published, whether or not readers can see the change
 * (a new draft, an edit of a draft, scheduling, unpublishing). A change readers can see also publishes
 * {@link ArticleChanged}. The newsroom's search keeps its copy of every article from this.
 */
public record ArticleSaved(long articleId) {
}
