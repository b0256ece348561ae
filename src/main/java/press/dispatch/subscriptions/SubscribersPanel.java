package press.dispatch.subscriptions;

import java.util.List;

import org.springframework.stereotype.Component;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.DashboardPanel;

@Component
class SubscribersPanel implements DashboardPanel {

    private final Subscriptions subscriptions;

    SubscribersPanel(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String heading() {
        return "Subscribers";
    }

    @Override
    public List<Line> lines(Staff staff) {
        if (!staff.can(Permission.SUBSCRIBERS)) {
            return List.of();
        }
        var counts = subscriptions.counts();
        return List.of(new Line("confirmed", counts.getOrDefault("confirmed", 0L), "/admin/subscribers?status=confirmed"),
                new Line("waiting to confirm", counts.getOrDefault("pending", 0L), "/admin/subscribers?status=pending"));
    }
}
