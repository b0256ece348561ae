package press.dispatch.live;

import java.time.Instant;

/** The span an article is a live page; {@code endedAt} is null while it is live. */
public record Coverage(long articleId, Instant startedAt, Instant endedAt, long lastSequence) {

    public boolean live() {
        return endedAt == null;
    }
}
