package press.dispatch.galleries;

import press.dispatch.media.Credit;
import press.dispatch.media.MediaItem;

/**
 * One library photo's place in a gallery.
 *
 * @param position        1 for the first photo
 * @param captionOverride the gallery's own caption, empty to use the library's
 * @param creditOverride  the gallery's own credit, empty to use the library's
 */
public record GalleryPhoto(long id, int position, MediaItem media, String captionOverride, Credit creditOverride) {

    public String caption() {
        return captionOverride.isBlank() ? media.caption() : captionOverride;
    }

    public Credit credit() {
        return creditOverride.isEmpty() ? media.credit() : creditOverride;
    }

    /** The library's alt text, else the caption: an image is never without a text alternative. */
    public String alt() {
        return media.altText().isBlank() ? caption() : media.altText();
    }
}
