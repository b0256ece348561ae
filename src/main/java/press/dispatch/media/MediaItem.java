package press.dispatch.media;

import java.util.List;
import java.util.stream.Collectors;

/** A stored photo and its variants, narrowest first. */
public record MediaItem(long id, String storageKey, int width, int height, String caption, String altText, Credit credit,
                        List<Variant> variants) {

    public record Variant(int width, int height) {
    }

    public String url(Variant variant) {
        return "/media/" + storageKey + "/" + variant.width() + ".jpg";
    }

    /** The variant closest to, and not narrower than, the wanted width (else the widest). */
    public Variant variantFor(int wantedWidth) {
        for (Variant v : variants) {
            if (v.width() >= wantedWidth) {
                return v;
            }
        }
        return variants.get(variants.size() - 1);
    }

    public String src(int wantedWidth) {
        return url(variantFor(wantedWidth));
    }

    public String srcset() {
        return variants.stream().map(v -> url(v) + " " + v.width() + "w").collect(Collectors.joining(", "));
    }
}
