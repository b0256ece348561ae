package press.dispatch.search;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.articles.StoryTexts.StoryText;
import press.dispatch.platform.SqlTime;

/** The documents table both engines share, and the query each engine answers its own way. */
abstract class SearchIndex {

    /** Control characters never reach the index: the engines' highlights use two of them as marks. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cs}]+");

    /** How a hit's recency counts: a story this many days old gets half the boost of one published now. */
    static final double BOOST_DAYS = 30.0;

    protected final JdbcClient jdbc;

    SearchIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ranked ids of one page of hits; everything the caller filters on is bound, never spliced. */
    abstract List<Long> rank(SearchTerms terms, SearchQuery query, Instant now);

    abstract long count(SearchTerms terms, SearchQuery query, Instant now);

    /** The hits for these ids, with highlights, in no particular order. */
    abstract List<Hit> hits(SearchTerms terms, List<Long> ids);

    void put(StoryText text) {
        jdbc.sql("""
                INSERT INTO search_documents (article_id, slug, headline, standfirst, body, tags, section, captions, section_id, section_slug,
                                              published_at, source_updated_at)
                VALUES (:id, :slug, :headline, :standfirst, :body, :tags, :section, :captions, :sectionId, :sectionSlug, :publishedAt, :updatedAt)
                ON CONFLICT (article_id) DO UPDATE SET slug = excluded.slug, headline = excluded.headline, standfirst = excluded.standfirst,
                    body = excluded.body, tags = excluded.tags, section = excluded.section, captions = excluded.captions,
                    section_id = excluded.section_id, section_slug = excluded.section_slug, published_at = excluded.published_at,
                    source_updated_at = excluded.source_updated_at
                """)
                .param("id", text.id()).param("slug", text.slug()).param("headline", clean(text.headline()))
                .param("standfirst", clean(text.standfirst())).param("body", clean(text.body()))
                .param("tags", clean(String.join(" ", text.tags()))).param("section", clean(text.sectionName()))
                .param("captions", clean(text.captions())).param("sectionId", text.sectionId()).param("sectionSlug", text.sectionSlug())
                .param("publishedAt", SqlTime.of(text.publishedAt())).param("updatedAt", SqlTime.of(text.updatedAt()))
                .update();
    }

    void remove(long articleId) {
        jdbc.sql("DELETE FROM search_documents WHERE article_id = :id").param("id", articleId).update();
    }

    /** When each document in {@code (afterId, upToId]} was copied, by article id. */
    Map<Long, Instant> stamps(long afterId, long upToId) {
        Map<Long, Instant> stamps = new HashMap<>();
        jdbc.sql("SELECT article_id, source_updated_at FROM search_documents WHERE article_id > :after AND article_id <= :upTo")
                .param("after", afterId).param("upTo", upToId)
                .query(rs -> {
                    stamps.put(rs.getLong("article_id"), SqlTime.read(rs, "source_updated_at"));
                });
        return stamps;
    }

    void removeAbove(long afterId) {
        jdbc.sql("DELETE FROM search_documents WHERE article_id > :after").param("after", afterId).update();
    }

    long size() {
        return jdbc.sql("SELECT COUNT(*) FROM search_documents").query(Long.class).single();
    }

    private static String clean(String text) {
        return text == null ? "" : CONTROL.matcher(text).replaceAll(" ");
    }
}
