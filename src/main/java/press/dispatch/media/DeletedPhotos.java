package press.dispatch.media;

import java.util.List;

import org.springframework.stereotype.Component;

import press.dispatch.platform.PageCache;

/**
 * A deleted photo's files go from every node: the deleting node removes its own copy and the shared store's, and
 * tells the others through the page cache's purge broadcast, so a copy another node fetched from the store to serve
 * or cut crops from is removed there too.
 */
@Component
class DeletedPhotos {

    static final String TAG_PREFIX = "photo-deleted:";

    private final PageCache cache;

    DeletedPhotos(PageCache cache, MediaLibrary library) {
        this.cache = cache;
        cache.followOtherNodes(tags -> {
            if (tags == null) {
                return;
            }
            for (String tag : tags) {
                if (tag.startsWith(TAG_PREFIX)) {
                    String key = tag.substring(TAG_PREFIX.length());
                    if (key.matches(MediaLibrary.KEY_PATTERN)) {
                        MediaLibrary.deleteQuietly(library.root().resolve(key));
                    }
                }
            }
        });
    }

    /** Removes the photo's files here and in the store, and has every other node remove its copy. */
    void deleted(MediaLibrary library, String key) {
        library.deleteFiles(key);
        cache.purge(List.of(TAG_PREFIX + key));
    }
}
