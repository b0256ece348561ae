package press.dispatch.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.luciad.imageio.webp.WebPWriteParam;
import com.luciad.imageio.webp.WebPReadParam;

/**
 * Decoding with limits and re-encoding to JPEG. Re-encoding from pixels is what strips every piece of metadata
 * (EXIF, GPS, comments, embedded scripts in odd formats): nothing of the uploaded file is kept byte for byte.
 *
 * <p>Memory: the size is read from the file's header and checked against the pixel limit before any pixel is
 * decoded, and a photo is decoded subsampled (every n-th pixel of every n-th row) to at most {@link #DECODED_WIDTH}
 * pixels wide and {@link #DECODED_BYTES} bytes, however large the original: no upload ever occupies memory in
 * proportion to its pixel count. Subsampling to twice the widest variant and then scaling down smoothly keeps the
 * variants sharp without aliasing.
 */
final class Photos {

    static final int MAX_BYTES = 30 * 1024 * 1024;
    /** Twice the widest variant. */
    static final int DECODED_WIDTH = 2 * 1600;
    /** Room for 3,200 × 2,400 pixels of 8-bit RGB: a 3:2 or 4:3 photo at {@link #DECODED_WIDTH}. */
    static final long DECODED_BYTES = 3200L * 2400 * 3;
    private static final Set<String> FORMATS = Set.of("jpeg", "png", "webp", "gif", "bmp");
    private static final String NOT_AN_IMAGE = " is not a JPEG, PNG or WebP image.";
    private static final float QUALITY = 0.84f;
    private static final float WEBP_QUALITY = 0.80f;
    /** libwebp's effort from 0 (fast) to 6 (small): 2 keeps a 1,600-pixel variant well under a second on one core. */
    private static final int WEBP_METHOD = 2;

    private Photos() {
    }

    /** An upload's pixels, decoded within the memory budget, and the size of the original. */
    record Decoded(BufferedImage image, int originalWidth, int originalHeight) {
    }

    /** Reads only the header: refuses what is not a photo, or has more than {@code maxPixels} pixels, without decoding it. */
    static void inspect(InputStream upload, String name, long maxPixels) {
        inspect(upload, name, maxPixels, MAX_BYTES);
    }

    /** {@link #inspect(InputStream, String, long)} with a size limit below {@link #MAX_BYTES} (a site setting). */
    static void inspect(InputStream upload, String name, long maxPixels, long maxBytes) {
        read(upload, name, maxPixels, Math.min(maxBytes, MAX_BYTES), false);
    }

    /** Decodes a photo subsampled to the memory budget; {@code upload} may hold at most {@link #MAX_BYTES}. */
    static Decoded decode(InputStream upload, String name, long maxPixels) {
        return read(upload, name, maxPixels, MAX_BYTES, true);
    }

    private static Decoded read(InputStream upload, String name, long maxPixels, long maxBytes, boolean decode) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new LimitedStream(upload, name, maxBytes))) {
            if (in.read() < 0) {
                throw new RejectedUploadException(name + " is empty.");
            }
            in.seek(0);
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new RejectedUploadException(name + NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new RejectedUploadException(name + NOT_AN_IMAGE);
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > maxPixels) {
                    throw new RejectedUploadException(name + " is " + width + "×" + height + " pixels (" + megapixels((long) width * height)
                            + " megapixels); at most " + megapixels(maxPixels) + " megapixels are accepted.");
                }
                if (!decode) {
                    return null;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                if (param instanceof WebPReadParam webp) {
                    // libwebp scales while it decodes; the reader ignores ImageIO's subsampling
                    int step = subsampling(width, height, 4);
                    webp.setUseScaling(step > 1);
                    webp.setScaledWidth(ceilDiv(width, step));
                    webp.setScaledHeight(ceilDiv(height, step));
                } else {
                    int step = subsampling(width, height, bytesPerPixel(reader));
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                // ImageIO decodes a cut-off JPEG or PNG with a warning and grey where the data ends: refuse it instead
                String[] warning = new String[1];
                reader.addIIOReadWarningListener((source, message) -> warning[0] = message);
                BufferedImage image = reader.read(0, param);
                if (warning[0] != null) {
                    throw new RejectedUploadException(name + " is incomplete or damaged (" + warning[0].strip() + ").");
                }
                return new Decoded(image, width, height);
            } finally {
                reader.dispose();
            }
        } catch (RejectedUploadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RejectedUploadException(name + " could not be read as an image; it may be damaged.");
        }
    }

    /** The smallest step that brings the decoded image within {@link #DECODED_WIDTH} and {@link #DECODED_BYTES}. */
    static int subsampling(int width, int height, int bytesPerPixel) {
        int step = 1;
        while (ceilDiv(width, step) > DECODED_WIDTH || (long) ceilDiv(width, step) * ceilDiv(height, step) * bytesPerPixel > DECODED_BYTES) {
            step++;
        }
        return step;
    }

    private static int bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 4;
        }
        SampleModel model = type.getSampleModel();
        int bits = 0;
        for (int size : model.getSampleSize()) {
            bits += size;
        }
        int storage = DataBuffer.getDataTypeSize(model.getDataType());
        return Math.max(1, (int) Math.ceil(Math.max(bits, storage) / 8.0));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? Long.toString(pixels / 1_000_000) : String.format(Locale.ROOT, "%.1f", pixels / 1_000_000.0);
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

    /**
     * Opaque RGB on white at the target width, scaled down in halving steps, which keeps detail without the cost of
     * area averaging. The source may be of any type: only the scaled copies are RGB, never a full-size one.
     */
    static BufferedImage scaleToWidth(BufferedImage source, int targetWidth) {
        if (targetWidth >= source.getWidth()) {
            return source.getType() == BufferedImage.TYPE_INT_RGB ? source : flatten(source);
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
            if (current == source && source.getColorModel().hasAlpha()) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
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

    /** Lossy WebP from pixels only: like the JPEG, it carries no metadata of the upload. */
    static byte[] encodeWebp(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            WebPWriteParam param = new WebPWriteParam(writer.getLocale());
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
            param.setCompressionQuality(WEBP_QUALITY);
            param.setMethod(WEBP_METHOD);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("WebP encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Decodes a stored variant (a JPEG of ours, at most 1,600 pixels wide): no limits needed. */
    static BufferedImage decodeStored(byte[] jpeg) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
            if (image == null) {
                throw new IllegalStateException("A stored variant is not a JPEG");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalStateException("A stored variant could not be read", e);
        }
    }

    /** The region of {@code image} in {@code box}, scaled to {@code width}. */
    static BufferedImage crop(BufferedImage image, MediaItem.CropBox box, int width) {
        return scaleToWidth(image.getSubimage(box.x(), box.y(), box.width(), box.height()), width);
    }

    /** Stops reading an upload beyond {@link #MAX_BYTES}, whatever the caller checked before. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private final String name;
        private final long limit;
        private long count;

        LimitedStream(InputStream in, String name, long limit) {
            super(in);
            this.name = name;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw new RejectedUploadException(name + " is larger than " + limit / (1024 * 1024) + " MB.");
            }
        }
    }
}
