package press.dispatch.menus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShell;
import press.dispatch.admin.AdminShells;

/**
 * The admin's Menus screen (editors and above). Each menu is one form whose rows post back in order; every button
 * (up, down, remove, add, save) saves the whole list, so it works without a script. With {@code admin-menus.js},
 * up, down and remove act at once in the page and Save stores the result.
 */
@Controller
class MenuDesk {

    private final Menus menus;
    private final AdminShells shells;

    MenuDesk(Menus menus, AdminShells shells) {
        this.menus = menus;
        this.shells = shells;
    }

    @GetMapping("/admin/menus")
    ModelAndView menus(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return page(staff, request, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/menus/{menu}")
    ModelAndView change(@AuthenticationPrincipal Staff staff, @PathVariable String menu, @RequestParam(defaultValue = "save") String action,
                        @RequestParam(name = "add-target", defaultValue = "") String addTarget, @RequestParam(name = "add-url", defaultValue = "") String addUrl,
                        @RequestParam(name = "add-label", defaultValue = "") String addLabel, HttpServletRequest request) {
        Menu which = Menu.ofKey(menu).orElseThrow(() -> new NoSuchElementException("No menu " + menu));
        if (action.equals("reset")) {
            menus.reset(which);
            AdminShells.flash(request, which.title() + " set back to the defaults.");
            return new ModelAndView("redirect:/admin/menus");
        }
        List<MenuItem> items = new ArrayList<>(posted(request));
        String message = which.title() + " saved: every page shows it now.";
        int at = action.matches("(up|down|remove)-[0-9]{1,3}") ? Integer.parseInt(action.substring(action.indexOf('-') + 1)) : -1;
        if (at >= 0 && at < items.size()) {
            if (action.startsWith("up-") && at > 0) {
                items.add(at - 1, items.remove(at));
            } else if (action.startsWith("down-") && at < items.size() - 1) {
                items.add(at + 1, items.remove(at));
            } else if (action.startsWith("remove-")) {
                items.remove(at);
            }
        } else if (action.equals("add")) {
            items.add(added(addTarget, addUrl, addLabel));
            message = "Item added to the " + which.title().toLowerCase(java.util.Locale.ROOT) + ".";
        }
        try {
            menus.replace(which, items);
            AdminShells.flash(request, message);
            return new ModelAndView("redirect:/admin/menus#menu-" + which.key());
        } catch (InvalidMenuException e) {
            Map<Menu, List<MenuEntry>> unsaved = new EnumMap<>(Menu.class);
            List<MenuItem> shown = action.equals("add") ? items.subList(0, items.size() - 1) : items;
            unsaved.put(which, menus.entries(shown.stream().filter(java.util.Objects::nonNull).toList()));
            Map<String, String> add = action.equals("add") ? Map.of("target", addTarget, "url", addUrl, "label", addLabel) : Map.of();
            return page(staff, request, Map.of(which, new Problems(unsaved.get(which), e.problems(), add)), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private record Problems(List<MenuEntry> entries, Map<String, String> problems, Map<String, String> add) {
    }

    /** The rows as posted, in order: parallel kind, target, url and label fields. */
    private static List<MenuItem> posted(HttpServletRequest request) {
        String[] kinds = values(request, "kind");
        String[] targets = values(request, "target");
        String[] urls = values(request, "url");
        String[] labels = values(request, "label");
        if (targets.length != kinds.length || urls.length != kinds.length || labels.length != kinds.length) {
            throw new IllegalArgumentException("Menu rows with missing fields");
        }
        List<MenuItem> items = new ArrayList<>();
        for (int n = 0; n < kinds.length; n++) {
            MenuItem.Kind kind = MenuItem.Kind.ofKey(kinds[n]).orElse(null);
            items.add(kind == null ? null : new MenuItem(kind, targets[n].matches("[0-9]{1,18}") ? Long.valueOf(targets[n]) : null,
                    kind == MenuItem.Kind.URL ? urls[n] : null, labels[n]));
        }
        return items;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static MenuItem added(String target, String url, String label) {
        if (target.equals("url")) {
            return new MenuItem(MenuItem.Kind.URL, null, url, label);
        }
        int colon = target.indexOf(':');
        MenuItem.Kind kind = colon < 0 ? null : MenuItem.Kind.ofKey(target.substring(0, colon)).filter(k -> k != MenuItem.Kind.URL).orElse(null);
        String id = colon < 0 ? "" : target.substring(colon + 1);
        return kind == null ? null : new MenuItem(kind, id.matches("[0-9]{1,18}") ? Long.valueOf(id) : null, null, label);
    }

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    void badForm(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    private ModelAndView page(Staff staff, HttpServletRequest request, Map<Menu, Problems> refused, HttpStatus status) {
        List<MenuScreens.MenuForm> forms = new ArrayList<>();
        for (Menu menu : Menu.values()) {
            Problems p = refused.get(menu);
            forms.add(p == null ? new MenuScreens.MenuForm(menu, menus.edited(menu), menus.entries(menu), Map.of(), Map.of())
                    : new MenuScreens.MenuForm(menu, menus.edited(menu), p.entries(), p.problems(), p.add()));
        }
        Menus.Targets targets = menus.targets(true);
        List<MenuScreens.Choice> choices = new ArrayList<>();
        targets.sections().values().forEach(s -> choices.add(new MenuScreens.Choice("Sections", "section:" + s.id(), s.name())));
        targets.pages().values().forEach(p -> choices.add(new MenuScreens.Choice("Pages", "page:" + p.id(), p.title())));
        targets.tags().values().forEach(t -> choices.add(new MenuScreens.Choice("Tags", "tag:" + t.id(), t.name())));
        choices.add(new MenuScreens.Choice("Other", "url", "Another address (give it below)"));
        ModelAndView view = new ModelAndView("menus/menus", "page", new MenuScreens.MenusPage(shells.shell(request, staff, "/admin/menus"), forms, choices));
        view.setStatus(status);
        return view;
    }
}
