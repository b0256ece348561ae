package press.dispatch.articles;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import press.dispatch.platform.MemoryCopy;
import press.dispatch.site.NavLink;
import press.dispatch.site.Navigation;

/** The sections, kept in memory for every page's header and cards, and reloaded after they change. */
@Component
class SectionNavigation implements Navigation {

    private final SectionRepository sections;
    private final MemoryCopy<Loaded> loaded;

    SectionNavigation(SectionRepository sections, press.dispatch.platform.PageCache cache) {
        this.sections = sections;
        // Sections changed on another node: its purge of every page arrives here.
        this.loaded = new MemoryCopy<>(this::load, cache);
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
        return loaded.get();
    }

    private Loaded load() {
        List<Section> all = sections.listAll();
        return new Loaded(all, all.stream().map(s -> new NavLink(s.name(), s.href())).toList(),
                all.stream().collect(Collectors.toUnmodifiableMap(Section::id, Function.identity())));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void sectionsChanged(Newsdesk.SectionsChanged changed) {
        loaded.forget();
    }

    private record Loaded(List<Section> sections, List<NavLink> links, Map<Long, Section> byId) {
    }
}
