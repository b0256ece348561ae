package press.dispatch.media;

import java.util.List;

/** A photo was not deleted because something still shows it; the uses say what. */
public final class PhotoInUseException extends RuntimeException {

    private final transient List<PhotoUses.PhotoUse> uses;

    PhotoInUseException(long id, List<PhotoUses.PhotoUse> uses) {
        super("Photo #" + id + " is used in " + uses.size() + (uses.size() == 1 ? " place" : " places") + "; remove it there first.");
        this.uses = List.copyOf(uses);
    }

    public List<PhotoUses.PhotoUse> uses() {
        return uses;
    }
}
