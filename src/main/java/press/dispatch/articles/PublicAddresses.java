package press.dispatch.articles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;
import press.dispatch.platform.Dialect;
import press.dispatch.platform.SqlTime;

/**
 * Every public address of stories, sections, tags and authors, for sitemaps. Stories are read in batches of
 * {@value #BATCH} by id, so a site of any size is walked without holding its stories in memory.
 */
@Service
public class PublicAddresses {

    static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final MediaLibrary media;
    private final SectionNavigation navigation;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<GalleryEmbeds> galleries;
    /**
     * Stories are walked in id order through {@code articles_public_by_id} (status, id, published_at): a page's first
     * story is found by counting index entries, not article rows (each of which holds a whole body), and each batch
     * starts at its id. SQLite would otherwise read them through the status-and-time index and sort every public story
     * again for each batch, so it is named; PostgreSQL picks an index for {@code ORDER BY id LIMIT} by itself.
     */
    private final String byId;

    PublicAddresses(JdbcClient jdbc, MediaLibrary media, SectionNavigation navigation, Clock clock, Dialect dialect,
                    org.springframework.beans.factory.ObjectProvider<GalleryEmbeds> galleries) {
        this.galleries = galleries;
        this.byId = dialect == Dialect.SQLITE ? "articles a INDEXED BY articles_public_by_id" : "articles a";
        this.jdbc = jdbc;
        this.media = media;
        this.navigation = navigation;
        this.clock = clock;
    }

    public long countStories() {
        return jdbc.sql("SELECT COUNT(*) FROM articles a WHERE " + ArticleRepository.PUBLIC).param("now", SqlTime.of(clock.instant()))
                .query(Long.class).single();
    }

    /**
     * Stories {@code offset} to {@code offset + limit - 1} in the order they were first written (oldest first), each
     * with every photo it shows: the featured photo, the body's photos and the photos of the galleries it places. Only
     * bodies that place a photo or a gallery are read.
     */
    public void forEachStory(long offset, int limit, Consumer<Address> each) {
        Instant now = clock.instant();
        long after = 0;
        if (offset > 0) {
            List<Long> start = jdbc.sql("SELECT a.id FROM " + byId + " WHERE " + ArticleRepository.PUBLIC + " ORDER BY a.id LIMIT 1 OFFSET :offset")
                    .param("now", SqlTime.of(now)).param("offset", offset - 1).query(Long.class).list();
            if (start.isEmpty()) {
                return;
            }
            after = start.get(0);
        }
        int left = limit;
        Map<String, List<Figure>> figures = new java.util.HashMap<>();
        while (left > 0) {
            List<StoryRow> rows = jdbc.sql("""
                    SELECT a.id, a.slug, a.published_at, a.updated_at, a.featured_media_id,
                           CASE WHEN a.body_markdown LIKE '%%photo:%%' OR a.body_markdown LIKE '%%::gallery[%%' THEN a.body_markdown END AS placing
                    FROM %s WHERE %s AND a.id > :after ORDER BY a.id LIMIT :limit
                    """.formatted(byId, ArticleRepository.PUBLIC))
                    .param("now", SqlTime.of(now)).param("after", after).param("limit", Math.min(BATCH, left))
                    .query((rs, n) -> {
                        long photo = rs.getLong("featured_media_id");
                        Long featured = rs.wasNull() ? null : photo;
                        String placing = rs.getString("placing");
                        return new StoryRow(rs.getLong("id"), rs.getString("slug"), SqlTime.read(rs, "published_at"),
                                SqlTime.read(rs, "updated_at"), featured, BodyPhotos.idsIn(placing), GalleryDirective.slugsInMarkdown(placing));
                    }).list();
            if (rows.isEmpty()) {
                return;
            }
            Set<Long> photoIds = new HashSet<>();
            rows.forEach(r -> {
                if (r.photoId() != null) {
                    photoIds.add(r.photoId());
                }
                photoIds.addAll(r.bodyPhotoIds());
            });
            Map<Long, MediaItem> photos = photoIds.isEmpty() ? Map.of() : media.findAll(photoIds);
            for (StoryRow r : rows) {
                Set<String> shown = new java.util.LinkedHashSet<>();
                java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(r.photoId()), r.bodyPhotoIds().stream())
                        .map(photos::get).filter(java.util.Objects::nonNull)
                        .forEach(photo -> shown.add(photo.url(photo.variants().get(photo.variants().size() - 1))));
                for (String slug : r.gallerySlugs()) {
                    figures.computeIfAbsent(slug, this::galleryFigures).forEach(f -> shown.add(f.src()));
                }
                each.accept(new Address("/articles/" + r.slug(), latest(r.publishedAt(), r.updatedAt()), List.copyOf(shown)));
            }
            after = rows.get(rows.size() - 1).id();
            left -= rows.size();
        }
    }

    public long countSections() {
        return navigation.all().size();
    }

    /** Every section, with the time of its newest public story. */
    public List<Address> sections() {
        Map<Long, Instant> newest = new java.util.HashMap<>();
        jdbc.sql("SELECT a.section_id, MAX(a.updated_at) AS modified FROM articles a WHERE " + ArticleRepository.PUBLIC
                        + " AND a.section_id IS NOT NULL GROUP BY a.section_id")
                .param("now", SqlTime.of(clock.instant()))
                .query(rs -> {
                    newest.put(rs.getLong("section_id"), SqlTime.read(rs, "modified"));
                });
        List<Address> addresses = new ArrayList<>();
        for (Section s : navigation.all()) {
            addresses.add(new Address(s.href(), newest.get(s.id()), List.of()));
        }
        return addresses;
    }

    public long countTags() {
        return countLinked("article_tags", "tag_id");
    }

    public long countAuthors() {
        return countLinked("article_authors", "author_id");
    }

    /** Tags with at least one public story, in id order, with the time of their newest one. */
    public void forEachTag(long offset, int limit, Consumer<Address> each) {
        forEachLinked("tags", "article_tags", "tag_id", "/tags/", offset, limit, each);
    }

    /** Authors with at least one public story, in id order, with the time of their newest one. */
    public void forEachAuthor(long offset, int limit, Consumer<Address> each) {
        forEachLinked("authors", "article_authors", "author_id", "/authors/", offset, limit, each);
    }

    private long countLinked(String links, String key) {
        return jdbc.sql("SELECT COUNT(DISTINCT l.%s) FROM %s l JOIN articles a ON a.id = l.article_id WHERE %s"
                        .formatted(key, links, ArticleRepository.PUBLIC))
                .param("now", SqlTime.of(clock.instant())).query(Long.class).single();
    }

    private void forEachLinked(String table, String links, String key, String prefix, long offset, int limit, Consumer<Address> each) {
        jdbc.sql("""
                SELECT t.slug, m.modified FROM %1$s t
                JOIN (SELECT l.%3$s AS id, MAX(a.updated_at) AS modified FROM %2$s l JOIN articles a ON a.id = l.article_id
                      WHERE %4$s GROUP BY l.%3$s) m ON m.id = t.id
                ORDER BY t.id LIMIT :limit OFFSET :offset
                """.formatted(table, links, key, ArticleRepository.PUBLIC))
                .param("now", SqlTime.of(clock.instant())).param("limit", limit).param("offset", offset)
                .query(rs -> {
                    each.accept(new Address(prefix + rs.getString("slug"), SqlTime.read(rs, "modified"), List.of()));
                });
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private List<Figure> galleryFigures(String slug) {
        GalleryEmbeds embeds = galleries.getIfAvailable();
        return embeds == null ? List.of() : embeds.figures(slug);
    }

    private record StoryRow(long id, String slug, Instant publishedAt, Instant updatedAt, Long photoId, Set<Long> bodyPhotoIds,
                            Set<String> gallerySlugs) {
    }
}
