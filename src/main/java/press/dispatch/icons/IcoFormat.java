package press.dispatch.icons;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes a Windows icon (ICO) container holding PNG images, which every browser since Internet Explorer 9 reads: a
 * 6-byte header, a 16-byte directory entry per image, then the images. Little-endian throughout; a width or height
 * of 256 is written as 0.
 */
final class IcoFormat {

    private IcoFormat() {
    }

    record Image(int size, byte[] png) {
    }

    static byte[] write(List<Image> images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        short16(out, 0);
        short16(out, 1);
        short16(out, images.size());
        int offset = 6 + 16 * images.size();
        for (Image image : images) {
            out.write(image.size() >= 256 ? 0 : image.size());
            out.write(image.size() >= 256 ? 0 : image.size());
            out.write(0);
            out.write(0);
            short16(out, 1);
            short16(out, 32);
            int32(out, image.png().length);
            int32(out, offset);
            offset += image.png().length;
        }
        images.forEach(image -> out.writeBytes(image.png()));
        return out.toByteArray();
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
    }

    private static void int32(ByteArrayOutputStream out, int value) {
        short16(out, value & 0xffff);
        short16(out, (value >>> 16) & 0xffff);
    }
}
