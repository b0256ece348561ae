package press.dispatch.media;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import press.dispatch.platform.SqlTime;
import press.dispatch.site.SiteSettings;

/**
 * The photo desk's work on what is already in the library: finding photos, correcting their caption, alt text, credit
 * and focal point, and deleting those nothing uses. Whether a photo is used is asked of every {@link PhotoUses}.
 */
@Service
public class Cataloguing {

    private final JdbcClient jdbc;
    private final MediaLibrary library;
    private final List<PhotoUses> uses;
    private final SiteSettings site;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final DeletedPhotos deletedPhotos;

    Cataloguing(JdbcClient jdbc, MediaLibrary library, List<PhotoUses> uses, SiteSettings site,
                org.springframework.context.ApplicationEventPublisher events, DeletedPhotos deletedPhotos) {
        this.deletedPhotos = deletedPhotos;
        this.events = events;
        this.jdbc = jdbc;
        this.library = library;
        this.uses = uses;
        this.site = site;
    }

    /** A photo as the detail panel shows it. */
    public record Entry(MediaItem photo, String filename, Instant uploadedAt, List<PhotoUses.PhotoUse> usedIn) {
    }

    /** One page of photos matching {@code query}, newest first; {@code hasMore} says whether another page follows. */
    public record Found(List<MediaItem> photos, boolean hasMore) {
    }

    public Found search(PhotoQuery query, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id FROM media_items WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (!query.text().isEmpty()) {
            sql.append(" ").append("""
                     AND (LOWER(caption) LIKE :text ESCAPE '\\' OR LOWER(alt_text) LIKE :text ESCAPE '\\'
                          OR LOWER(credit_photographer) LIKE :text ESCAPE '\\' OR LOWER(credit_organisation) LIKE :text ESCAPE '\\'
                          OR LOWER(credit_licence) LIKE :text ESCAPE '\\' OR LOWER(original_filename) LIKE :text ESCAPE '\\')""");
            params.put("text", like(query.text()));
        }
        if (!query.credit().isEmpty()) {
            sql.append(" AND (LOWER(credit_photographer) LIKE :credit ESCAPE '\\' OR LOWER(credit_organisation) LIKE :credit ESCAPE '\\')");
            params.put("credit", like(query.credit()));
        }
        ZoneId zone = site.current().zone();
        if (query.from() != null) {
            sql.append(" AND created_at >= :from");
            params.put("from", SqlTime.of(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            sql.append(" AND created_at < :to");
            params.put("to", SqlTime.of(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (query.missing().equals("credit")) {
            sql.append(" AND credit_photographer = '' AND credit_organisation = ''");
        } else if (query.missing().equals("alt")) {
            sql.append(" AND alt_text = ''");
        }
        if (query.unused()) {
            Set<Long> used = photosInUse();
            if (!used.isEmpty()) {
                sql.append(" AND id NOT IN (:used)");
                params.put("used", List.copyOf(used));
            }
        }
        sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", limit + 1);
        params.put("offset", offset);
        List<Long> ids = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
        boolean more = ids.size() > limit;
        List<Long> page = more ? ids.subList(0, limit) : ids;
        Map<Long, MediaItem> items = library.findAll(page);
        return new Found(page.stream().map(items::get).filter(Objects::nonNull).toList(), more);
    }

    public Optional<Entry> entry(long id) {
        return library.find(id).map(photo -> {
            var row = jdbc.sql("SELECT original_filename, created_at FROM media_items WHERE id = :id").param("id", id)
                    .query((rs, n) -> new Object[] {rs.getString("original_filename"), SqlTime.read(rs, "created_at")}).single();
            return new Entry(photo, (String) row[0], (Instant) row[1], usesOf(id));
        });
    }

    /**
     * Replaces a photo's caption, alt text, credit and focal point (thousandths of width and height, 0 to 1000); pages
     * showing it follow ({@link PhotoDescribed}).
     */
    @Transactional
    public Optional<MediaItem> describe(long id, MediaDetails details, int focalX, int focalY) {
        int changed = jdbc.sql("""
                UPDATE media_items SET caption = :caption, alt_text = :alt, credit_photographer = :photographer,
                       credit_organisation = :organisation, credit_licence = :licence, focal_x = :x, focal_y = :y
                WHERE id = :id
                """)
                .param("caption", details.caption()).param("alt", details.altText())
                .param("photographer", details.credit().photographer()).param("organisation", details.credit().organisation())
                .param("licence", details.credit().licence())
                .param("x", Math.max(0, Math.min(1000, focalX))).param("y", Math.max(0, Math.min(1000, focalY)))
                .param("id", id).update();
        if (changed == 0) {
            return Optional.empty();
        }
        events.publishEvent(new PhotoDescribed(id));
        return library.find(id);
    }

    /**
     * Deletes a photo nothing uses, with all its files (once the deletion is committed).
     *
     * @return false when there was no such photo
     * @throws PhotoInUseException when something uses it; nothing is deleted
     */
    @Transactional
    public boolean delete(long id) {
        Optional<MediaItem> photo = library.find(id);
        if (photo.isEmpty()) {
            return false;
        }
        List<PhotoUses.PhotoUse> usedIn = usesOf(id);
        if (!usedIn.isEmpty()) {
            throw new PhotoInUseException(id, usedIn);
        }
        jdbc.sql("DELETE FROM media_variants WHERE media_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM media_items WHERE id = :id").param("id", id).update();
        String key = photo.get().storageKey();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deletedPhotos.deleted(library, key);
                }
            });
        } else {
            deletedPhotos.deleted(library, key);
        }
        return true;
    }

    public List<PhotoUses.PhotoUse> usesOf(long id) {
        List<PhotoUses.PhotoUse> all = new ArrayList<>();
        if (Long.toString(id).equals(logoPhoto())) {
            all.add(new PhotoUses.PhotoUse("Site logo", "The logo in every page's header", "/admin/settings"));
        }
        uses.forEach(u -> all.addAll(u.usesOf(id)));
        return all;
    }

    /** The photo the Settings name as the site's logo ({@code site.logo_photo}), or empty. */
    private String logoPhoto() {
        String logo = site.current().get(press.dispatch.site.Setting.LOGO_PHOTO);
        return logo == null ? "" : logo.strip();
    }

    /** Of these photos, those that lack a credit (no photographer and no agency) or alt text. */
    public List<MediaItem> lackingCreditOrAlt(java.util.Collection<Long> ids) {
        return library.findAll(ids).values().stream()
                .filter(m -> m.altText().isEmpty() || (m.credit().photographer().isEmpty() && m.credit().organisation().isEmpty()))
                .toList();
    }

    private Set<Long> photosInUse() {
        Set<Long> used = new HashSet<>();
        if (logoPhoto().matches("[1-9][0-9]{0,17}")) {
            used.add(Long.parseLong(logoPhoto()));
        }
        uses.forEach(u -> used.addAll(u.photosInUse()));
        return used;
    }

    private static String like(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
