package press.dispatch.menus;

/**
 * An item with its target looked up: what staff see in the editor.
 *
 * @param name   what readers read: the label, or the target's name when the label is blank
 * @param target what it points at, for staff ("Section: Air Power", "https://…")
 * @param href   null when broken
 */
public record MenuEntry(MenuItem item, String name, String target, String href, boolean broken) {
}
