package press.dispatch.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import press.dispatch.platform.SqlTime;

/** What the newsroom's editor reads and writes beyond the public model: versions, trash, review, old slugs, staff bylines. */
@Repository
class EditorRepository {

    private final JdbcClient jdbc;

    EditorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param trashedAt       null while not in the trash
     * @param currentRevision the revision whose text the article holds (what readers see once it is published); null if unknown
     * @param pendingRevision the revision kept for later, not yet live; null when none
     */
    record Desk(int version, Instant trashedAt, String reviewState, String reviewNote, Long createdBy, Integer currentRevision,
                Integer pendingRevision) {
    }

    Optional<Desk> desk(long id) {
        return jdbc.sql("SELECT version, trashed_at, review_state, review_note, created_by, current_revision, pending_revision FROM articles "
                        + "WHERE id = :id").param("id", id)
                .query((rs, n) -> {
                    long by = rs.getLong("created_by");
                    Long createdBy = rs.wasNull() ? null : by;
                    int current = rs.getInt("current_revision");
                    Integer currentRevision = rs.wasNull() ? null : current;
                    int pending = rs.getInt("pending_revision");
                    Integer pendingRevision = rs.wasNull() ? null : pending;
                    return new Desk(rs.getInt("version"), SqlTime.read(rs, "trashed_at"), rs.getString("review_state"), rs.getString("review_note"),
                            createdBy, currentRevision, pendingRevision);
                })
                .optional();
    }

    /** The article now holds this revision's text; nothing is pending any more. */
    void setCurrentRevision(long id, int number) {
        jdbc.sql("UPDATE articles SET current_revision = :number, pending_revision = NULL WHERE id = :id").param("id", id).param("number", number)
                .update();
    }

    /** This revision waits to be published or discarded; the article's own text (the live page) is untouched. */
    void setPendingRevision(long id, int number) {
        jdbc.sql("UPDATE articles SET pending_revision = :number WHERE id = :id").param("id", id).param("number", number).update();
    }

    /** The kept changes are dropped; the revision stays in the history. */
    void clearPendingRevision(long id) {
        jdbc.sql("UPDATE articles SET pending_revision = NULL WHERE id = :id").param("id", id).update();
    }

    /** Takes the next version if the article is still at {@code expected}; false if someone else saved first. */
    boolean claimVersion(long id, int expected) {
        return jdbc.sql("UPDATE articles SET version = version + 1 WHERE id = :id AND version = :expected").param("id", id)
                .param("expected", expected).update() == 1;
    }

    void bumpVersion(long id) {
        jdbc.sql("UPDATE articles SET version = version + 1 WHERE id = :id").param("id", id).update();
    }

    void setCreatedBy(long id, long staffId) {
        jdbc.sql("UPDATE articles SET created_by = :staff WHERE id = :id").param("id", id).param("staff", staffId).update();
    }

    void setTrashed(long id, Instant at) {
        jdbc.sql("UPDATE articles SET trashed_at = :at, version = version + 1 WHERE id = :id").param("id", id).param("at", SqlTime.of(at)).update();
    }

    void setReview(long id, String state, String note) {
        jdbc.sql("UPDATE articles SET review_state = :state, review_note = :note, version = version + 1 WHERE id = :id")
                .param("id", id).param("state", state).param("note", note).update();
    }

    /** Remembers a slug the article no longer uses, so links to it keep working. */
    void rememberSlug(String oldSlug, long articleId, String newSlug) {
        jdbc.sql("DELETE FROM article_slugs WHERE slug = :slug").param("slug", oldSlug).update();
        jdbc.sql("DELETE FROM article_slugs WHERE slug = :slug").param("slug", newSlug).update();
        jdbc.sql("INSERT INTO article_slugs (slug, article_id) VALUES (:slug, :id)").param("slug", oldSlug).param("id", articleId).update();
    }

    Optional<Long> articleForOldSlug(String slug) {
        return jdbc.sql("SELECT article_id FROM article_slugs WHERE slug = :slug").param("slug", slug).query(Long.class).optional();
    }

    Optional<Long> authorOfStaff(long staffId) {
        return jdbc.sql("SELECT id FROM authors WHERE staff_id = :staff").param("staff", staffId).query(Long.class).optional();
    }

    List<Long> bylineStaff(long articleId) {
        return jdbc.sql("SELECT au.staff_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id "
                + "WHERE aa.article_id = :id AND au.staff_id IS NOT NULL ORDER BY aa.position").param("id", articleId).query(Long.class).list();
    }

    boolean linkUnclaimedAuthor(long authorId, long staffId) {
        return jdbc.sql("UPDATE authors SET staff_id = :staff WHERE id = :id AND staff_id IS NULL").param("id", authorId).param("staff", staffId)
                .update() > 0;
    }

    void linkAuthorToStaff(long authorId, long staffId) {
        jdbc.sql("UPDATE authors SET staff_id = :staff WHERE id = :id").param("id", authorId).param("staff", staffId).update();
    }

    void renameAuthor(long authorId, String displayName) {
        jdbc.sql("UPDATE authors SET display_name = :name WHERE id = :id").param("id", authorId).param("name", displayName).update();
    }

    List<Author> allAuthors() {
        return jdbc.sql("SELECT id, slug, display_name, bio, photo_media_id FROM authors ORDER BY display_name").query(AuthorRepository.ROW).list();
    }


    /**
     * The article list, newest change first, or in the order of {@code matching}.
     *
     * @param status   draft, scheduled, published, review (submitted), trash, or null for everything not in the trash
     * @param matching when not null, only these articles, in this order (a search's matches, best first)
     * @param onlyStaff when not null, only articles this staff member created or is a byline of
     */
    List<DeskLine> list(String status, Long sectionId, Long authorId, List<Long> matching, Long onlyStaff, int offset, int limit) {
        if (matching != null && matching.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if ("trash".equals(status)) {
            where.append(" AND a.trashed_at IS NOT NULL");
        } else {
            where.append(" AND a.trashed_at IS NULL");
            if ("review".equals(status)) {
                where.append(" AND a.review_state = 'submitted'");
            } else if (status != null) {
                where.append(" AND a.status = :status");
                params.put("status", status);
            }
        }
        if (sectionId != null) {
            where.append(" AND a.section_id = :section");
            params.put("section", sectionId);
        }
        if (authorId != null) {
            where.append(" AND EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id AND x.author_id = :author)");
            params.put("author", authorId);
        }
        if (matching != null) {
            where.append(" AND a.id IN (:matching)");
            params.put("matching", matching);
        }
        if (onlyStaff != null) {
            where.append(" AND (a.created_by = :staff OR EXISTS (SELECT 1 FROM article_authors y JOIN authors au ON au.id = y.author_id"
                    + " WHERE y.article_id = a.id AND au.staff_id = :staff))");
            params.put("staff", onlyStaff);
        }
        List<DeskLine> lines = new ArrayList<>();
        // A search's matches are few (DeskSearch.LIMIT at most): all are read, then put in the search's order and paged here.
        String page = matching == null ? " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset" : "";
        if (matching == null) {
            params.put("limit", limit);
            params.put("offset", offset);
        }
        jdbc.sql("SELECT a.id, a.headline, a.slug, a.status, a.trashed_at, a.review_state, a.published_at, a.updated_at, a.section_id FROM articles a"
                        + where + page)
                .params(params)
                .query(rs -> {
                    long section = rs.getLong("section_id");
                    Long sectionId2 = rs.wasNull() ? null : section;
                    lines.add(new DeskLine(rs.getLong("id"), rs.getString("headline"), rs.getString("slug"), ArticleStatus.ofColumn(rs.getString("status")),
                            SqlTime.read(rs, "trashed_at") != null, rs.getString("review_state"), SqlTime.read(rs, "published_at"),
                            SqlTime.read(rs, "updated_at"), sectionId2, ""));
                });
        if (matching != null) {
            Map<Long, Integer> rank = new HashMap<>();
            for (int i = 0; i < matching.size(); i++) {
                rank.putIfAbsent(matching.get(i), i);
            }
            lines.sort(java.util.Comparator.comparing(l -> rank.get(l.id())));
            List<DeskLine> shown = new ArrayList<>(lines.subList(Math.min(offset, lines.size()), Math.min(offset + limit, lines.size())));
            lines.clear();
            lines.addAll(shown);
        }
        if (lines.isEmpty()) {
            return lines;
        }
        Map<Long, List<String>> bylines = new HashMap<>();
        jdbc.sql("SELECT aa.article_id, au.display_name FROM article_authors aa JOIN authors au ON au.id = aa.author_id "
                        + "WHERE aa.article_id IN (:ids) ORDER BY aa.article_id, aa.position")
                .param("ids", lines.stream().map(DeskLine::id).toList())
                .query(rs -> {
                    bylines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return lines.stream().map(l -> new DeskLine(l.id(), l.headline(), l.slug(), l.status(), l.trashed(), l.reviewState(), l.publishedAt(),
                l.updatedAt(), l.sectionId(), String.join(", ", bylines.getOrDefault(l.id(), List.of())))).toList();
    }

    long count(String where) {
        return jdbc.sql("SELECT COUNT(*) FROM articles a WHERE " + where).query(Long.class).single();
    }

    long countOwn(String where, long staffId) {
        return jdbc.sql("SELECT COUNT(*) FROM articles a WHERE " + where + " AND (a.created_by = :staff OR EXISTS (SELECT 1 FROM article_authors y "
                + "JOIN authors au ON au.id = y.author_id WHERE y.article_id = a.id AND au.staff_id = :staff))").param("staff", staffId)
                .query(Long.class).single();
    }
}
