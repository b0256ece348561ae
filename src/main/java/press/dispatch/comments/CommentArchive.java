package press.dispatch.comments;

import java.time.Instant;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.articles.DiscussionChanged;
import press.dispatch.platform.HiddenCharacters;
import press.dispatch.platform.SqlTime;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;

/**
 * Comments brought in from another system's archive (a WordPress import) with their status, time and IP. They pass no
 * spam check and send no email to anyone: readers were told of these replies years ago, if ever. Replies deeper than
 * the site's thread depth sit under the deepest comment allowed, as a reader's reply would.
 */
@Service
public class CommentArchive {

    public static final Set<String> STATUSES = Set.of("approved", "pending", "spam", "trash");

    private final JdbcClient jdbc;
    private final SiteSettings settings;
    private final ApplicationEventPublisher events;

    CommentArchive(JdbcClient jdbc, SiteSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
    }

    /** Stores one comment and returns its id; {@code parentId} is a comment on the same article stored before. */
    @Transactional
    public long restore(long articleId, Long parentId, String name, String email, String url, String body, String ip, String status, Instant at) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("A comment's status is one of " + STATUSES + ", not " + status);
        }
        Long parent = parentId;
        int depth = 1;
        if (parentId != null) {
            int limit = Integer.parseInt(settings.current().get(Setting.COMMENTS_THREAD_DEPTH));
            record Above(long id, Long parentId, int depth) {
            }
            Above above = jdbc.sql("SELECT id, parent_id, depth FROM comments WHERE id = :id AND article_id = :article")
                    .param("id", parentId).param("article", articleId)
                    .query((rs, n) -> new Above(rs.getLong("id"), rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"), rs.getInt("depth")))
                    .optional().orElseThrow(() -> new IllegalArgumentException("No comment " + parentId + " on article " + articleId));
            parent = above.depth() >= limit ? above.parentId() : above.id();
            depth = Math.min(above.depth() + 1, limit);
        }
        long id = jdbc.sql("""
                INSERT INTO comments (article_id, parent_id, reply_to_id, depth, author_name, author_email, author_url, body, status, score, reasons,
                                      ip, notify_replies, by_staff, created_at, approved_at)
                VALUES (:article, :parent, :replyTo, :depth, :name, :email, :url, :body, :status, 0, 'imported', :ip, :notify, :staff, :at, :approvedAt)
                RETURNING id
                """).param("article", articleId).param("parent", parent).param("replyTo", parentId).param("depth", depth)
                .param("name", HiddenCharacters.removedFromName(name == null || name.isBlank() ? "Anonymous" : name))
                .param("email", email == null ? "" : email.strip()).param("url", url == null ? "" : url.strip())
                .param("body", body).param("status", status).param("ip", ip == null || ip.isBlank() ? null : ip.strip())
                .param("notify", false).param("staff", false).param("at", SqlTime.of(at))
                .param("approvedAt", status.equals("approved") ? SqlTime.of(at) : null)
                .query(Long.class).single();
        return id;
    }

    /**
     * Gives a restored comment the status its archive now has (a newer export of the same site), sending no email;
     * false when it already had it or is gone. Call {@link #restored} for its article afterwards.
     */
    @Transactional
    public boolean restatus(long commentId, String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("A comment's status is one of " + STATUSES + ", not " + status);
        }
        return jdbc.sql("""
                UPDATE comments SET status = :status,
                       approved_at = CASE WHEN :status = 'approved' THEN COALESCE(approved_at, created_at) ELSE approved_at END
                WHERE id = :id AND status <> :status
                """).param("id", commentId).param("status", status).update() > 0;
    }

    /** Call once after restoring an article's comments: its page and listings show the new counts after the commit. */
    public void restored(long articleId) {
        events.publishEvent(new DiscussionChanged(articleId));
    }
}
