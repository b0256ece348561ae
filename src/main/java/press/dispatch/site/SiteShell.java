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
    private final SingletonSupplier<SiteMenus> menus;
    private final SingletonSupplier<SiteLogo> logos;
    private final SingletonSupplier<SiteIcon> icon;
    private final Clock clock;

    SiteShell(SiteSettings settings, ObjectProvider<Navigation> navigation, ObjectProvider<PageLinks> pages, ObjectProvider<SiteMenus> menus,
              ObjectProvider<SiteLogo> logos, ObjectProvider<SiteIcon> icon, Clock clock) {
        this.settings = settings;
        this.navigation = SingletonSupplier.of(navigation::getIfAvailable);
        this.pages = SingletonSupplier.of(pages::getIfAvailable);
        this.menus = SingletonSupplier.of(menus::getIfAvailable);
        this.logos = SingletonSupplier.of(logos::getIfAvailable);
        this.icon = SingletonSupplier.of(icon::getIfAvailable);
        this.clock = clock;
    }

    /** The header shows the logo at this height (CSS pixels); site.css says the same. */
    static final int LOGO_HEIGHT = 48;

    private SiteLogo.Logo logo(Settings current) {
        String photo = current.get(Setting.LOGO_PHOTO);
        SiteLogo finder = logos.get();
        if (finder == null || photo == null || !photo.matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return finder.find(Long.parseLong(photo), LOGO_HEIGHT).orElse(null);
    }

    public Shell shell() {
        Settings current = settings.current();
        Navigation nav = navigation.get();
        PageLinks links = pages.get();
        SiteMenus edited = menus.get();
        List<NavLink> sections = edited != null ? edited.header() : nav == null ? List.of() : nav.sections();
        List<NavLink> footer = edited != null ? edited.footer() : links == null ? List.of() : links.footer();
        return new Shell(current, sections, LocalDate.now(clock.withZone(current.zone())).getYear(), footer,
                links == null ? null : links.privacyHref().orElse(null), logo(current),
                icon.get() == null ? null : icon.get().version().orElse(null));
    }
}
