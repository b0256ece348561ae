package press.dispatch.articles;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.site.NavLink;
import press.dispatch.site.Navigation;

/** The sections, kept in memory for every page's header and cards, and reloaded after they change. */
@Component
class SectionNavigation implements Navigation {

    private final SectionRepository sections;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();

    SectionNavigation(SectionRepository sections, press.dispatch.platform.PageCache cache) {
        this.sections = sections;
        // Sections changed on another node: its purge of every page arrives here.
        cache.followOtherNodes(tags -> {
            if (tags == null) {
                loaded.set(null);
            }
        });
    }

    @Override
    public List<NavLink> sections() {
        return loaded().links();
    }

    List<Section> all() {
        return loaded().sections();
    }

    Section section(long id) {
        return loaded().byId().get(id);
    }

    private Loaded loaded() {
        Loaded current = loaded.get();
        if (current == null) {
            List<Section> all = sections.listAll();
            current = new Loaded(all, all.stream().map(s -> new NavLink(s.name(), s.href())).toList(),
                    all.stream().collect(Collectors.toUnmodifiableMap(Section::id, Function.identity())));
            loaded.set(current);
        }
        return current;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void sectionsChanged(Newsdesk.SectionsChanged changed) {
        loaded.set(null);
    }

    private record Loaded(List<Section> sections, List<NavLink> links, Map<Long, Section> byId) {
    }
}
