package press.dispatch.site;

import java.util.List;

/**
 * What the shared layout shows around every public page.
 *
 * @param pages       the published static pages, linked from the footer
 * @param privacyHref the privacy policy's address, or null when the site has none published
 * @param logo        the logo photo shown in the header, or null for the site name alone
 * @param iconVersion the uploaded site icon's version, carried by its addresses; null for the neutral favicon
 */
public record Shell(Settings settings, List<NavLink> sections, int year, List<NavLink> pages, String privacyHref, SiteLogo.Logo logo,
                    String iconVersion) {

    /** The header shows the logo without the site name beside it (the logo's alt text is then the name). */
    public boolean logoOnly() {
        return logo != null && "logo_only".equals(settings.get(Setting.LOGO_DISPLAY));
    }

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
