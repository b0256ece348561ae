package press.dispatch.galleries;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.media.Credit;
import press.dispatch.platform.SqlTime;

@Repository
class GalleryRepository {

    private static final String COLUMNS = "id, slug, title, description, status, published_at, created_at, updated_at";
    private static final RowMapper<Gallery> ROW = (rs, n) -> new Gallery(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
            rs.getString("description"), rs.getString("status"), SqlTime.read(rs, "published_at"), SqlTime.read(rs, "created_at"),
            SqlTime.read(rs, "updated_at"));

    /** A photo row before its library photo is looked up. */
    record Row(long id, long mediaId, int position, String caption, Credit credit) {
    }

    private static final RowMapper<Row> PHOTO = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("media_id"), rs.getInt("position"),
            rs.getString("caption"), new Credit(rs.getString("credit_photographer"), rs.getString("credit_organisation"), rs.getString("credit_licence")));

    private final JdbcClient jdbc;

    GalleryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Gallery> listAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM galleries ORDER BY updated_at DESC, id DESC").query(ROW).list();
    }

    /** Newest published first. */
    List<Gallery> listPublished() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM galleries WHERE status = 'published' ORDER BY published_at DESC, id DESC").query(ROW).list();
    }

    long countPublished() {
        return jdbc.sql("SELECT COUNT(*) FROM galleries WHERE status = 'published'").query(Long.class).single();
    }

    List<Gallery> listPublished(long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM galleries WHERE status = 'published' ORDER BY id LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(ROW).list();
    }

    Optional<Gallery> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM galleries WHERE id = :id").param("id", id).query(ROW).optional();
    }

    Optional<Gallery> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM galleries WHERE slug = :slug").param("slug", slug).query(ROW).optional();
    }

    boolean slugTaken(String slug, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM galleries WHERE slug = :slug AND id <> :id").param("slug", slug)
                .param("id", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(GalleryDraft draft, String slug, Instant now) {
        return jdbc.sql("""
                INSERT INTO galleries (slug, title, description, status, created_at, updated_at)
                VALUES (:slug, :title, :description, 'draft', :now, :now) RETURNING id
                """)
                .param("slug", slug).param("title", draft.title()).param("description", draft.description()).param("now", SqlTime.of(now))
                .query(Long.class).single();
    }

    void update(long id, GalleryDraft draft, String slug, Instant now) {
        jdbc.sql("UPDATE galleries SET slug = :slug, title = :title, description = :description, updated_at = :now WHERE id = :id")
                .param("slug", slug).param("title", draft.title()).param("description", draft.description()).param("now", SqlTime.of(now))
                .param("id", id).update();
    }

    void touch(long id, Instant now) {
        jdbc.sql("UPDATE galleries SET updated_at = :now WHERE id = :id").param("now", SqlTime.of(now)).param("id", id).update();
    }

    void setStatus(long id, String status, Instant now) {
        jdbc.sql("""
                UPDATE galleries SET status = :status, updated_at = :now,
                       published_at = CASE WHEN :status = 'published' THEN COALESCE(published_at, :now) ELSE published_at END
                WHERE id = :id
                """)
                .param("status", status).param("now", SqlTime.of(now)).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM gallery_photos WHERE gallery_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM galleries WHERE id = :id").param("id", id).update();
    }

    List<Row> photos(long galleryId) {
        return jdbc.sql("""
                SELECT id, media_id, position, caption, credit_photographer, credit_organisation, credit_licence
                FROM gallery_photos WHERE gallery_id = :id ORDER BY position, id
                """).param("id", galleryId).query(PHOTO).list();
    }

    /** The first photo of each of these galleries, by gallery id. */
    List<long[]> covers(List<Long> galleryIds) {
        if (galleryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT p.gallery_id, p.media_id FROM gallery_photos p
                WHERE p.gallery_id IN (:ids)
                  AND p.position = (SELECT MIN(q.position) FROM gallery_photos q WHERE q.gallery_id = p.gallery_id)
                """).param("ids", galleryIds).query((rs, n) -> new long[] {rs.getLong("gallery_id"), rs.getLong("media_id")}).list();
    }

    List<Gallery> listUsing(long mediaId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM galleries WHERE id IN (SELECT gallery_id FROM gallery_photos WHERE media_id = :media) ORDER BY title, id")
                .param("media", mediaId).query(ROW).list();
    }

    List<Long> photosInUse() {
        return jdbc.sql("SELECT DISTINCT media_id FROM gallery_photos").query(Long.class).list();
    }

    void addPhoto(long galleryId, long mediaId, int position) {
        jdbc.sql("INSERT INTO gallery_photos (gallery_id, media_id, position) VALUES (:gallery, :media, :position)")
                .param("gallery", galleryId).param("media", mediaId).param("position", position).update();
    }

    void updatePhoto(long galleryId, long photoId, String caption, Credit credit) {
        jdbc.sql("""
                UPDATE gallery_photos SET caption = :caption, credit_photographer = :photographer, credit_organisation = :organisation,
                       credit_licence = :licence
                WHERE id = :photo AND gallery_id = :gallery
                """)
                .param("caption", caption).param("photographer", credit.photographer()).param("organisation", credit.organisation())
                .param("licence", credit.licence()).param("photo", photoId).param("gallery", galleryId).update();
    }

    void removePhoto(long galleryId, long photoId) {
        jdbc.sql("DELETE FROM gallery_photos WHERE id = :photo AND gallery_id = :gallery").param("photo", photoId).param("gallery", galleryId).update();
    }

    void setPosition(long photoId, int position) {
        jdbc.sql("UPDATE gallery_photos SET position = :position WHERE id = :id").param("position", position).param("id", photoId).update();
    }
}
