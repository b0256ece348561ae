package press.dispatch.media;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A stored photo and its variants, narrowest first. Every variant is served as JPEG and as WebP; {@code focalX} and
 * {@code focalY} say where the subject is, in thousandths of the width and height from the top left, and every
 * {@linkplain #crop crop} keeps that point in frame.
 */
public record MediaItem(long id, String storageKey, int width, int height, String caption, String altText, Credit credit,
                        List<Variant> variants, int focalX, int focalY) {

    public record Variant(int width, int height) {
    }

    /** The shapes photos are cut to: cards and social images. */
    public enum Ratio {
        SQUARE(1, 1), FOUR_THREE(4, 3), SIXTEEN_NINE(16, 9);

        final int across;
        final int down;

        Ratio(int across, int down) {
            this.across = across;
            this.down = down;
        }

        /** As it appears in a crop's address: {@code 1x1}, {@code 4x3}, {@code 16x9}. */
        public String label() {
            return across + "x" + down;
        }

        static java.util.Optional<Ratio> ofLabel(String label) {
            for (Ratio r : values()) {
                if (r.label().equals(label)) {
                    return java.util.Optional.of(r);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Widths a crop is offered in, never wider than the crop itself. */
    static final int[] CROP_WIDTHS = {480, 960, 1200};

    /**
     * One cut of a photo at one shape, in the widths it is offered in.
     *
     * @param width  of the widest size
     * @param height of the widest size
     */
    public record Crop(String src, String webpSrcset, String srcset, int width, int height, String webpSrc) {
    }

    public MediaItem {
        focalX = Math.max(0, Math.min(1000, focalX));
        focalY = Math.max(0, Math.min(1000, focalY));
    }

    public MediaItem(long id, String storageKey, int width, int height, String caption, String altText, Credit credit, List<Variant> variants) {
        this(id, storageKey, width, height, caption, altText, credit, variants, 500, 500);
    }

    public String url(Variant variant) {
        return "/media/" + storageKey + "/" + variant.width() + ".jpg";
    }

    public String webpUrl(Variant variant) {
        return "/media/" + storageKey + "/" + variant.width() + ".webp";
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

    public String webpSrcset() {
        return variants.stream().map(v -> webpUrl(v) + " " + v.width() + "w").collect(Collectors.joining(", "));
    }

    /** The widest variant: what crops are cut from. */
    Variant widest() {
        return variants.get(variants.size() - 1);
    }

    /** The photo cut to {@code ratio} around its focal point, at most {@code wantedWidth} wide. */
    public Crop crop(Ratio ratio, int wantedWidth) {
        CropBox box = CropBox.of(widest().width(), widest().height(), ratio, focalX, focalY);
        List<Integer> widths = cropWidths(box.width());
        int widest = widths.get(0);
        for (int w : widths) {
            if (w <= wantedWidth) {
                widest = w;
            }
        }
        int chosen = widest;
        List<Integer> offered = widths.stream().filter(w -> w <= chosen).toList();
        return new Crop(cropUrl(ratio, chosen, "jpg"),
                offered.stream().map(w -> cropUrl(ratio, w, "webp") + " " + w + "w").collect(Collectors.joining(", ")),
                offered.stream().map(w -> cropUrl(ratio, w, "jpg") + " " + w + "w").collect(Collectors.joining(", ")),
                chosen, heightAt(ratio, chosen), cropUrl(ratio, chosen, "webp"));
    }

    private String cropUrl(Ratio ratio, int width, String extension) {
        return "/media/" + storageKey + "/" + ratio.label() + "-" + focalX + "-" + focalY + "-" + width + "." + extension;
    }

    static int heightAt(Ratio ratio, int width) {
        return Math.max(1, (int) Math.round((double) width * ratio.down / ratio.across));
    }

    /** The offered widths that fit in a crop this wide, narrowest first; a crop narrower than all is offered at its own width. */
    static List<Integer> cropWidths(int cropWidth) {
        List<Integer> widths = new java.util.ArrayList<>();
        for (int w : CROP_WIDTHS) {
            if (w <= cropWidth) {
                widths.add(w);
            }
        }
        if (widths.isEmpty()) {
            widths.add(cropWidth);
        }
        return widths;
    }

    /** The largest region of the given shape inside a picture, centred on the focal point as far as the edges allow. */
    record CropBox(int x, int y, int width, int height) {

        static CropBox of(int pictureWidth, int pictureHeight, Ratio ratio, int focalX, int focalY) {
            int w = pictureWidth;
            int h = (int) Math.round((double) w * ratio.down / ratio.across);
            if (h > pictureHeight) {
                h = pictureHeight;
                w = Math.max(1, (int) Math.round((double) h * ratio.across / ratio.down));
            }
            int x = clamp((int) Math.round(pictureWidth * focalX / 1000.0 - w / 2.0), 0, pictureWidth - w);
            int y = clamp((int) Math.round(pictureHeight * focalY / 1000.0 - h / 2.0), 0, pictureHeight - h);
            return new CropBox(x, y, w, h);
        }

        private static int clamp(int value, int min, int max) {
            return Math.max(min, Math.min(max, value));
        }
    }
}
