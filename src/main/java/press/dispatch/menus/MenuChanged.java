package press.dispatch.menus;

/** A menu was replaced or set back to its defaults: every public page shows it. */
public record MenuChanged(Menu menu) {
}
