package press.dispatch.galleries;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.media.Credit;
import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;
import press.dispatch.site.NavLink;

/**
 * Owns every change to a gallery: create, edit its fields, add, caption, move and remove photos, publish,
 * unpublish, delete. Reads time from the {@link Clock}; publishes one {@link GalleryChanged} per change.
 *
 * <p>Invariant: a gallery's photos have positions 1…n with no gaps, whatever order changes came in. A photo
 * deleted from the library meanwhile is skipped when a gallery is read, so a page never breaks on it.
 */
@Service
public class Galleries {

    /** The Pictures page: where the navigation links to the list of galleries. */
    public static final NavLink PICTURES = new NavLink("Pictures", "/pictures");
    static final int MAX_SLUG = 80;
    static final int MAX_PHOTOS = 500;

    private final GalleryRepository galleries;
    private final MediaLibrary library;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Galleries(GalleryRepository galleries, MediaLibrary library, ApplicationEventPublisher events, Clock clock) {
        this.galleries = galleries;
        this.library = library;
        this.events = events;
        this.clock = clock;
    }

    public List<Gallery> listAll() {
        return galleries.listAll();
    }

    /** Published galleries, newest first, each with its first photo (null when it has none). */
    public List<Listed> listPublished() {
        List<Gallery> found = galleries.listPublished();
        Map<Long, Long> coverIds = new HashMap<>();
        galleries.covers(found.stream().map(Gallery::id).toList()).forEach(pair -> coverIds.put(pair[0], pair[1]));
        Map<Long, MediaItem> media = library.findAll(coverIds.values());
        return found.stream().map(g -> new Listed(g, coverIds.containsKey(g.id()) ? media.get(coverIds.get(g.id())) : null)).toList();
    }

    /** A published gallery and its cover photo, for the Pictures page and sitemaps. */
    public record Listed(Gallery gallery, MediaItem cover) {
    }

    public long countPublished() {
        return galleries.countPublished();
    }

    /** Published galleries in id order (stable for sitemap pages), with their photos. */
    public List<Shown> listPublished(long offset, int limit) {
        return galleries.listPublished(offset, limit).stream().map(g -> new Shown(g, photos(g.id()))).toList();
    }

    /** A gallery with the photos that still exist, in order. */
    public record Shown(Gallery gallery, List<GalleryPhoto> photos) {
    }

    /**
     * The galleries a library photo is in, published or not: for the library's "used in" list. (A photo deleted anyway
     * drops out of them.)
     */
    public List<Gallery> listUsing(long mediaId) {
        return galleries.listUsing(mediaId);
    }

    /** Every library photo that some gallery holds, for the library's "unused" filter. */
    public Set<Long> photosInUse() {
        return Set.copyOf(galleries.photosInUse());
    }

    public Gallery open(long id) {
        return galleries.find(id).orElseThrow(() -> new NoSuchElementException("No gallery " + id));
    }

    public Optional<Gallery> findPublished(String slug) {
        return galleries.findBySlug(slug).filter(Gallery::published);
    }

    /** The photos in order; any whose library photo is gone are left out. */
    public List<GalleryPhoto> photos(long galleryId) {
        List<GalleryRepository.Row> rows = galleries.photos(galleryId);
        Map<Long, MediaItem> media = library.findAll(rows.stream().map(GalleryRepository.Row::mediaId).distinct().toList());
        List<GalleryPhoto> photos = new ArrayList<>();
        for (GalleryRepository.Row row : rows) {
            MediaItem item = media.get(row.mediaId());
            if (item != null) {
                photos.add(new GalleryPhoto(row.id(), photos.size() + 1, item, row.caption(), row.credit()));
            }
        }
        return photos;
    }

    @Transactional
    public long create(GalleryDraft draft) {
        String slug = check(draft, null);
        long id = galleries.insert(draft, slug, clock.instant());
        events.publishEvent(new GalleryChanged(id, false));
        return id;
    }

    @Transactional
    public void save(long id, GalleryDraft draft) {
        Gallery before = open(id);
        String slug = check(draft, id);
        galleries.update(id, draft, slug, clock.instant());
        events.publishEvent(new GalleryChanged(id, before.published()));
    }

    /** Adds library photos at the end, in the order given; ids of photos not in the library are refused. */
    @Transactional
    public void addPhotos(long id, Collection<Long> mediaIds) {
        Gallery gallery = open(id);
        List<Long> wanted = mediaIds.stream().distinct().toList();
        Map<Long, MediaItem> found = library.findAll(wanted);
        List<Long> missing = wanted.stream().filter(m -> !found.containsKey(m)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidGalleryException(Map.of("photos", "No photo " + missing.get(0) + " in the library."));
        }
        List<GalleryRepository.Row> rows = galleries.photos(id);
        if (rows.size() + wanted.size() > MAX_PHOTOS) {
            throw new InvalidGalleryException(Map.of("photos", "A gallery holds at most " + MAX_PHOTOS + " photos."));
        }
        int position = rows.size();
        for (long mediaId : wanted) {
            galleries.addPhoto(id, mediaId, ++position);
        }
        changed(gallery, rows.isEmpty());
    }

    /** The gallery's own caption and credit for one photo; empty ones show the library's. */
    @Transactional
    public void describePhoto(long id, long photoId, String caption, Credit credit) {
        Gallery gallery = open(id);
        row(id, photoId);
        String text = caption == null ? "" : caption.strip();
        if (text.length() > 1_000) {
            throw new InvalidGalleryException(Map.of("caption", "A caption must be at most 1000 characters."));
        }
        galleries.updatePhoto(id, photoId, text, credit == null ? new Credit("", "", "") : credit);
        changed(gallery, false);
    }

    @Transactional
    public void removePhoto(long id, long photoId) {
        Gallery gallery = open(id);
        GalleryRepository.Row row = row(id, photoId);
        galleries.removePhoto(id, photoId);
        renumber(id);
        changed(gallery, row.position() == 1);
    }

    /** Moves one photo one place earlier ({@code -1}) or later ({@code +1}); at either end nothing moves. */
    @Transactional
    public void move(long id, long photoId, int by) {
        List<Long> order = new ArrayList<>(galleries.photos(id).stream().map(GalleryRepository.Row::id).toList());
        Gallery gallery = open(id);
        int from = order.indexOf(photoId);
        if (from < 0) {
            throw new NoSuchElementException("No photo " + photoId + " in gallery " + id);
        }
        int to = Math.max(0, Math.min(order.size() - 1, from + Integer.signum(by)));
        order.add(to, order.remove(from));
        place(id, order);
        changed(gallery, from == 0 || to == 0);
    }

    /** Puts the photos in this order; it must name each of the gallery's photos exactly once. */
    @Transactional
    public void reorder(long id, List<Long> photoIds) {
        Gallery gallery = open(id);
        List<Long> current = galleries.photos(id).stream().map(GalleryRepository.Row::id).toList();
        if (photoIds.size() != current.size() || !Set.copyOf(photoIds).equals(Set.copyOf(current))) {
            throw new InvalidGalleryException(Map.of("order", "Send every photo of the gallery once, in the new order (it has "
                    + current.size() + "); someone may have changed it meanwhile: reload and try again."));
        }
        place(id, photoIds);
        changed(gallery, true);
    }

    @Transactional
    public void publish(long id) {
        open(id);
        galleries.setStatus(id, "published", clock.instant());
        events.publishEvent(new GalleryChanged(id, true));
    }

    @Transactional
    public void unpublish(long id) {
        open(id);
        galleries.setStatus(id, "draft", clock.instant());
        events.publishEvent(new GalleryChanged(id, true));
    }

    @Transactional
    public void delete(long id) {
        open(id);
        galleries.delete(id);
        events.publishEvent(new GalleryChanged(id, true));
    }

    private GalleryRepository.Row row(long id, long photoId) {
        return galleries.photos(id).stream().filter(r -> r.id() == photoId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No photo " + photoId + " in gallery " + id));
    }

    private void renumber(long id) {
        place(id, galleries.photos(id).stream().map(GalleryRepository.Row::id).toList());
    }

    private void place(long id, List<Long> photoIds) {
        int position = 0;
        for (long photoId : photoIds) {
            galleries.setPosition(photoId, ++position);
        }
    }

    private void changed(Gallery gallery, boolean coverMayHaveChanged) {
        galleries.touch(gallery.id(), clock.instant());
        events.publishEvent(new GalleryChanged(gallery.id(), gallery.published() && coverMayHaveChanged));
    }

    /** The slug this draft will have; throws with every problem named. */
    private String check(GalleryDraft draft, Long id) {
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        // Without a slug a new gallery takes one from its title; a gallery that has one keeps it (its address, and every
        // ::gallery[slug] placed in articles, would otherwise break on a new title)
        String slug = !draft.slug().isEmpty() ? draft.slug() : id != null ? open(id).slug() : slugOf(draft.title());
        if (!problems.containsKey("title")) {
            if (slug.isEmpty() || slug.length() > MAX_SLUG || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.put("slug", "Use lower-case letters, digits and single hyphens (at most " + MAX_SLUG + " characters), such as navy-week.");
            } else if (galleries.slugTaken(slug, id)) {
                problems.put("slug", "Another gallery already has the slug “" + slug + "”. Choose another.");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidGalleryException(problems);
        }
        return slug;
    }

    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG).replaceAll("-+$", "") : slug;
    }
}
