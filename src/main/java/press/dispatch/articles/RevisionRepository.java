package press.dispatch.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class RevisionRepository {

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the next revision of the article and returns its number. */
    int add(long articleId, Long staffId, String staffName, ArticleDraft d, String slug, Instant now) {
        int next = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM article_revisions WHERE article_id = :id").param("id", articleId)
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO article_revisions (article_id, number, staff_id, staff_name, created_at, headline, slug, standfirst, body_markdown,
                                               section_id, tags, featured_media_id, featured_caption, featured_credit, featured_alt, web_only,
                                               comments_open, author_ids)
                VALUES (:article, :number, :staff, :staffName, :now, :headline, :slug, :standfirst, :body, :section, :tags, :media, :caption,
                        :credit, :alt, :webOnly, :commentsOpen, :authorIds)
                """)
                .param("article", articleId).param("number", next).param("staff", staffId).param("staffName", staffName)
                .param("now", SqlTime.of(now)).param("headline", d.headline()).param("slug", slug).param("standfirst", d.standfirst())
                .param("body", d.bodyMarkdown()).param("section", d.sectionId()).param("tags", String.join("\n", d.tags()))
                .param("media", d.featuredMediaId()).param("caption", d.featuredCaption()).param("credit", d.featuredCredit())
                .param("alt", d.featuredAlt()).param("webOnly", d.webOnly()).param("commentsOpen", d.commentsOpen())
                .param("authorIds", d.authorIds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                .update();
        return next;
    }

    List<Revision> list(long articleId) {
        return jdbc.sql("SELECT * FROM article_revisions WHERE article_id = :id ORDER BY number DESC").param("id", articleId).query(this::row).list();
    }

    Optional<Revision> find(long articleId, int number) {
        return jdbc.sql("SELECT * FROM article_revisions WHERE article_id = :id AND number = :number").param("id", articleId)
                .param("number", number).query(this::row).optional();
    }

    private Revision row(ResultSet rs, int n) throws SQLException {
        long section = rs.getLong("section_id");
        Long sectionId = rs.wasNull() ? null : section;
        long media = rs.getLong("featured_media_id");
        Long mediaId = rs.wasNull() ? null : media;
        String tags = rs.getString("tags");
        String authors = rs.getString("author_ids");
        // Revisions saved before bylines were kept have none: the article's current byline applies.
        List<Long> authorIds = authors == null || authors.isEmpty() ? List.of() : Arrays.stream(authors.split(",")).map(Long::valueOf).toList();
        ArticleDraft draft = new ArticleDraft(rs.getString("headline"), rs.getString("slug"), rs.getString("standfirst"), rs.getString("body_markdown"),
                sectionId, authorIds, tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")), mediaId, rs.getString("featured_caption"),
                rs.getString("featured_credit"), rs.getString("featured_alt"), rs.getBoolean("web_only"), rs.getBoolean("comments_open"));
        return new Revision(rs.getLong("id"), rs.getLong("article_id"), rs.getInt("number"), rs.getString("staff_name"),
                SqlTime.read(rs, "created_at"), draft);
    }
}
