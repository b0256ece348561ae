package press.dispatch.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files a photo is served as beyond its JPEG variants: a WebP of each variant, and crops to a {@link MediaItem.Ratio}
 * around the focal point. Uploads write their WebP variants at once; photos stored before WebP existed get theirs in a
 * background pass after start-up, or on first request, whichever comes first. Crops are cut on first request from the
 * widest JPEG variant and kept; their address names the focal point, so moving it makes new addresses and every address
 * keeps meaning the same picture.
 */
@Component
class Renditions {

    private static final Logger log = LoggerFactory.getLogger(Renditions.class);

    private final MediaLibrary library;
    private final JdbcClient jdbc;
    private final DecodingQueue queue;

    Renditions(MediaLibrary library, JdbcClient jdbc, DecodingQueue queue) {
        this.library = library;
        this.jdbc = jdbc;
        this.queue = queue;
    }

    /** The WebP file of one variant, made from its JPEG if it is missing. */
    Optional<Path> webp(String key, int width) {
        Optional<Path> jpeg = library.fileOf(key, width);
        if (jpeg.isEmpty()) {
            return Optional.empty();
        }
        Path webp = library.localFile(key, width + ".webp").orElse(jpeg.get().resolveSibling(width + ".webp"));
        if (!Files.isRegularFile(webp)) {
            try (DecodingQueue.Turn turn = queue.await("A WebP variant")) {
                write(webp, Photos.encodeWebp(Photos.decodeStored(Files.readAllBytes(jpeg.get()))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.of(webp);
    }

    /**
     * One crop file; empty unless the key names a photo, the focal point is its current one (or the crop was cut before
     * it moved) and the width is one the crop is offered in, so nobody can make the server cut arbitrary files.
     */
    Optional<Path> crop(String key, String ratioLabel, int focalX, int focalY, int width, String extension) {
        Optional<MediaItem.Ratio> ratio = MediaItem.Ratio.ofLabel(ratioLabel);
        if (ratio.isEmpty() || !key.matches(MediaLibrary.KEY_PATTERN) || !(extension.equals("jpg") || extension.equals("webp"))) {
            return Optional.empty();
        }
        String name = ratioLabel + "-" + focalX + "-" + focalY + "-" + width;
        Path file = library.root().resolve(key).resolve(name + "." + extension);
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        Optional<MediaItem> item = findByKey(key);
        if (item.isEmpty() || item.get().focalX() != focalX || item.get().focalY() != focalY) {
            return Optional.empty();
        }
        MediaItem m = item.get();
        MediaItem.Variant widest = m.widest();
        MediaItem.CropBox box = MediaItem.CropBox.of(widest.width(), widest.height(), ratio.get(), focalX, focalY);
        if (!MediaItem.cropWidths(box.width()).contains(width)) {
            return Optional.empty();
        }
        Optional<Path> source = library.fileOf(key, widest.width());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try (DecodingQueue.Turn turn = queue.await("A crop")) {
            var cut = Photos.crop(Photos.decodeStored(Files.readAllBytes(source.get())), box, width);
            write(file.resolveSibling(name + ".jpg"), Photos.encodeJpeg(cut));
            write(file.resolveSibling(name + ".webp"), Photos.encodeWebp(cut));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(file);
    }

    private Optional<MediaItem> findByKey(String key) {
        return jdbc.sql("SELECT id FROM media_items WHERE storage_key = :key").param("key", key).query(Long.class).optional()
                .flatMap(library::find);
    }

    /** Written beside, then moved into place: a reader never sees half a file, and two writers of the same file agree. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
        Files.write(partial, bytes);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillInMissingWebpVariantsInTheBackground() {
        Thread backfill = new Thread(this::fillInMissingWebpVariants, "webp-backfill");
        backfill.setDaemon(true);
        backfill.start();
    }

    /** Gives every stored photo its WebP variants; returns how many files it wrote. */
    int fillInMissingWebpVariants() {
        int written = 0;
        long after = 0;
        while (true) {
            List<MediaItem> batch = jdbc.sql("SELECT id FROM media_items WHERE id > :after ORDER BY id LIMIT 50").param("after", after)
                    .query(Long.class).list().stream().map(library::find).flatMap(Optional::stream).toList();
            if (batch.isEmpty()) {
                return written;
            }
            for (MediaItem m : batch) {
                after = m.id();
                for (MediaItem.Variant v : m.variants()) {
                    Path webp = library.root().resolve(m.storageKey()).resolve(v.width() + ".webp");
                    if (!Files.isRegularFile(webp)) {
                        try {
                            webp(m.storageKey(), v.width());
                            written++;
                        } catch (RuntimeException e) {
                            log.warn("No WebP variant for photo {} at {} px: {}", m.id(), v.width(), e.getMessage());
                        }
                    }
                }
            }
        }
    }
}
