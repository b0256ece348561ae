package press.dispatch.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class ArticleRepository {

    private static final String COLUMNS = columns("body_markdown, body_html");

    /** For public pages, which show the rendered body: the Markdown source is the editor's and is left unread. */
    private static final String PUBLIC_COLUMNS = columns("'' AS body_markdown, body_html");

    /** For writes about an article (a comment being posted), which need neither body. */
    private static final String BARE_COLUMNS = columns("'' AS body_markdown, '' AS body_html");

    private static String columns(String bodies) {
        return "id, slug, headline, standfirst, " + bodies + """
                , section_id, featured_media_id, featured_caption, featured_credit, featured_alt, status, web_only, comments_open,
                published_at, created_at, updated_at""";
    }

    /** The condition every public query carries: published, and its time has come. */
    static final String PUBLIC = "a.status = 'published' AND a.published_at <= :now";

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Article> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM articles WHERE id = :id").param("id", id).query(this::article).optional().map(this::withLinks);
    }

    /** Without author and tag ids: the public page reads its byline and tags with {@link AuthorRepository} and {@link TagRepository}. */
    Optional<Article> findPublic(String slug, Instant now) {
        return findPublic(PUBLIC_COLUMNS, slug, now);
    }

    /** {@link #findPublic} without the body, for writes that concern the article but do not show it. */
    Optional<Article> findPublicBare(String slug, Instant now) {
        return findPublic(BARE_COLUMNS, slug, now);
    }

    /** {@link #findPublic} with what {@link #described} reads, in the same round trip: for the article's page. */
    Optional<DescribedArticle> findPublicDescribed(String slug, Instant now) {
        return jdbc.sql("SELECT " + PUBLIC_COLUMNS + ", " + DESCRIBED_COLUMNS + " FROM articles a WHERE a.slug = :slug AND " + PUBLIC)
                .param("slug", slug).param("now", SqlTime.of(now))
                .query((rs, n) -> new DescribedArticle(article(rs, n), described(rs))).optional();
    }

    private Optional<Article> findPublic(String columns, String slug, Instant now) {
        return jdbc.sql("SELECT " + columns + " FROM articles a WHERE a.slug = :slug AND " + PUBLIC)
                .param("slug", slug).param("now", SqlTime.of(now))
                .query(this::article).optional();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM articles WHERE slug = :slug AND id <> :id").param("slug", slug).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    long insert(ArticleDraft draft, String slug, String bodyHtml, Instant now) {
        return jdbc.sql("""
                INSERT INTO articles (slug, headline, standfirst, body_markdown, body_html, section_id, featured_media_id, featured_caption,
                                      featured_credit, featured_alt, status, web_only, comments_open, published_at, created_at, updated_at)
                VALUES (:slug, :headline, :standfirst, :body, :html, :section, :media, :caption, :credit, :alt, 'draft', :webOnly, :commentsOpen,
                        NULL, :now, :now)
                RETURNING id
                """)
                .param("slug", slug).param("headline", draft.headline()).param("standfirst", draft.standfirst())
                .param("body", draft.bodyMarkdown()).param("html", bodyHtml).param("section", draft.sectionId())
                .param("media", draft.featuredMediaId()).param("caption", draft.featuredCaption()).param("credit", draft.featuredCredit())
                .param("alt", draft.featuredAlt()).param("webOnly", draft.webOnly()).param("commentsOpen", draft.commentsOpen())
                .param("now", SqlTime.of(now))
                .query(Long.class).single();
    }

    void update(long id, ArticleDraft draft, String slug, String bodyHtml, Instant now) {
        jdbc.sql("""
                UPDATE articles SET slug = :slug, headline = :headline, standfirst = :standfirst, body_markdown = :body, body_html = :html,
                       section_id = :section, featured_media_id = :media, featured_caption = :caption, featured_credit = :credit,
                       featured_alt = :alt, web_only = :webOnly, comments_open = :commentsOpen, updated_at = :now
                WHERE id = :id
                """)
                .param("id", id).param("slug", slug).param("headline", draft.headline()).param("standfirst", draft.standfirst())
                .param("body", draft.bodyMarkdown()).param("html", bodyHtml).param("section", draft.sectionId())
                .param("media", draft.featuredMediaId()).param("caption", draft.featuredCaption()).param("credit", draft.featuredCredit())
                .param("alt", draft.featuredAlt()).param("webOnly", draft.webOnly()).param("commentsOpen", draft.commentsOpen())
                .param("now", SqlTime.of(now))
                .update();
    }

    void replaceLinks(long id, List<Long> authorIds, List<Long> tagIds) {
        jdbc.sql("DELETE FROM article_authors WHERE article_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM article_tags WHERE article_id = :id").param("id", id).update();
        for (int i = 0; i < authorIds.size(); i++) {
            jdbc.sql("INSERT INTO article_authors (article_id, author_id, position) VALUES (:id, :author, :position)")
                    .param("id", id).param("author", authorIds.get(i)).param("position", i).update();
        }
        for (Long tag : tagIds) {
            jdbc.sql("INSERT INTO article_tags (article_id, tag_id) VALUES (:id, :tag)").param("id", id).param("tag", tag).update();
        }
    }

    /**
     * Sets status and publication time only if the article is still in the expected status; false if it was not.
     * Publishing counts as the last update (so a page says "updated" only for edits made after publication).
     */
    boolean transition(long id, ArticleStatus from, ArticleStatus to, Instant publishedAt, Instant now) {
        Instant updated = to == ArticleStatus.PUBLISHED ? publishedAt : now;
        return jdbc.sql("UPDATE articles SET status = :to, published_at = :publishedAt, updated_at = :updated WHERE id = :id AND status = :from")
                .param("id", id).param("from", from.column()).param("to", to.column()).param("publishedAt", SqlTime.of(publishedAt))
                .param("updated", SqlTime.of(updated))
                .update() == 1;
    }

    /** Publishes every scheduled article whose time has come; returns their ids. */
    List<Long> publishDue(Instant now) {
        return jdbc.sql("""
                UPDATE articles SET status = 'published', updated_at = published_at
                WHERE status = 'scheduled' AND published_at <= :now
                RETURNING id
                """).param("now", SqlTime.of(now)).query(Long.class).list();
    }

    /** An article's overrides for search and sharing, and when its page last said "Updated" (null: never). */
    record Described(SearchOverrides overrides, Instant revisedAt) {
    }

    /** An article row read with its description. */
    record DescribedArticle(Article article, Described described) {
    }

    private static final String DESCRIBED_COLUMNS = "search_title, search_description, social_media_id, revised_at";

    Described described(long id) {
        return jdbc.sql("SELECT " + DESCRIBED_COLUMNS + " FROM articles WHERE id = :id").param("id", id)
                .query((rs, n) -> described(rs))
                .optional().orElse(new Described(SearchOverrides.NONE, null));
    }

    private static Described described(ResultSet rs) throws SQLException {
        return new Described(new SearchOverrides(rs.getString("search_title"), rs.getString("search_description"), nullableLong(rs, "social_media_id")),
                SqlTime.read(rs, "revised_at"));
    }

    void override(long id, SearchOverrides overrides) {
        jdbc.sql("UPDATE articles SET search_title = :title, search_description = :description, social_media_id = :media WHERE id = :id")
                .param("id", id).param("title", overrides.title()).param("description", overrides.description())
                .param("media", overrides.socialMediaId()).update();
    }

    /** Those of these author ids that name no author. */
    List<Long> unknownAuthors(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> known = new java.util.HashSet<>(jdbc.sql("SELECT id FROM authors WHERE id IN (:ids)").param("ids", ids)
                .query(Long.class).list());
        return ids.stream().filter(id -> !known.contains(id)).toList();
    }

    void touch(long id, Instant at) {
        jdbc.sql("UPDATE articles SET updated_at = :at WHERE id = :id AND updated_at < :at").param("id", id).param("at", SqlTime.of(at)).update();
    }

    void markRevised(long id, Instant at) {
        jdbc.sql("UPDATE articles SET revised_at = :at WHERE id = :id").param("id", id).param("at", SqlTime.of(at)).update();
    }

    long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
    }

    /** Public cards, newest first, optionally narrowed to a section, tag or author. */
    List<CardRow> listPublic(Filter filter, Instant now, int offset, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.slug, a.headline, a.standfirst, a.published_at, a.featured_media_id, a.featured_alt, a.section_id
                FROM articles a
                """ + filter.join() + " WHERE " + PUBLIC + filter.condition() + """
                 ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset
                """)
                .param("now", SqlTime.of(now)).param("limit", limit).param("offset", offset).params(filter.params())
                .query((rs, n) -> new CardRow(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
                        SqlTime.read(rs, "published_at"), nullableLong(rs, "featured_media_id"), rs.getString("featured_alt"),
                        nullableLong(rs, "section_id")))
                .list();
    }

    /** Published in {@code (from, to]}, newest first; with {@code emailedOnly}, without the web-only ones. */
    List<CardRow> listPublishedBetween(Instant from, Instant to, int limit, boolean emailedOnly) {
        return jdbc.sql("""
                SELECT a.id, a.slug, a.headline, a.standfirst, a.published_at, a.featured_media_id, a.featured_alt, a.section_id
                FROM articles a
                WHERE a.status = 'published' AND a.published_at > :from AND a.published_at <= :to
                """ + (emailedOnly ? " AND a.web_only = FALSE" : "") + """
                 ORDER BY a.published_at DESC, a.id DESC LIMIT :limit
                """).param("from", SqlTime.of(from)).param("to", SqlTime.of(to)).param("limit", limit)
                .query((rs, n) -> new CardRow(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
                        SqlTime.read(rs, "published_at"), nullableLong(rs, "featured_media_id"), rs.getString("featured_alt"),
                        nullableLong(rs, "section_id")))
                .list();
    }

    /** The id of the story published earliest in {@code (from, to]}, if any: one row, for the news sitemap's regular check. */
    Optional<Long> earliestPublishedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT a.id FROM articles a
                WHERE a.status = 'published' AND a.published_at > :from AND a.published_at <= :to
                ORDER BY a.published_at ASC, a.id ASC LIMIT 1
                """).param("from", SqlTime.of(from)).param("to", SqlTime.of(to)).query(Long.class).optional();
    }

    /** Every public story's publication time, read row by row (never all at once): for the archive index. */
    void eachPublicTime(Instant now, java.util.function.Consumer<Instant> each) {
        jdbc.sql("SELECT a.published_at FROM articles a WHERE " + PUBLIC).param("now", SqlTime.of(now))
                .query(rs -> {
                    each.accept(SqlTime.read(rs, "published_at"));
                });
    }

    long countPublic(Filter filter, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM articles a " + filter.join() + " WHERE " + PUBLIC + filter.condition())
                .param("now", SqlTime.of(now)).params(filter.params()).query(Long.class).single();
    }

    record CardRow(long id, String slug, String headline, String standfirst, Instant publishedAt, Long featuredMediaId, String featuredAlt,
                   Long sectionId) {
    }

    /** Narrows a public listing. */
    record Filter(String join, String condition, Map<String, Object> params) {
        static final Filter ALL = new Filter("", "", Map.of());

        static Filter section(long id) {
            return new Filter("", " AND a.section_id = :filterId", Map.of("filterId", id));
        }

        static Filter tag(long id) {
            return new Filter("JOIN article_tags f ON f.article_id = a.id", " AND f.tag_id = :filterId", Map.of("filterId", id));
        }

        static Filter author(long id) {
            return new Filter("JOIN article_authors f ON f.article_id = a.id", " AND f.author_id = :filterId", Map.of("filterId", id));
        }

        /** Published in {@code [from, to)}: a date archive. */
        static Filter between(Instant from, Instant to) {
            return new Filter("", " AND a.published_at >= :filterFrom AND a.published_at < :filterTo",
                    Map.of("filterFrom", SqlTime.of(from), "filterTo", SqlTime.of(to)));
        }
    }

    private Article withLinks(Article a) {
        Links links = links(a.id());
        return new Article(a.id(), a.slug(), a.headline(), a.standfirst(), a.bodyMarkdown(), a.bodyHtml(), a.sectionId(), a.featuredMediaId(),
                a.featuredCaption(), a.featuredCredit(), a.featuredAlt(), a.status(), a.webOnly(), a.commentsOpen(), a.publishedAt(),
                a.createdAt(), a.updatedAt(), links.authorIds(), links.tagIds());
    }

    /** What an article's page shows besides the article row: its byline in order and its tags by name. */
    record BylineAndTags(List<Author> byline, List<Tag> tags) {
    }

    /** {@link BylineAndTags} in one round trip (on SQLite each query was about 6 % of an uncached page view's CPU). */
    BylineAndTags bylineAndTags(long id) {
        List<Author> byline = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        jdbc.sql("""
                SELECT 'a' AS kind, au.id, au.slug, au.display_name AS name, au.bio, au.photo_media_id, aa.position
                FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = :id
                UNION ALL
                SELECT 't', t.id, t.slug, t.name, NULL, NULL, 0 FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = :id
                ORDER BY kind, position, name
                """).param("id", id).query(rs -> {
            if (rs.getString("kind").equals("a")) {
                long photo = rs.getLong("photo_media_id");
                byline.add(new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("bio"), rs.wasNull() ? null : photo));
            } else {
                tags.add(new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")));
            }
        });
        return new BylineAndTags(List.copyOf(byline), List.copyOf(tags));
    }

    /** An article's section, its authors in byline order and its tags in id order: empty lists for no article. */
    record Links(Long sectionId, List<Long> authorIds, List<Long> tagIds) {
    }

    /** {@link Links} in one round trip. */
    Links links(long id) {
        Long[] section = {null};
        List<Long> authors = new ArrayList<>();
        List<Long> tags = new ArrayList<>();
        jdbc.sql("""
                SELECT 's' AS kind, section_id AS link, 0 AS position FROM articles WHERE id = :id AND section_id IS NOT NULL
                UNION ALL SELECT 'a', author_id, position FROM article_authors WHERE article_id = :id
                UNION ALL SELECT 't', tag_id, tag_id FROM article_tags WHERE article_id = :id
                ORDER BY kind, position
                """).param("id", id).query(rs -> {
            switch (rs.getString("kind")) {
                case "s" -> section[0] = rs.getLong("link");
                case "a" -> authors.add(rs.getLong("link"));
                default -> tags.add(rs.getLong("link"));
            }
        });
        return new Links(section[0], List.copyOf(authors), List.copyOf(tags));
    }

    private Article article(ResultSet rs, int row) throws SQLException {
        return new Article(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
                rs.getString("body_markdown"), rs.getString("body_html"), nullableLong(rs, "section_id"), nullableLong(rs, "featured_media_id"),
                rs.getString("featured_caption"), rs.getString("featured_credit"), rs.getString("featured_alt"),
                ArticleStatus.ofColumn(rs.getString("status")), rs.getBoolean("web_only"), rs.getBoolean("comments_open"),
                SqlTime.read(rs, "published_at"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"), List.of(), List.of());
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
