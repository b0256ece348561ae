package press.dispatch.icons;

/** The icon was uploaded or removed: every public page's head names its addresses. */
public record SiteIconChanged() {
}
