package press.dispatch.site;

import java.util.List;

/**
 * What the shared layout shows around every public page.
 *
 * @param pages       the published static pages, linked from the footer
 * @param privacyHref the privacy policy's address, or null when the site has none published
 */
public record Shell(Settings settings, List<NavLink> sections, int year, List<NavLink> pages, String privacyHref) {

    public String name() {
        return settings.name();
    }

    public String tagline() {
        return settings.tagline();
    }

    public String language() {
        return settings.language();
    }

    public String footer() {
        return settings.get(Setting.FOOTER);
    }

    /** The stylesheet that sets the accent colour; its address changes with the colour. */
    public String accentStylesheet() {
        return AccentStylesheet.href(settings.get(Setting.ACCENT_COLOR));
    }

    public String label(Setting setting) {
        return settings.label(setting);
    }
}
