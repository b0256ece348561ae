package press.dispatch.release;

import java.time.Instant;

/**
 * An article's embargo and sensitive flag.
 *
 * @param embargoUntil null: no embargo
 */
public record Hold(long articleId, Instant embargoUntil, boolean sensitive, Instant changedAt, String changedBy) {

    static Hold none(long articleId) {
        return new Hold(articleId, null, false, null, null);
    }
}
