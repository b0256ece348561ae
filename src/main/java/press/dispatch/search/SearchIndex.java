package press.dispatch.search;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.articles.StoryTexts.StoryText;
import press.dispatch.platform.SqlTime;

/**
 * The documents table both engines share, and the query each engine answers its own way. Every article is a document,
 * with its status; the public queries read only published documents whose time has come.
 *
 * <p>Ranking reads at most {@value #CANDIDATES} documents per query: the newest matches (by article id, which both
 * engines read in order from their indexes), ranked by relevance and recency. A query that matches more ranks the
 * newest {@value #CANDIDATES}; fewer matches are all ranked. Computing relevance for every one of 100,000 matches of
 * a common word is what made a search cost tens of milliseconds.
 */
abstract class SearchIndex {

    /** Control characters never reach the index: the engines' highlights use two of them as marks. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cs}]+");

    /** How a hit's recency counts: a story this many days old gets half the boost of one published now. */
    static final double BOOST_DAYS = 30.0;

    /** How many of the newest matches a query ranks; also how far the public count goes. */
    static final int CANDIDATES = 1_000;

    protected final JdbcClient jdbc;

    SearchIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ranked ids of one page of public hits, with how many public stories match counted up to {@value #CANDIDATES} + 1,
     * in one query (the candidates are read once for both); everything the caller filters on is bound, never spliced.
     * A page past the last one has no ids and a count of 0: {@link #count} tells how many there were.
     */
    abstract Ranked rank(SearchTerms terms, SearchQuery query, Instant now);

    /** One page of ranked ids and the count of all matches, up to {@value #CANDIDATES} + 1. */
    record Ranked(List<Long> ids, long total) {
    }

    /** Reads one row of a ranking: its id, and the count of all candidates (the same on every row). */
    static Ranked ranked(java.sql.ResultSet rows) throws java.sql.SQLException {
        List<Long> ids = new java.util.ArrayList<>();
        long total = 0;
        while (rows.next()) {
            ids.add(rows.getLong(1));
            total = rows.getLong(2);
        }
        return new Ranked(ids, total);
    }

    /**
     * Over the candidates {@code c} (the newest {@value #CANDIDATES} + 1 matches, {@code n} numbering them newest
     * first): the count of all, and the ranking of the first {@value #CANDIDATES}.
     */
    static String rankedPage(String candidates, String order) {
        return "SELECT c.id, c.total FROM (SELECT r.*, COUNT(*) OVER () AS total, ROW_NUMBER() OVER (ORDER BY r.id DESC) AS n FROM ("
                + candidates + ") r) c WHERE c.n <= " + CANDIDATES + " ORDER BY " + order + " LIMIT :limit OFFSET :offset";
    }

    /** How many public stories match, counted up to {@code cap} (a larger number is returned as {@code cap}). */
    abstract long count(SearchTerms terms, SearchQuery query, Instant now, int cap);

    /** Ranked ids of articles of any status that match, at most {@code limit}. */
    abstract List<Long> rankAll(SearchTerms terms, int limit, Instant now);

    /** The hits for these ids, with highlights, in no particular order. */
    abstract List<Hit> hits(SearchTerms terms, List<Long> ids);

    void put(StoryText text) {
        jdbc.sql("""
                INSERT INTO search_documents (article_id, slug, headline, standfirst, body, tags, section, captions, section_id, section_slug,
                                              status, published_at, source_updated_at)
                VALUES (:id, :slug, :headline, :standfirst, :body, :tags, :section, :captions, :sectionId, :sectionSlug, :status, :publishedAt,
                        :updatedAt)
                ON CONFLICT (article_id) DO UPDATE SET slug = excluded.slug, headline = excluded.headline, standfirst = excluded.standfirst,
                    body = excluded.body, tags = excluded.tags, section = excluded.section, captions = excluded.captions,
                    section_id = excluded.section_id, section_slug = excluded.section_slug, status = excluded.status,
                    published_at = excluded.published_at, source_updated_at = excluded.source_updated_at
                """)
                .param("id", text.id()).param("slug", text.slug()).param("headline", clean(text.headline()))
                .param("standfirst", clean(text.standfirst())).param("body", clean(text.body()))
                .param("tags", clean(String.join(" ", text.tags()))).param("section", clean(text.sectionName()))
                .param("captions", clean(text.captions())).param("sectionId", text.sectionId()).param("sectionSlug", text.sectionSlug())
                .param("status", text.status()).param("publishedAt", text.publishedAt() == null ? null : SqlTime.of(text.publishedAt()))
                .param("updatedAt", SqlTime.of(text.updatedAt()))
                .update();
        changed();
    }

    void remove(long articleId) {
        if (jdbc.sql("DELETE FROM search_documents WHERE article_id = :id").param("id", articleId).update() > 0) {
            changed();
        }
    }

    /** The status and source time of each document in {@code (afterId, upToId]}, by article id. */
    Map<Long, Copy> stamps(long afterId, long upToId) {
        Map<Long, Copy> stamps = new HashMap<>();
        jdbc.sql("SELECT article_id, status, source_updated_at FROM search_documents WHERE article_id > :after AND article_id <= :upTo")
                .param("after", afterId).param("upTo", upToId)
                .query(rs -> {
                    stamps.put(rs.getLong("article_id"), new Copy(rs.getString("status"), SqlTime.read(rs, "source_updated_at")));
                });
        return stamps;
    }

    /** What a document was copied from: the article's status and when it had last changed. */
    record Copy(String status, Instant updatedAt) {
    }

    void removeAbove(long afterId) {
        if (jdbc.sql("DELETE FROM search_documents WHERE article_id > :after").param("after", afterId).update() > 0) {
            changed();
        }
    }

    /**
     * A number that grows with every change to the documents, made by any node, and is read in the same snapshot as
     * them: results kept under one number are right until it moves.
     */
    long generation() {
        return jdbc.sql("SELECT generation FROM search_changes WHERE id = 1").query(Long.class).single();
    }

    private void changed() {
        jdbc.sql("UPDATE search_changes SET generation = generation + 1 WHERE id = 1").update();
    }

    long size() {
        return jdbc.sql("SELECT COUNT(*) FROM search_documents").query(Long.class).single();
    }

    private static String clean(String text) {
        return text == null ? "" : CONTROL.matcher(text).replaceAll(" ");
    }
}
