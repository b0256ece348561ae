package press.dispatch.media;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;

/** One photo's detail panel: its description form, focal point, crops and where it is used. */
public record PhotoPage(AdminShell shell, Cataloguing.Entry entry, Map<String, String> values, Map<String, String> problems,
                        boolean mayEdit, boolean mayDelete, List<PhotoUses.PhotoUse> refusedUses) {

    public MediaItem photo() {
        return entry.photo();
    }

    public List<MediaItem.Crop> crops() {
        return List.of(photo().crop(MediaItem.Ratio.SIXTEEN_NINE, 480), photo().crop(MediaItem.Ratio.FOUR_THREE, 480),
                photo().crop(MediaItem.Ratio.SQUARE, 480));
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }
}
