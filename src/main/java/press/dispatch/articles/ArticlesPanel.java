package press.dispatch.articles;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.DashboardPanel;

/** The dashboard's article counts: everyone's for editors, one's own otherwise. */
@Component
class ArticlesPanel implements DashboardPanel {

    private final Editing editing;

    ArticlesPanel(Editing editing) {
        this.editing = editing;
    }

    @Override
    public String heading() {
        return "Articles";
    }

    @Override
    public List<Line> lines(Staff staff) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("drafts", editing.count(staff, "a.status = 'draft' AND a.trashed_at IS NULL"), "/admin/articles?status=draft"));
        lines.add(new Line("scheduled", editing.count(staff, "a.status = 'scheduled'"), "/admin/articles?status=scheduled"));
        lines.add(new Line("published", editing.count(staff, "a.status = 'published'"), "/admin/articles?status=published"));
        if (staff.can(Permission.PUBLISH_ANY)) {
            lines.add(new Line("waiting for review", editing.count(staff, "a.review_state = 'submitted' AND a.trashed_at IS NULL"), "/admin/review"));
        }
        return lines;
    }
}
