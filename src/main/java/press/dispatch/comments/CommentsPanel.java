package press.dispatch.comments;

import java.util.List;

import org.springframework.stereotype.Component;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.DashboardPanel;

@Component
class CommentsPanel implements DashboardPanel {

    private final Moderation moderation;

    CommentsPanel(Moderation moderation) {
        this.moderation = moderation;
    }

    @Override
    public String heading() {
        return "Comments";
    }

    @Override
    public List<Line> lines(Staff staff) {
        if (!staff.can(Permission.MODERATE)) {
            return List.of();
        }
        return List.of(new Line("waiting for moderation", moderation.count("pending"), "/admin/comments?status=pending"),
                new Line("approved", moderation.count("approved"), "/admin/comments?status=approved"));
    }
}
