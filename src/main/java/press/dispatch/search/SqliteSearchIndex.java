package press.dispatch.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.platform.SqlTime;

/**
 * SQLite's FTS5 over {@code search_documents} (porter stemming, unicode61 words). Each term goes into MATCH as a
 * double-quoted string, FTS5's literal form, so nothing a reader types is read as an operator. Ranked by bm25 with the
 * headline weighted most, times a boost for recent stories.
 */
final class SqliteSearchIndex extends SearchIndex {

    /** bm25 weights, in the index's column order: headline, standfirst, body, tags, section, captions. */
    private static final String BM25 = "bm25(search_index, 10.0, 4.0, 1.0, 4.0, 2.0, 2.0)";
    private static final String FROM = " FROM search_index JOIN search_documents d ON d.article_id = search_index.rowid WHERE search_index MATCH :match";
    /** Over the candidates: relevance times the recency boost, then the newest first. */
    private static final String ORDER = "c.score * (1.0 + 1.0 / (1.0 + MAX(0, :nowMs - c.at) / " + (BOOST_DAYS * 86_400_000) + ")), c.at DESC, c.id DESC";

    SqliteSearchIndex(JdbcClient jdbc) {
        super(jdbc);
    }

    /** Terms hold only letters and digits; the doubling of quotes keeps that true whatever changes upstream. */
    static String match(SearchTerms terms) {
        return terms.phrases().stream().map(p -> "\"" + p.replace("\"", "\"\"") + "\"").collect(Collectors.joining(" AND "));
    }

    /**
     * The newest matches come straight from FTS5's index in descending rowid order (no sort), and relevance is
     * computed for those alone; bm25 is negative, lower is better: multiplying by the boost (1 to 2) moves recent
     * stories up.
     */
    @Override
    Ranked rank(SearchTerms terms, SearchQuery query, Instant now) {
        String candidates = "SELECT search_index.rowid AS id, " + BM25 + " AS score, d.published_at AS at" + FROM + filters(query)
                + " ORDER BY search_index.rowid DESC LIMIT " + (CANDIDATES + 1);
        return params(jdbc.sql(rankedPage(candidates, ORDER)), terms, query, now)
                .param("nowMs", now.toEpochMilli()).param("limit", query.perPage()).param("offset", (query.page() - 1) * query.perPage())
                .query(SearchIndex::ranked);
    }

    @Override
    long count(SearchTerms terms, SearchQuery query, Instant now, int cap) {
        return params(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1" + FROM + filters(query) + " LIMIT :cap)"), terms, query, now).param("cap", cap)
                .query(Long.class).single();
    }

    @Override
    List<Long> rankAll(SearchTerms terms, int limit, Instant now) {
        String sql = "SELECT c.id FROM (SELECT search_index.rowid AS id, " + BM25 + " AS score, COALESCE(d.published_at, d.source_updated_at) AS at"
                + FROM + " ORDER BY search_index.rowid DESC LIMIT " + CANDIDATES + ") c ORDER BY " + ORDER + " LIMIT :limit";
        return jdbc.sql(sql).param("match", match(terms)).param("nowMs", now.toEpochMilli()).param("limit", limit).query(Long.class).list();
    }

    @Override
    List<Hit> hits(SearchTerms terms, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT d.article_id, d.slug, d.section, d.section_slug, d.published_at,
                               highlight(search_index, 0, :open, :close) AS headline_marked,
                               snippet(search_index, 2, :open, :close, '…', 30) AS snippet_marked
                        """ + FROM + " AND search_index.rowid IN (:ids)")
                .param("match", match(terms)).param("open", String.valueOf(Fragment.OPEN)).param("close", String.valueOf(Fragment.CLOSE))
                .param("ids", ids)
                .query((rs, n) -> new Hit(rs.getLong("article_id"), rs.getString("slug"), Fragment.parse(rs.getString("headline_marked")),
                        Fragment.parse(rs.getString("snippet_marked")), rs.getString("section"), rs.getString("section_slug"),
                        SqlTime.read(rs, "published_at")))
                .list();
    }

    private static String filters(SearchQuery query) {
        StringBuilder where = new StringBuilder(" AND d.status = 'published' AND d.published_at <= :now");
        if (query.sectionId() != null) {
            where.append(" AND d.section_id = :section");
        }
        if (query.from() != null) {
            where.append(" AND d.published_at >= :from");
        }
        if (query.until() != null) {
            where.append(" AND d.published_at < :until");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, SearchTerms terms, SearchQuery query, Instant now) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("match", match(terms));
        params.put("now", SqlTime.of(now));
        if (query.sectionId() != null) {
            params.put("section", query.sectionId());
        }
        if (query.from() != null) {
            params.put("from", SqlTime.of(query.from()));
        }
        if (query.until() != null) {
            params.put("until", SqlTime.of(query.until()));
        }
        return spec.params(params);
    }
}
