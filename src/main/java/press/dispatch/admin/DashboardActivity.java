package press.dispatch.admin;

import java.time.Instant;
import java.util.List;

import press.dispatch.accounts.Staff;

/** A feature's recent events for the dashboard's activity list: what was published, scheduled, submitted, commented. */
public interface DashboardActivity {

    /** The newest first, at most {@code limit}; empty when this staff member may not see them. */
    List<Event> recent(Staff staff, int limit);

    /**
     * @param kind what happened, in a word the dashboard shows: "published", "scheduled", "submitted", "commented"
     * @param href where the staff member goes to see it
     */
    record Event(Instant at, String kind, String title, String href) {
    }
}
