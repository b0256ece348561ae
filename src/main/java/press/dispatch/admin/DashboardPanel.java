package press.dispatch.admin;

import java.util.List;

import press.dispatch.accounts.Staff;

/** A feature's box on the dashboard: a heading and a few counts that link to its screens. */
public interface DashboardPanel {

    /** Empty when this staff member has nothing to see here. */
    List<Line> lines(Staff staff);

    String heading();

    record Line(String label, long count, String href) {
    }
}
