package press.dispatch.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decoding with limits and re-encoding to JPEG. Re-encoding from pixels is what strips every piece of metadata
 * (EXIF, GPS, comments, embedded scripts in odd formats): nothing of the uploaded file is kept byte for byte.
 */
final class Photos {

    static final int MAX_BYTES = 30 * 1024 * 1024;
    static final long MAX_PIXELS = 60_000_000L;
    private static final Set<String> FORMATS = Set.of("jpeg", "png", "gif", "bmp");
    private static final float QUALITY = 0.84f;

    private Photos() {
    }

    static BufferedImage decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new RejectedUploadException("The file is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new RejectedUploadException("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new RejectedUploadException("The file is not a JPEG, PNG, GIF or BMP image.");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new RejectedUploadException("The file is not a JPEG, PNG, GIF or BMP image.");
                }
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
                    throw new RejectedUploadException("The image is " + width + "×" + height + " pixels; at most " + MAX_PIXELS / 1_000_000
                            + " megapixels are accepted.");
                }
                return flatten(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedUploadException rejected) {
                throw rejected;
            }
            throw new RejectedUploadException("The image could not be read; it may be damaged.");
        }
    }

    /** Opaque RGB on white, so transparency and palette images encode as JPEG. */
    static BufferedImage flatten(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Scales down in halving steps, which keeps detail without the cost of area averaging. */
    static BufferedImage scaleToWidth(BufferedImage source, int targetWidth) {
        if (targetWidth >= source.getWidth()) {
            return source;
        }
        int targetHeight = Math.max(1, (int) Math.round((double) source.getHeight() * targetWidth / source.getWidth()));
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        do {
            w = Math.max(targetWidth, w / 2);
            h = w == targetWidth ? targetHeight : Math.max(targetHeight, h / 2);
            BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        } while (w != targetWidth);
        return current;
    }

    /** Encodes in memory: ImageIO's default stream would buffer each variant through a temporary file. */
    static byte[] encodeJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
