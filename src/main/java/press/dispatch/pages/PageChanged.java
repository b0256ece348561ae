package press.dispatch.pages;

/**
 * A page was saved, published, unpublished or deleted.
 *
 * @param everyPage what readers see of the page changed: every public page links the published pages from its footer
 *                  (and the privacy policy from the subscribe box and comment form)
 */
public record PageChanged(long pageId, boolean everyPage) {
}
