package press.dispatch.release;

import java.util.List;

import press.dispatch.admin.AdminShell;

/** What the release screens show. */
public final class ReleaseScreens {

    private ReleaseScreens() {
    }

    /**
     * One article's hold, its waiting request and its trail.
     *
     * @param embargoLocal the embargo as typed in the site's time zone, empty for none
     * @param owner        the signed-in staff member may release alone
     */
    public record ArticlePage(AdminShell shell, long articleId, String headline, String status, Hold hold, String embargoLocal, String zone,
                              ReleaseRequest waiting, List<ReleaseRequest> trail, boolean owner, long staffId, List<EmbargoChange> embargoHistory) {
    }

    /** A waiting embargo change with its article's headline. */
    public record EmbargoLine(EmbargoChange change, String headline) {
    }

    /** A waiting request with its article's headline. */
    public record QueueLine(ReleaseRequest request, String headline) {
    }

    public record QueuePage(AdminShell shell, List<QueueLine> lines, long staffId, List<EmbargoLine> changes) {
    }
}
