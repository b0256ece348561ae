package press.dispatch.site;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/** Builds the {@link Shell} for a page. */
@Service
public class SiteShell {

    private final SiteSettings settings;
    /** Resolved once: an ObjectProvider looks the bean up again (by type, among every bean) on each call. */
    private final SingletonSupplier<Navigation> navigation;
    private final SingletonSupplier<PageLinks> pages;
    private final Clock clock;

    SiteShell(SiteSettings settings, ObjectProvider<Navigation> navigation, ObjectProvider<PageLinks> pages, Clock clock) {
        this.settings = settings;
        this.navigation = SingletonSupplier.of(navigation::getIfAvailable);
        this.pages = SingletonSupplier.of(pages::getIfAvailable);
        this.clock = clock;
    }

    public Shell shell() {
        Settings current = settings.current();
        Navigation nav = navigation.get();
        List<NavLink> sections = nav == null ? List.of() : nav.sections();
        PageLinks links = pages.get();
        return new Shell(current, sections, LocalDate.now(clock.withZone(current.zone())).getYear(), links == null ? List.of() : links.footer(),
                links == null ? null : links.privacyHref().orElse(null));
    }
}
