package press.dispatch.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import press.dispatch.platform.DataFolder;
import press.dispatch.platform.Dialect;
import press.dispatch.platform.SqlTime;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;

/** Adds photos to the library and finds them again. */
@Service
public class MediaLibrary {

    /** Widths of the responsive variants; a photo gets those up to its own width, and its own width if narrower. */
    static final int[] WIDTHS = {480, 960, 1600};
    static final String KEY_PATTERN = "[0-9a-f]{20}";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path root;
    private final SecureRandom random = new SecureRandom();
    private final MediaSettings settings;
    private final DecodingQueue queue;
    private final MediaStore store;

    private final SiteSettings site;
    private final Dialect dialect;

    MediaLibrary(JdbcClient jdbc, Clock clock, DataFolder dataFolder, MediaSettings settings, DecodingQueue queue, MediaStore store,
                 SiteSettings site, Dialect dialect) {
        this.dialect = dialect;
        this.store = store;
        this.site = site;
        this.jdbc = jdbc;
        this.clock = clock;
        this.root = dataFolder.folder("media");
        this.settings = settings;
        this.queue = queue;
    }

    /**
     * Decodes, re-encodes and stores a photo with its variants. Files are written completely (to a temporary
     * folder, then moved into place) before the rows that point at them; a failed insert removes them again.
     *
     * <p>The header is checked before the upload joins the {@link DecodingQueue}, so an oversized photo is refused
     * at once; the file is read into memory only when its turn comes.
     *
     * @throws IOException when the upload itself cannot be opened (it did not arrive completely)
     */
    public MediaItem ingest(InputStreamSource upload, String originalFilename, MediaDetails details) throws IOException {
        String filename = cleanFilename(originalFilename);
        long maxBytes = maxUploadBytes();
        long size = upload instanceof org.springframework.web.multipart.MultipartFile file ? file.getSize()
                : upload instanceof org.springframework.core.io.Resource resource ? resource.contentLength() : -1;
        if (size > maxBytes) {
            throw new RejectedUploadException(filename + " is larger than " + maxBytes / (1024 * 1024) + " MB.");
        }
        long maxPixels = maxPixels();
        try (InputStream header = upload.getInputStream()) {
            Photos.inspect(header, filename, maxPixels, maxBytes);
        }
        try (DecodingQueue.Turn turn = queue.await(filename); InputStream in = upload.getInputStream()) {
            Photos.Decoded photo = Photos.decode(in, filename, maxPixels);
            return store(photo.image(), photo.originalWidth(), photo.originalHeight(), filename, details);
        }
    }

    /** {@link #ingest(InputStreamSource, String, MediaDetails)} for a file already in memory. */
    public MediaItem ingest(byte[] upload, String originalFilename, MediaDetails details) {
        try {
            return ingest(new ByteArrayResource(upload), originalFilename, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image decoded for another feature; {@code image} may be subsampled from the original's size. */
    public record DecodedImage(BufferedImage image, int originalWidth, int originalHeight, String format) {
    }

    /**
     * Decodes an uploaded image for another feature (the site icon) under the same guards as a library upload: the
     * byte and pixel limits, the header read before any pixel, and a turn in the {@link DecodingQueue}. Nothing is
     * stored, and transparency is kept.
     *
     * @param formats the accepted formats, as ImageIO names them ({@code png}, {@code jpeg}, {@code webp})
     * @param named   how to name them to the uploader, such as "a PNG, JPEG or WebP image"
     * @throws RejectedUploadException for anything else, with a message for the uploader
     */
    public DecodedImage decode(byte[] upload, String originalFilename, java.util.Set<String> formats, String named) {
        String filename = cleanFilename(originalFilename);
        if (upload.length > Photos.MAX_BYTES) {
            throw new RejectedUploadException(filename + " is larger than " + Photos.MAX_BYTES / 1024 / 1024 + " MB.");
        }
        String format = formatOf(upload);
        if (format == null || !formats.contains(format)) {
            throw new RejectedUploadException(filename + " is not " + named + ".");
        }
        Photos.inspect(new java.io.ByteArrayInputStream(upload), filename, settings.maxPixels());
        try (DecodingQueue.Turn turn = queue.await(filename)) {
            Photos.Decoded decoded = Photos.decode(new java.io.ByteArrayInputStream(upload), filename, settings.maxPixels());
            return new DecodedImage(decoded.image(), decoded.originalWidth(), decoded.originalHeight(), format);
        }
    }

    /** The format the file's header names, read without decoding; null when no reader knows it. */
    private static String formatOf(byte[] upload) {
        try (javax.imageio.stream.ImageInputStream in = new javax.imageio.stream.MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(upload))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                return reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Stores an image drawn in memory (the demo site's photos) exactly as an upload would be stored. */
    public MediaItem ingest(BufferedImage image, String originalFilename, MediaDetails details) {
        return store(image, image.getWidth(), image.getHeight(), cleanFilename(originalFilename), details);
    }

    /** Stores the variants of {@code image}, which may be a subsampled copy of an original of the given size. */
    private MediaItem store(BufferedImage image, int originalWidth, int originalHeight, String filename, MediaDetails details) {
        String key = newKey();
        Path staging = root.resolve(".staging-" + key);
        Path target = root.resolve(key);
        List<MediaItem.Variant> variants = new ArrayList<>();
        long totalBytes = 0;
        try {
            Files.createDirectories(staging);
            for (int width : variantWidths(image.getWidth())) {
                BufferedImage scaled = Photos.scaleToWidth(image, width);
                byte[] jpeg = Photos.encodeJpeg(scaled);
                Files.write(staging.resolve(width + ".jpg"), jpeg);
                byte[] webp = Photos.encodeWebp(scaled);
                Files.write(staging.resolve(width + ".webp"), webp);
                totalBytes += jpeg.length + webp.length;
                variants.add(new MediaItem.Variant(scaled.getWidth(), scaled.getHeight()));
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            store.put(key, target);
        } catch (IOException e) {
            deleteQuietly(staging);
            deleteQuietly(target);
            throw new UncheckedIOException("Could not store the photo under " + root, e);
        }
        try {
            long id = jdbc.sql("""
                    INSERT INTO media_items (storage_key, original_filename, content_type, width, height, byte_size, caption, alt_text,
                                             credit_photographer, credit_organisation, credit_licence, created_at)
                    VALUES (:key, :filename, 'image/jpeg', :width, :height, :bytes, :caption, :alt, :photographer, :organisation, :licence, :now)
                    RETURNING id
                    """)
                    .param("key", key).param("filename", filename).param("width", originalWidth).param("height", originalHeight)
                    .param("bytes", totalBytes).param("caption", details.caption()).param("alt", details.altText())
                    .param("photographer", details.credit().photographer()).param("organisation", details.credit().organisation())
                    .param("licence", details.credit().licence()).param("now", SqlTime.of(clock.instant()))
                    .query(Long.class).single();
            for (MediaItem.Variant v : variants) {
                jdbc.sql("INSERT INTO media_variants (media_id, width, height, byte_size) VALUES (:id, :width, :height, :bytes)")
                        .param("id", id).param("width", v.width()).param("height", v.height())
                        .param("bytes", sizeOf(target.resolve(v.width() + ".jpg"))).update();
            }
            removeFilesIfRolledBack(target);
            return new MediaItem(id, key, originalWidth, originalHeight, details.caption(), details.altText(), details.credit(), variants);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    /** The pixel limit in force: the site setting, never above the server's {@code DISPATCH_MEDIA_MAX_MEGAPIXELS}. */
    long maxPixels() {
        return Math.min(settings.maxPixels(), settingNumber(Setting.MEDIA_MAX_MEGAPIXELS, 50) * 1_000_000L);
    }

    /** The size limit in force: the site setting, never above what one turn of the {@link DecodingQueue} has room for. */
    long maxUploadBytes() {
        return Math.min(Photos.MAX_BYTES, settingNumber(Setting.MEDIA_MAX_UPLOAD_MB, 20) * 1024L * 1024);
    }

    private long settingNumber(Setting setting, long fallback) {
        try {
            return Long.parseLong(site.current().get(setting));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The newest photos first, for the library screen and the editor's picker. */
    public List<MediaItem> recent(int offset, int limit) {
        List<Long> ids = jdbc.sql("SELECT id FROM media_items ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(Long.class).list();
        Map<Long, MediaItem> found = findAll(ids);
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM media_items").query(Long.class).single();
    }

    /**
     * Whether the photo holding this id now was added to the library after {@code moment}, so it cannot be the photo
     * something saved at that moment named: on SQLite a deleted newest photo's id goes to the next upload. Always
     * false on PostgreSQL, whose ids are never reused, and where the two times may come from nodes whose clocks differ.
     */
    public boolean addedAfter(long id, Instant moment) {
        if (dialect != Dialect.SQLITE) {
            return false;
        }
        return jdbc.sql("SELECT created_at FROM media_items WHERE id = :id").param("id", id)
                .query((rs, n) -> SqlTime.read(rs, "created_at")).optional().filter(added -> added.isAfter(moment)).isPresent();
    }

    public Optional<MediaItem> find(long id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /** The items with these ids that exist, by id. */
    public Map<Long, MediaItem> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, MediaItem> items = new LinkedHashMap<>();
        Map<Long, List<MediaItem.Variant>> variants = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT m.id, m.storage_key, m.width, m.height, m.caption, m.alt_text, m.credit_photographer, m.credit_organisation,
                       m.credit_licence, m.focal_x, m.focal_y, v.width AS variant_width, v.height AS variant_height
                FROM media_items m JOIN media_variants v ON v.media_id = m.id
                WHERE m.id IN (:ids) ORDER BY m.id, v.width
                """)
                .param("ids", List.copyOf(ids))
                .query(rs -> {
                    long id = rs.getLong("id");
                    List<MediaItem.Variant> vs = variants.computeIfAbsent(id, k -> new ArrayList<>());
                    vs.add(new MediaItem.Variant(rs.getInt("variant_width"), rs.getInt("variant_height")));
                    if (!items.containsKey(id)) {
                        items.put(id, new MediaItem(id, rs.getString("storage_key"), rs.getInt("width"), rs.getInt("height"),
                                rs.getString("caption"), rs.getString("alt_text"),
                                new Credit(rs.getString("credit_photographer"), rs.getString("credit_organisation"), rs.getString("credit_licence")),
                                vs, rs.getInt("focal_x"), rs.getInt("focal_y")));
                    }
                });
        items.replaceAll((id, m) -> new MediaItem(m.id(), m.storageKey(), m.width(), m.height(), m.caption(), m.altText(), m.credit(),
                List.copyOf(m.variants()), m.focalX(), m.focalY()));
        return items;
    }

    /** The file of one variant, if the key and width name one. */
    public Optional<Path> fileOf(String key, int width) {
        return localFile(key, width + ".jpg");
    }

    /**
     * One file of a stored photo in this node's data folder: the copy this node wrote, or else the shared store's
     * (a photo uploaded on another node), copied here once so crops and WebP files can be cut from it.
     */
    Optional<Path> localFile(String key, String name) {
        if (!key.matches(KEY_PATTERN) || !name.matches("[0-9a-z][0-9a-z.-]{0,40}")) {
            return Optional.empty();
        }
        Path file = root.resolve(key).resolve(name);
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        Optional<org.springframework.core.io.Resource> shared = store.find(key, name);
        if (shared.isEmpty() || shared.get().isFile()) {
            return Optional.empty();
        }
        Path partial = root.resolve(key).resolve("." + name + "." + java.util.UUID.randomUUID() + ".part");
        try (java.io.InputStream in = shared.get().getInputStream()) {
            Files.createDirectories(file.getParent());
            Files.copy(in, partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .part file is never served
            }
            throw new UncheckedIOException("Could not copy " + key + "/" + name + " from " + store.describe(), e);
        }
    }

    /** Removes a deleted photo's files here and from the shared store. */
    void deleteFiles(String key) {
        deleteQuietly(root.resolve(key));
        try {
            store.delete(key);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(MediaLibrary.class).warn("{}: the photo's files stay in the store", e.getMessage());
        }
    }

    /** The widths a photo is kept at: each standard width it reaches, and its own between two of them. */
    static List<Integer> variantWidths(int originalWidth) {
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w <= originalWidth) {
                widths.add(w);
            }
        }
        // An original between two standard widths (800 px) also keeps its own width: served at 480 only, it was shown
        // blurred, stretched to the column, with 40 % of its pixels thrown away
        if (widths.isEmpty() || originalWidth < WIDTHS[WIDTHS.length - 1] && originalWidth > widths.get(widths.size() - 1) * 11 / 10) {
            widths.add(originalWidth);
        }
        return widths;
    }

    private String newKey() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String cleanFilename(String name) {
        if (name == null || name.isBlank()) {
            return "photo";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeFilesIfRolledBack(Path folder) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(folder);
                    }
                }
            });
        }
    }

    Path root() {
        return root;
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Leftover files under an unreferenced key are harmless; nothing points at them.
        }
    }
}
