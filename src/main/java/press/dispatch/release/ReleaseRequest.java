package press.dispatch.release;

import java.time.Instant;

/**
 * One request to publish a sensitive article and its outcome: waiting, approved, returned (sent back with a note),
 * released (by the owner alone; the note is the reason) or cancelled (the article was released another way).
 *
 * @param publishAt null: publish at once when approved
 */
public record ReleaseRequest(long id, long articleId, Instant publishAt, String status, long requestedBy, String requestedByName, Instant requestedAt,
                             String decidedByName, Instant decidedAt, String note) {

    public boolean waiting() {
        return "waiting".equals(status);
    }
}
