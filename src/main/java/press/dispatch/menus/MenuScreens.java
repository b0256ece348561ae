package press.dispatch.menus;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;

/** Page records of the admin's Menus screen. */
public final class MenuScreens {

    private MenuScreens() {
    }

    /** One menu's form: its rows, whether it was ever edited, what a refused save said, and the add fields to refill. */
    public record MenuForm(Menu menu, boolean edited, List<MenuEntry> entries, Map<String, String> problems, Map<String, String> add) {

        public String problem(String key) {
            return problems.get(key);
        }
    }

    /** A choice in the add field: {@code value} is {@code section:12}, {@code page:3}, {@code tag:5} or {@code url}. */
    public record Choice(String group, String value, String label) {

        public String text() {
            return group.equals("Other") ? label : group.substring(0, group.length() - 1) + ": " + label;
        }
    }

    public record MenusPage(AdminShell shell, List<MenuForm> menus, List<Choice> choices) {
    }
}
