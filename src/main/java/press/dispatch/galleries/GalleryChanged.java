package press.dispatch.galleries;

/**
 * A gallery or one of its photos changed, or it was published, unpublished or deleted.
 *
 * @param listed whether the Pictures page and sitemaps show something different now (title, slug, cover, status)
 */
public record GalleryChanged(long galleryId, boolean listed) {
}
