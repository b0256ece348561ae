package press.dispatch.media;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One photo through the upload pipeline alone (no server): decode within the memory budget, then the three
 * variants in JPEG and WebP, timed. Run by {@code bench/upload-heap.sh} at shrinking heaps to find the smallest one it completes in. With
 * an argument it reads that file; without, it makes the 24 MP camera JPEG {@code SmallHeapUploadsTest} uploads.
 * Exits 0 when the photo went through.
 */
final class UploadHeapBench {

    private UploadHeapBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--make")) {
            Files.write(Path.of(args[1]), SmallHeapUploadsTest.cameraJpeg(6000, 4000));
            return;
        }
        byte[] upload = Files.readAllBytes(Path.of(args[0]));
        long start = System.nanoTime();
        Photos.Decoded decoded = Photos.decode(new ByteArrayInputStream(upload), "camera.jpg", 50_000_000L);
        long jpeg = 0;
        long webp = 0;
        for (int width : new int[] {480, 960, 1600}) {
            java.awt.image.BufferedImage scaled = Photos.scaleToWidth(decoded.image(), width);
            jpeg += Photos.encodeJpeg(scaled).length;
            webp += Photos.encodeWebp(scaled).length;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(decoded.originalWidth() + "x" + decoded.originalHeight() + " decoded at " + decoded.image().getWidth() + "x"
                + decoded.image().getHeight() + ", JPEG variants " + jpeg + " bytes, WebP variants " + webp + " bytes, in " + millis + " ms");
    }
}
