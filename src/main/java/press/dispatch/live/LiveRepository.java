package press.dispatch.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

@Repository
class LiveRepository {

    private static final RowMapper<Coverage> COVERAGE = (rs, n) -> new Coverage(rs.getLong("article_id"), SqlTime.read(rs, "started_at"),
            SqlTime.read(rs, "ended_at"), rs.getLong("last_sequence"));

    private static final String ENTRY_COLUMNS = "id, article_id, body_markdown, body_html, media_id, quote_text, quote_source, embed_url, pinned, "
            + "staff_id, staff_name, posted_at, edited_at, deleted_at, sequence";

    private static final RowMapper<Entry> ENTRY = (rs, n) -> {
        long media = rs.getLong("media_id");
        Long mediaId = rs.wasNull() ? null : media;
        return new Entry(rs.getLong("id"), rs.getLong("article_id"), rs.getString("body_markdown"), rs.getString("body_html"), mediaId,
                rs.getString("quote_text"), rs.getString("quote_source"), rs.getString("embed_url"), rs.getBoolean("pinned"), rs.getLong("staff_id"),
                rs.getString("staff_name"), SqlTime.read(rs, "posted_at"), SqlTime.read(rs, "edited_at"), SqlTime.read(rs, "deleted_at"),
                rs.getLong("sequence"));
    };

    private final JdbcClient jdbc;

    LiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Coverage> coverage(long articleId) {
        return jdbc.sql("SELECT article_id, started_at, ended_at, last_sequence FROM live_coverage WHERE article_id = :id")
                .param("id", articleId).query(COVERAGE).optional();
    }

    /** Makes the article live from now, or live again (an ended coverage is reopened, keeping its entries and start). */
    void start(long articleId, Instant now) {
        int reopened = jdbc.sql("UPDATE live_coverage SET ended_at = NULL WHERE article_id = :id").param("id", articleId).update();
        if (reopened == 0) {
            jdbc.sql("INSERT INTO live_coverage (article_id, started_at, last_sequence) VALUES (:id, :now, 0)")
                    .param("id", articleId).param("now", SqlTime.of(now)).update();
        }
    }

    void end(long articleId, Instant now) {
        jdbc.sql("UPDATE live_coverage SET ended_at = :now WHERE article_id = :id AND ended_at IS NULL")
                .param("id", articleId).param("now", SqlTime.of(now)).update();
    }

    /**
     * The next change number of this article's coverage. The update locks the coverage row until the transaction ends,
     * so changes of one article commit in the order of their numbers (a stream never skips one that commits later).
     */
    long nextSequence(long articleId) {
        return jdbc.sql("UPDATE live_coverage SET last_sequence = last_sequence + 1 WHERE article_id = :id RETURNING last_sequence")
                .param("id", articleId).query(Long.class).single();
    }

    long insert(long articleId, EntryInput input, String html, long staffId, String staffName, Instant now, long sequence) {
        return jdbc.sql("""
                        INSERT INTO live_entries (article_id, body_markdown, body_html, media_id, quote_text, quote_source, embed_url, pinned,
                                                  staff_id, staff_name, posted_at, sequence)
                        VALUES (:article, :markdown, :html, :media, :quote, :source, :embed, :pinned, :staff, :staffName, :now, :sequence)
                        RETURNING id""")
                .param("article", articleId).param("markdown", input.text()).param("html", html).param("media", input.mediaId())
                .param("quote", input.quote()).param("source", input.quoteSource()).param("embed", input.embedUrl()).param("pinned", input.pinned())
                .param("staff", staffId).param("staffName", staffName).param("now", SqlTime.of(now)).param("sequence", sequence)
                .query(Long.class).single();
    }

    void update(long entryId, EntryInput input, String html, Instant now, long sequence) {
        jdbc.sql("""
                        UPDATE live_entries SET body_markdown = :markdown, body_html = :html, media_id = :media, quote_text = :quote,
                               quote_source = :source, embed_url = :embed, pinned = :pinned, edited_at = :now, sequence = :sequence
                        WHERE id = :id""")
                .param("id", entryId).param("markdown", input.text()).param("html", html).param("media", input.mediaId())
                .param("quote", input.quote()).param("source", input.quoteSource()).param("embed", input.embedUrl()).param("pinned", input.pinned())
                .param("now", SqlTime.of(now)).param("sequence", sequence).update();
    }

    /** Pinning is not an edit of the text: the entry is not marked edited. */
    void pin(long entryId, boolean pinned, long sequence) {
        jdbc.sql("UPDATE live_entries SET pinned = :pinned, sequence = :sequence WHERE id = :id")
                .param("id", entryId).param("pinned", pinned).param("sequence", sequence).update();
    }

    void delete(long entryId, Instant now, long sequence) {
        jdbc.sql("UPDATE live_entries SET deleted_at = :now, pinned = :pinned, sequence = :sequence WHERE id = :id")
                .param("id", entryId).param("now", SqlTime.of(now)).param("pinned", false).param("sequence", sequence).update();
    }

    Optional<Entry> entry(long entryId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM live_entries WHERE id = :id").param("id", entryId).query(ENTRY).optional();
    }

    /** The entries readers see, newest first. */
    List<Entry> shown(long articleId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM live_entries WHERE article_id = :id AND deleted_at IS NULL ORDER BY posted_at DESC, id DESC")
                .param("id", articleId).query(ENTRY).list();
    }

    /** Entries whose latest change came after {@code sequence}, deleted ones included, in the order of their changes. */
    List<Entry> changedSince(long articleId, long sequence) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM live_entries WHERE article_id = :id AND sequence > :sequence ORDER BY sequence")
                .param("id", articleId).param("sequence", sequence).query(ENTRY).list();
    }
}
