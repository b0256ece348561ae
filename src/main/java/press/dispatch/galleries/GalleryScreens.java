package press.dispatch.galleries;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;
import press.dispatch.media.MediaItem;
import press.dispatch.metadata.HeadMetadata;
import press.dispatch.site.Shell;

/** Page records of the public gallery pages and the newsroom's gallery screens. */
public final class GalleryScreens {

    private GalleryScreens() {
    }

    public record PicturesPage(Shell shell, List<Galleries.Listed> galleries, HeadMetadata head) {
    }

    public record GalleryPage(Shell shell, Gallery gallery, List<GalleryPhoto> photos, HeadMetadata head) {
    }

    /** One photo of a gallery full size, with links to the one before and after (null at either end). */
    public record PhotoPage(Shell shell, Gallery gallery, GalleryPhoto photo, int count, String previousHref, String nextHref, HeadMetadata head) {
    }

    public record ListPage(AdminShell shell, List<Gallery> galleries) {
    }

    /**
     * @param id      null for a gallery not saved yet
     * @param library the newest library photos to choose from
     */
    public record EditorPage(AdminShell shell, Long id, Gallery gallery, GalleryDraft form, List<GalleryPhoto> photos, List<MediaItem> library,
                             Map<String, String> problems) {
        public String problem(String field) {
            return problems.get(field);
        }

        public boolean inGallery(long mediaId) {
            return photos.stream().anyMatch(p -> p.media().id() == mediaId);
        }
    }
}
