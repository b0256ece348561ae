package press.dispatch.media;

import java.util.List;
import java.util.Set;

/**
 * Where photos are used: each feature that places library photos (articles, galleries) implements this, and the library
 * asks every implementation before it lists a photo as unused or deletes one.
 */
public interface PhotoUses {

    /** What uses this photo, for the "used in" list; empty when nothing does. */
    List<PhotoUse> usesOf(long mediaId);

    /** Every photo id in use, for the library's "unused" filter. */
    Set<Long> photosInUse();

    /**
     * One place a photo appears.
     *
     * @param kind  what it is, in words for an editor: "Article", "Gallery"
     * @param title its title or headline
     * @param href  its page in the admin
     */
    record PhotoUse(String kind, String title, String href) {
    }
}
