package press.dispatch.subscriptions;

import java.time.Instant;
import java.util.Set;

public record Subscriber(long id, String email, String status, Cadence cadence, Set<Long> sectionIds, Instant confirmedAt) {

    public boolean confirmed() {
        return "confirmed".equals(status);
    }
}
