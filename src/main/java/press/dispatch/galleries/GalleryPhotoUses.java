package press.dispatch.galleries;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import press.dispatch.media.PhotoUses;

/** Galleries use the library photos they hold: the library lists them under "Used in" and will not delete them. */
@Component
class GalleryPhotoUses implements PhotoUses {

    private final Galleries galleries;

    GalleryPhotoUses(Galleries galleries) {
        this.galleries = galleries;
    }

    @Override
    public List<PhotoUse> usesOf(long mediaId) {
        return galleries.listUsing(mediaId).stream()
                .map(g -> new PhotoUse("Gallery", g.title(), "/admin/galleries/" + g.id()))
                .toList();
    }

    @Override
    public Set<Long> photosInUse() {
        return galleries.photosInUse();
    }
}
