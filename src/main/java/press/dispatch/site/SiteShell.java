package press.dispatch.site;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Builds the {@link Shell} for a page. */
@Service
public class SiteShell {

    private final SiteSettings settings;
    private final ObjectProvider<Navigation> navigation;
    private final Clock clock;

    SiteShell(SiteSettings settings, ObjectProvider<Navigation> navigation, Clock clock) {
        this.settings = settings;
        this.navigation = navigation;
        this.clock = clock;
    }

    public Shell shell() {
        Settings current = settings.current();
        Navigation nav = navigation.getIfAvailable();
        List<NavLink> sections = nav == null ? List.of() : nav.sections();
        return new Shell(current, sections, LocalDate.now(clock.withZone(current.zone())).getYear());
    }
}
