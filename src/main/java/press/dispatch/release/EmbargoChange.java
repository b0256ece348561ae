package press.dispatch.release;

import java.time.Instant;

/**
 * One change of an article's embargo, made or asked for: made (by one editor: set, moved later, or on an article that
 * is not sensitive), waiting (moved earlier or lifted on a sensitive article: for a second editor), approved, returned
 * (sent back with a note), alone (the owner, with a reason) or cancelled.
 *
 * @param from null: there was no embargo
 * @param to   null: lifted
 */
public record EmbargoChange(long id, long articleId, Instant from, Instant to, String status, long requestedBy, String requestedByName,
                            Instant requestedAt, String reason, String decidedByName, Instant decidedAt, String note) {

    public boolean waiting() {
        return "waiting".equals(status);
    }

    /** What the change does, in a word or two: set, moved earlier, moved later, lifted. */
    public String kind() {
        if (from == null) {
            return "set";
        }
        if (to == null) {
            return "lifted";
        }
        return to.isBefore(from) ? "moved earlier" : "moved later";
    }
}
