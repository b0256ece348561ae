package press.dispatch.threads;

import java.util.List;
import java.util.Set;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import org.springframework.stereotype.Component;

import press.dispatch.subscriptions.ManagePanels;
import press.dispatch.subscriptions.Subscriber;

/** On a confirmed subscriber's manage page: the threads they follow (unfollow) and the others (follow, one click). */
@Component
class ThreadFollowsPanel implements ManagePanels {

    private final Threads threads;
    private final TemplateEngine templates;

    ThreadFollowsPanel(Threads threads, TemplateEngine templates) {
        this.threads = threads;
        this.templates = templates;
    }

    @Override
    public Content panel(Subscriber subscriber, String token) {
        List<StoryThread> all = threads.listAll();
        if (all.isEmpty()) {
            return null;
        }
        Set<Long> followed = threads.followedBy(subscriber.email());
        ThreadScreens.ManagePanel panel = new ThreadScreens.ManagePanel(token,
                all.stream().filter(t -> followed.contains(t.id())).toList(), all.stream().filter(t -> !followed.contains(t.id())).toList());
        return output -> templates.render("threads/manage-panel.jte", panel, output);
    }
}
