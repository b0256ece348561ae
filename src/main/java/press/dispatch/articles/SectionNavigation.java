package press.dispatch.articles;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.site.NavLink;
import press.dispatch.site.Navigation;

/** The header's section links, kept in memory and reloaded when sections change. */
@Component
class SectionNavigation implements Navigation {

    private final SectionRepository sections;
    private final AtomicReference<List<NavLink>> links = new AtomicReference<>();

    SectionNavigation(SectionRepository sections) {
        this.sections = sections;
    }

    @Override
    public List<NavLink> sections() {
        List<NavLink> current = links.get();
        if (current == null) {
            current = sections.listAll().stream().map(s -> new NavLink(s.name(), s.href())).toList();
            links.set(current);
        }
        return current;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void sectionsChanged(Newsdesk.SectionsChanged changed) {
        links.set(null);
    }
}
