package press.dispatch.site;

public record SiteSettingsChanged() {
}
