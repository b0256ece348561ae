package press.dispatch.admin;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.site.SiteSettings;

/** Builds the {@link AdminShell} for a screen, and carries one-line messages across a POST → redirect → GET. */
@Component
public class AdminShells {

    private static final String FLASH = "dispatch.flash";

    private record Entry(String href, String label, Permission needs) {
    }

    private static final List<Entry> NAV = List.of(
            new Entry("/admin", "Dashboard", Permission.WRITE),
            new Entry("/admin/articles", "Articles", Permission.WRITE),
            new Entry("/admin/review", "Review", Permission.PUBLISH_ANY),
            new Entry("/admin/releases", "Release queue", Permission.PUBLISH_ANY),
            new Entry("/admin/threads", "Story threads", Permission.PUBLISH_ANY),
            new Entry("/admin/sections", "Sections", Permission.PUBLISH_ANY),
            new Entry("/admin/tags", "Tags", Permission.PUBLISH_ANY),
            new Entry("/admin/pages", "Pages", Permission.PUBLISH_ANY),
            new Entry("/admin/menus", "Menus", Permission.PUBLISH_ANY),
            new Entry("/admin/media", "Photos", Permission.WRITE),
            new Entry("/admin/galleries", "Galleries", Permission.PUBLISH_ANY),
            new Entry("/admin/comments", "Comments", Permission.MODERATE),
            new Entry("/admin/subscribers", "Subscribers", Permission.SUBSCRIBERS),
            new Entry("/admin/newsletters", "Newsletters", Permission.SUBSCRIBERS),
            new Entry("/admin/staff", "Staff", Permission.STAFF),
            new Entry("/admin/api-keys", "API keys", Permission.STAFF),
            new Entry("/admin/settings", "Settings", Permission.SETTINGS),
            new Entry("/admin/import", "Import", Permission.SETTINGS),
            new Entry("/admin/privacy", "Personal data", Permission.PERSONAL_DATA),
            new Entry("/admin/account", "My account", Permission.WRITE));

    private final SiteSettings settings;

    AdminShells(SiteSettings settings) {
        this.settings = settings;
    }

    /** @param current the nav entry this screen belongs to, such as "/admin/articles" */
    public AdminShell shell(HttpServletRequest request, Staff staff, String current) {
        List<AdminShell.NavItem> nav = new ArrayList<>();
        for (Entry e : NAV) {
            if (staff.can(e.needs())) {
                nav.add(new AdminShell.NavItem(e.href(), e.label(), e.href().equals(current)));
            }
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String flash = null;
        HttpSession session = request.getSession(false);
        if (session != null) {
            flash = (String) session.getAttribute(FLASH);
            if (flash != null) {
                session.removeAttribute(FLASH);
            }
        }
        return new AdminShell(settings.current().name(), staff, nav, csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken(), flash);
    }

    /** A message for the next screen this staff member sees ("Saved.", "Published."). */
    public static void flash(HttpServletRequest request, String message) {
        request.getSession().setAttribute(FLASH, message);
    }
}
