package press.dispatch.exporter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import press.dispatch.articles.Markdown;
import press.dispatch.media.MediaLibrary;
import press.dispatch.platform.SqlTime;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

/**
 * Writes the whole site as a WordPress export (WXR 1.2) and its photos as a zip laid out like {@code wp-content/uploads}.
 * Rows are read a batch at a time (by id), so a large archive is never held in memory. Item ids: a photo keeps its own
 * id, articles and pages follow after the highest photo and article ids, so WordPress sees every item id once.
 * Times are written in UTC for both {@code post_date} and {@code post_date_gmt}.
 */
@Service
public class WordPressExports {

    static final int BATCH = 200;
    private static final DateTimeFormatter WP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Pattern ROOT_RELATIVE = Pattern.compile("(?<=(?:src|href|srcset)=\")/(?!/)|(?<=, )/(?=media/)");

    private final JdbcClient jdbc;
    private final SiteSettings settings;
    private final Markdown markdown;
    private final MediaLibrary media;
    private final Clock clock;

    WordPressExports(JdbcClient jdbc, SiteSettings settings, Markdown markdown, MediaLibrary media, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.markdown = markdown;
        this.media = media;
        this.clock = clock;
    }

    /** Writes the export to the stream (left open). */
    public void writeWxr(OutputStream stream) {
        Settings site = settings.current();
        String base = site.baseUrl();
        long articleOffset = max("media_items");
        long pageOffset = articleOffset + max("articles");
        long tagOffset = max("sections");
        try (WxrWriter wxr = new WxrWriter(stream)) {
            wxr.text("title", site.name()).text("link", base).text("description", site.tagline())
                    .text("pubDate", RFC_822.format(clock.instant())).text("language", site.language())
                    .text("wp:wxr_version", "1.2").text("wp:base_site_url", base).text("wp:base_blog_url", base);
            authors(wxr);
            jdbc.sql("SELECT id, slug, name, description FROM sections ORDER BY position, id").query((ResultSet rs) -> {
                wxr.open("wp:category").text("wp:term_id", rs.getLong("id")).cdata("wp:category_nicename", rs.getString("slug"))
                        .cdata("wp:category_parent", "").cdata("wp:cat_name", rs.getString("name"))
                        .cdata("wp:category_description", rs.getString("description")).close("wp:category");
            });
            eachBatch("SELECT id, slug, name FROM tags WHERE id > :after ORDER BY id LIMIT " + BATCH, rs -> {
                wxr.open("wp:tag").text("wp:term_id", tagOffset + rs.getLong("id")).cdata("wp:tag_slug", rs.getString("slug"))
                        .cdata("wp:tag_name", rs.getString("name")).close("wp:tag");
            });
            eachBatch("""
                    SELECT id, storage_key, original_filename, width, caption, alt_text, credit_photographer, credit_organisation, created_at
                    FROM media_items WHERE id > :after ORDER BY id LIMIT""" + " " + BATCH, rs -> attachment(wxr, base, rs));
            eachBatch("""
                    SELECT a.id, a.slug, a.headline, a.standfirst, a.body_html, a.status, a.trashed_at, a.comments_open, a.published_at,
                           a.created_at, a.updated_at, a.featured_media_id, s.slug AS section_slug, s.name AS section_name,
                           (SELECT au.slug FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                            WHERE aa.article_id = a.id ORDER BY aa.position LIMIT 1) AS author_slug
                    FROM articles a LEFT JOIN sections s ON s.id = a.section_id
                    WHERE a.id > :after ORDER BY a.id LIMIT""" + " " + BATCH, rs -> article(wxr, base, articleOffset, rs));
            eachBatch("""
                    SELECT id, slug, title, body_markdown, status, published_at, created_at, updated_at
                    FROM pages WHERE id > :after ORDER BY id LIMIT""" + " " + BATCH, rs -> page(wxr, base, pageOffset, rs));
        }
    }

    /** Writes the zip of photos (the widest stored variant of each) to the stream, then finishes the zip. */
    public void writeMedia(OutputStream stream) {
        try {
            ZipOutputStream zip = new ZipOutputStream(stream);
            eachBatch("SELECT id, storage_key, original_filename, created_at FROM media_items WHERE id > :after ORDER BY id LIMIT " + BATCH, rs -> {
                String key = rs.getString("storage_key");
                Optional<Path> file = widest(rs.getLong("id"), key);
                if (file.isPresent()) {
                    try {
                        zip.putNextEntry(new ZipEntry("wp-content/uploads/" + attachedFile(rs)));
                        Files.copy(file.get(), zip);
                        zip.closeEntry();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void authors(WxrWriter wxr) {
        eachBatch("""
                SELECT a.id, a.slug, a.display_name, s.email AS staff_email FROM authors a LEFT JOIN staff s ON s.id = a.staff_id
                WHERE a.id > :after ORDER BY a.id LIMIT""" + " " + BATCH, rs -> {
            String email = rs.getString("staff_email");
            wxr.open("wp:author").text("wp:author_id", rs.getLong("id")).cdata("wp:author_login", rs.getString("slug"))
                    .cdata("wp:author_email", email == null ? "" : email).cdata("wp:author_display_name", rs.getString("display_name"))
                    .cdata("wp:author_first_name", "").cdata("wp:author_last_name", "").close("wp:author");
        });
    }

    private void attachment(WxrWriter wxr, String base, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String key = rs.getString("storage_key");
        Instant created = SqlTime.read(rs, "created_at");
        String url = widestWidth(id).map(w -> base + "/media/" + key + "/" + w + ".jpg").orElse(base + "/media/" + key + "/");
        String caption = rs.getString("caption");
        String who = rs.getString("credit_photographer");
        String agency = rs.getString("credit_organisation");
        if (!who.isBlank() || !agency.isBlank()) {
            String credit = "Photo: " + (who.isBlank() ? agency : who + (agency.isBlank() ? "" : " / " + agency));
            caption = caption.isBlank() ? credit : caption.strip() + " " + credit;
        }
        String title = title(rs.getString("original_filename"));
        wxr.open("item").text("title", title).text("link", url).text("pubDate", RFC_822.format(created)).cdata("dc:creator", "")
                .open("guid").attribute("isPermaLink", "false");
        wxr.cdataContent(url);
        wxr.close("guid").text("description", "").cdata("content:encoded", "").cdata("excerpt:encoded", caption)
                .text("wp:post_id", id).cdata("wp:post_date", WP_TIME.format(created)).cdata("wp:post_date_gmt", WP_TIME.format(created))
                .cdata("wp:post_modified", WP_TIME.format(created)).cdata("wp:post_modified_gmt", WP_TIME.format(created))
                .cdata("wp:comment_status", "closed").cdata("wp:ping_status", "closed").cdata("wp:post_name", key)
                .cdata("wp:status", "inherit").text("wp:post_parent", 0).text("wp:menu_order", 0).cdata("wp:post_type", "attachment")
                .cdata("wp:post_password", "").text("wp:is_sticky", 0).cdata("wp:attachment_url", url);
        meta(wxr, "_wp_attached_file", attachedFile(rs));
        meta(wxr, "_wp_attachment_image_alt", rs.getString("alt_text"));
        wxr.close("item");
    }

    private void article(WxrWriter wxr, String base, long offset, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String slug = rs.getString("slug");
        String link = base + "/articles/" + slug;
        Instant created = SqlTime.read(rs, "created_at");
        Instant published = Optional.ofNullable(SqlTime.read(rs, "published_at")).orElse(created);
        Instant updated = SqlTime.read(rs, "updated_at");
        String status = rs.getObject("trashed_at") != null ? "trash" : switch (rs.getString("status")) {
            case "published" -> "publish";
            case "scheduled" -> "future";
            default -> "draft";
        };
        String author = rs.getString("author_slug");
        wxr.open("item").text("title", rs.getString("headline")).text("link", link).text("pubDate", RFC_822.format(published))
                .cdata("dc:creator", author == null ? "" : author).open("guid").attribute("isPermaLink", "false");
        wxr.cdataContent(base + "/?p=" + (offset + id));
        wxr.close("guid").text("description", "").cdata("content:encoded", absolute(rs.getString("body_html"), base))
                .cdata("excerpt:encoded", rs.getString("standfirst")).text("wp:post_id", offset + id)
                .cdata("wp:post_date", WP_TIME.format(published)).cdata("wp:post_date_gmt", status.equals("draft") ? "0000-00-00 00:00:00" : WP_TIME.format(published))
                .cdata("wp:post_modified", WP_TIME.format(updated)).cdata("wp:post_modified_gmt", WP_TIME.format(updated))
                .cdata("wp:comment_status", rs.getBoolean("comments_open") ? "open" : "closed").cdata("wp:ping_status", "closed")
                .cdata("wp:post_name", slug).cdata("wp:status", status).text("wp:post_parent", 0).text("wp:menu_order", 0)
                .cdata("wp:post_type", "post").cdata("wp:post_password", "").text("wp:is_sticky", 0);
        if (rs.getString("section_slug") != null) {
            wxr.open("category").attribute("domain", "category").attribute("nicename", rs.getString("section_slug"));
            wxr.cdataContent(rs.getString("section_name"));
            wxr.close("category");
        }
        record Term(String slug, String name) {
        }
        List<Term> tags = jdbc.sql("SELECT t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = :a ORDER BY t.name")
                .param("a", id).query((r, n) -> new Term(r.getString("slug"), r.getString("name"))).list();
        for (Term tag : tags) {
            wxr.open("category").attribute("domain", "post_tag").attribute("nicename", tag.slug());
            wxr.cdataContent(tag.name());
            wxr.close("category");
        }
        long featured = rs.getLong("featured_media_id");
        if (!rs.wasNull()) {
            meta(wxr, "_thumbnail_id", Long.toString(featured));
        }
        comments(wxr, id);
        wxr.close("item");
    }

    private void comments(WxrWriter wxr, long articleId) {
        long[] after = {0};
        int[] seen = {BATCH};
        while (seen[0] == BATCH) {
            seen[0] = 0;
            jdbc.sql("""
                    SELECT id, parent_id, reply_to_id, author_name, author_email, author_url, ip, body, status, created_at
                    FROM comments WHERE article_id = :a AND id > :after ORDER BY id LIMIT""" + " " + BATCH)
                    .param("a", articleId).param("after", after[0]).query((ResultSet rs) -> {
                        seen[0]++;
                        after[0] = rs.getLong("id");
                        Instant at = SqlTime.read(rs, "created_at");
                        long parent = rs.getObject("reply_to_id") != null ? rs.getLong("reply_to_id")
                                : rs.getObject("parent_id") != null ? rs.getLong("parent_id") : 0;
                        String approved = switch (rs.getString("status")) {
                            case "approved" -> "1";
                            case "pending" -> "0";
                            default -> rs.getString("status");
                        };
                        wxr.open("wp:comment").text("wp:comment_id", rs.getLong("id")).cdata("wp:comment_author", rs.getString("author_name"))
                                .cdata("wp:comment_author_email", rs.getString("author_email")).cdata("wp:comment_author_url", rs.getString("author_url"))
                                .cdata("wp:comment_author_IP", Optional.ofNullable(rs.getString("ip")).orElse(""))
                                .cdata("wp:comment_date", WP_TIME.format(at)).cdata("wp:comment_date_gmt", WP_TIME.format(at))
                                .cdata("wp:comment_content", rs.getString("body")).cdata("wp:comment_approved", approved)
                                .cdata("wp:comment_type", "comment").text("wp:comment_parent", parent).text("wp:comment_user_id", 0)
                                .close("wp:comment");
                    });
        }
    }

    private void page(WxrWriter wxr, String base, long offset, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String slug = rs.getString("slug");
        Instant created = SqlTime.read(rs, "created_at");
        Instant published = Optional.ofNullable(SqlTime.read(rs, "published_at")).orElse(created);
        Instant updated = SqlTime.read(rs, "updated_at");
        String status = rs.getString("status").equals("published") ? "publish" : "draft";
        wxr.open("item").text("title", rs.getString("title")).text("link", base + "/" + slug).text("pubDate", RFC_822.format(published))
                .cdata("dc:creator", "").open("guid").attribute("isPermaLink", "false");
        wxr.cdataContent(base + "/?page_id=" + (offset + id));
        wxr.close("guid").text("description", "").cdata("content:encoded", absolute(markdown.render(rs.getString("body_markdown")), base))
                .cdata("excerpt:encoded", "").text("wp:post_id", offset + id)
                .cdata("wp:post_date", WP_TIME.format(published)).cdata("wp:post_date_gmt", status.equals("draft") ? "0000-00-00 00:00:00" : WP_TIME.format(published))
                .cdata("wp:post_modified", WP_TIME.format(updated)).cdata("wp:post_modified_gmt", WP_TIME.format(updated))
                .cdata("wp:comment_status", "closed").cdata("wp:ping_status", "closed").cdata("wp:post_name", slug)
                .cdata("wp:status", status).text("wp:post_parent", 0).text("wp:menu_order", 0).cdata("wp:post_type", "page")
                .cdata("wp:post_password", "").text("wp:is_sticky", 0).close("item");
    }

    private static void meta(WxrWriter wxr, String key, String value) {
        wxr.open("wp:postmeta").cdata("wp:meta_key", key).cdata("wp:meta_value", value).close("wp:postmeta");
    }

    /** Where the photo sits in wp-content/uploads: year/month of its upload, a name from its file, and its key. */
    private static String attachedFile(ResultSet rs) throws SQLException {
        Instant created = SqlTime.read(rs, "created_at");
        String month = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC).format(created);
        String name = Normalizer.normalize(title(rs.getString("original_filename")), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        return month + "/" + (name.isEmpty() ? "photo" : name + "-") + rs.getString("storage_key").substring(0, 8) + ".jpg";
    }

    private static String title(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }

    /** Readers' pages link within the site; an export read elsewhere needs whole addresses. */
    static String absolute(String html, String base) {
        return ROOT_RELATIVE.matcher(html).replaceAll(Matcher.quoteReplacement(base + "/"));
    }

    private Optional<Integer> widestWidth(long mediaId) {
        return jdbc.sql("SELECT MAX(width) FROM media_variants WHERE media_id = :m").param("m", mediaId).query(Integer.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private Optional<Path> widest(long mediaId, String key) {
        return widestWidth(mediaId).flatMap(w -> media.fileOf(key, w));
    }

    private long max(String table) {
        return jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(0L);
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs a keyset-paged query ({@code id > :after … LIMIT BATCH}) until a batch comes back short. */
    private void eachBatch(String sql, Row row) {
        long[] after = {0};
        int[] seen = {BATCH};
        while (seen[0] == BATCH) {
            seen[0] = 0;
            jdbc.sql(sql).param("after", after[0]).query((ResultSet rs) -> {
                seen[0]++;
                after[0] = rs.getLong("id");
                row.accept(rs);
            });
        }
    }
}
