package press.dispatch.search;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.platform.SqlTime;

/**
 * PostgreSQL full text over the weighted {@code document} column (GIN index), English stemming and stop words. Each
 * term is a bound parameter given to {@code phraseto_tsquery}, which reads only words, so nothing a reader types is
 * read as tsquery syntax. Ranked by {@code ts_rank} (weights A headline … D body), times a boost for recent stories.
 */
final class PostgresSearchIndex extends SearchIndex {

    private static final String HEADLINE_OPTIONS = "HighlightAll=true, StartSel=" + Fragment.OPEN + ", StopSel=" + Fragment.CLOSE;
    private static final String SNIPPET_OPTIONS = "MaxWords=30, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \", StartSel="
            + Fragment.OPEN + ", StopSel=" + Fragment.CLOSE;

    PostgresSearchIndex(JdbcClient jdbc) {
        super(jdbc);
    }

    /** {@code phraseto_tsquery('english', :t0) && …}: every term must match. */
    private static String tsquery(SearchTerms terms) {
        return IntStream.range(0, terms.terms().size()).mapToObj(i -> "phraseto_tsquery('english', :t" + i + ")")
                .collect(Collectors.joining(" && ", "(", ")"));
    }

    /**
     * The newest matches first (PostgreSQL picks the GIN index for a rare term, or walks the primary key backwards for
     * a common one, stopping at the limit), and {@code ts_rank} only for those: it reads each candidate's whole tsvector.
     */
    @Override
    Ranked rank(SearchTerms terms, SearchQuery query, Instant now) {
        String candidates = "SELECT d.article_id AS id, d.document, d.published_at AS at FROM search_documents d WHERE d.document @@ "
                + tsquery(terms) + filters(query) + " ORDER BY d.article_id DESC LIMIT " + (CANDIDATES + 1);
        return params(jdbc.sql(rankedPage(candidates, order(terms))), terms, query, now).param("limit", query.perPage())
                .param("offset", (query.page() - 1) * query.perPage())
                .query(SearchIndex::ranked);
    }

    @Override
    long count(SearchTerms terms, SearchQuery query, Instant now, int cap) {
        return params(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM search_documents d WHERE d.document @@ " + tsquery(terms) + filters(query)
                + " LIMIT :cap) c"), terms, query, now).param("cap", cap).query(Long.class).single();
    }

    @Override
    List<Long> rankAll(SearchTerms terms, int limit, Instant now) {
        String sql = "SELECT c.id FROM (SELECT d.article_id AS id, d.document, COALESCE(d.published_at, d.source_updated_at) AS at"
                + " FROM search_documents d WHERE d.document @@ " + tsquery(terms) + " ORDER BY d.article_id DESC LIMIT " + CANDIDATES + ") c"
                + " ORDER BY " + order(terms) + " LIMIT :limit";
        Map<String, Object> params = termParams(terms);
        params.put("now", SqlTime.of(now));
        params.put("limit", limit);
        return jdbc.sql(sql).params(params).query(Long.class).list();
    }

    /** Over the candidates {@code c}: relevance times the recency boost, then the newest first. */
    private static String order(SearchTerms terms) {
        return "ts_rank(c.document, " + tsquery(terms) + ") * (1.0 + 1.0 / (1.0 + GREATEST(0, EXTRACT(EPOCH FROM (CAST(:now AS timestamptz)"
                + " - c.at))) / " + (BOOST_DAYS * 86_400) + ")) DESC, c.at DESC, c.id DESC";
    }

    @Override
    List<Hit> hits(SearchTerms terms, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = termParams(terms);
        params.put("ids", ids);
        params.put("headlineOptions", HEADLINE_OPTIONS);
        params.put("snippetOptions", SNIPPET_OPTIONS);
        return jdbc.sql("SELECT d.article_id, d.slug, d.section, d.section_slug, d.published_at,"
                        + " ts_headline('english', d.headline, q.query, :headlineOptions) AS headline_marked,"
                        + " ts_headline('english', d.body, q.query, :snippetOptions) AS snippet_marked"
                        + " FROM search_documents d, (SELECT " + tsquery(terms) + " AS query) q WHERE d.article_id IN (:ids)")
                .params(params)
                .query((rs, n) -> new Hit(rs.getLong("article_id"), rs.getString("slug"), Fragment.parse(rs.getString("headline_marked")),
                        Fragment.parse(rs.getString("snippet_marked")), rs.getString("section"), rs.getString("section_slug"),
                        SqlTime.read(rs, "published_at")))
                .list();
    }

    private static String filters(SearchQuery query) {
        StringBuilder where = new StringBuilder(" AND d.status = 'published' AND d.published_at <= CAST(:now AS timestamptz)");
        if (query.sectionId() != null) {
            where.append(" AND d.section_id = :section");
        }
        if (query.from() != null) {
            where.append(" AND d.published_at >= CAST(:from AS timestamptz)");
        }
        if (query.until() != null) {
            where.append(" AND d.published_at < CAST(:until AS timestamptz)");
        }
        return where.toString();
    }

    private static Map<String, Object> termParams(SearchTerms terms) {
        Map<String, Object> params = new HashMap<>();
        List<String> phrases = terms.phrases();
        for (int i = 0; i < phrases.size(); i++) {
            params.put("t" + i, phrases.get(i));
        }
        return params;
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, SearchTerms terms, SearchQuery query, Instant now) {
        Map<String, Object> params = termParams(terms);
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
