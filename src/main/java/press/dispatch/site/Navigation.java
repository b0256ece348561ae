package press.dispatch.site;

import java.util.List;

/** Supplies the section links in the site header; the articles feature implements it. */
public interface Navigation {

    List<NavLink> sections();
}
