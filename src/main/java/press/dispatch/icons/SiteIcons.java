package press.dispatch.icons;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import press.dispatch.media.MediaLibrary;
import press.dispatch.media.RejectedUploadException;
import press.dispatch.platform.MemoryCopy;
import press.dispatch.platform.PageCache;
import press.dispatch.site.SiteIcon;

/**
 * Makes and keeps the site icon. An upload is decoded with the media library's guards (limits, decoding queue), must
 * be square and at least {@link #MIN_SIZE} pixels, and is re-encoded into every size at once: nothing of the uploaded
 * file is served. The stored sizes are read from memory; an upload or removal reloads them after the commit.
 */
@Service
public class SiteIcons implements SiteIcon {

    static final int MIN_SIZE = 512;
    static final String FAVICON = "favicon.ico";
    static final String PNG_32 = "icon-32.png";
    static final String APPLE_TOUCH = "apple-touch-icon.png";
    static final String ICON_192 = "icon-192.png";
    static final String ICON_512 = "icon-512.png";
    static final Set<String> NAMES = Set.of(FAVICON, PNG_32, APPLE_TOUCH, ICON_192, ICON_512);

    private final IconRepository icons;
    private final MediaLibrary media;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** The icon files, kept in memory; an icon changed on another node reaches this node with its purge of every page. */
    private final MemoryCopy<Map<String, IconFile>> loaded;

    SiteIcons(IconRepository icons, MediaLibrary media, ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions, PageCache cache) {
        this.loaded = new MemoryCopy<>(() -> icons.listAll().stream().collect(Collectors.toUnmodifiableMap(IconFile::name, Function.identity())), cache);
        this.icons = icons;
        this.transactions = transactions;
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<String> version() {
        return find(ICON_512).map(IconFile::version);
    }

    Optional<IconFile> find(String name) {
        return Optional.ofNullable(loaded.get().get(name));
    }

    /**
     * Decodes and renders outside any transaction (on SQLite a transaction holds the one writer's lock), then stores
     * every size in one.
     *
     * @throws RejectedUploadException with a message for the uploader when the image is not a square PNG, JPEG or WebP of at least 512 pixels
     */
    public void upload(byte[] upload, String filename) {
        MediaLibrary.DecodedImage decoded = media.decode(upload, filename, Set.of("png", "jpeg", "webp"), "a PNG, JPEG or WebP image");
        int width = decoded.originalWidth();
        int height = decoded.originalHeight();
        if (width != height) {
            throw new IconRefusedException("The icon must be square; this image is " + width + "×" + height + " pixels.");
        }
        if (width < MIN_SIZE) {
            throw new IconRefusedException("The icon must be at least " + MIN_SIZE + "×" + MIN_SIZE + " pixels; this image is " + width + "×" + height + ".");
        }
        BufferedImage source = decoded.image();
        byte[] png512 = png(scale(source, 512, false));
        String version = version(png512);
        List<IconFile> files = new ArrayList<>();
        files.add(new IconFile(ICON_512, "image/png", png512, version));
        files.add(new IconFile(ICON_192, "image/png", png(scale(source, 192, false)), version));
        files.add(new IconFile(APPLE_TOUCH, "image/png", png(scale(source, 180, true)), version));
        byte[] png32 = png(scale(source, 32, false));
        files.add(new IconFile(PNG_32, "image/png", png32, version));
        files.add(new IconFile(FAVICON, "image/x-icon", IcoFormat.write(List.of(new IcoFormat.Image(16, png(scale(source, 16, false))),
                new IcoFormat.Image(32, png32), new IcoFormat.Image(48, png(scale(source, 48, false))))), version));
        transactions.executeWithoutResult(status -> {
            icons.replaceAll(files, clock.instant());
            events.publishEvent(new SiteIconChanged());
        });
    }

    /** Back to the neutral favicon. */
    @Transactional
    public void remove() {
        icons.deleteAll();
        events.publishEvent(new SiteIconChanged());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void changed(SiteIconChanged changed) {
        loaded.forget();
    }

    /**
     * A square copy {@code size} pixels wide, halving the size in steps (smooth without area averaging). Transparency is
     * kept, except for the apple-touch icon, which phones show on black where it is transparent: that one is on white.
     */
    static BufferedImage scale(BufferedImage source, int size, boolean opaque) {
        BufferedImage current = source;
        int w = source.getWidth();
        do {
            w = Math.max(size, w / 2);
            BufferedImage next = new BufferedImage(w, w, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            if (opaque) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, w);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, w, w, null);
            g.dispose();
            current = next;
        } while (w != size);
        return current;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        // In memory: ImageIO's default stream would buffer through a temporary file.
        try (javax.imageio.stream.ImageOutputStream stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String version(byte[] png) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
