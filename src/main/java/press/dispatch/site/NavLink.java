package press.dispatch.site;

public record NavLink(String label, String href) {
}
