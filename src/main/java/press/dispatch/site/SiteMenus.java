package press.dispatch.site;

import java.util.List;

/** The header navigation and the footer links as readers see them; the menus feature implements it. */
public interface SiteMenus {

    List<NavLink> header();

    List<NavLink> footer();
}
