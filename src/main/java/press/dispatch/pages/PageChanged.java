package press.dispatch.pages;

/**
 * A page was saved, published, unpublished or deleted.
 *
 * @param everyPage the privacy policy's address changed (it is linked from the subscribe box and the comment form)
 */
public record PageChanged(long pageId, boolean everyPage) {
}
