package press.dispatch.admin;

import java.util.List;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;

/** What the admin layout shows around every screen, and the CSRF token its forms carry. */
public record AdminShell(String siteName, Staff staff, List<NavItem> nav, String csrfParameter, String csrfToken, String flash) {

    public record NavItem(String href, String label, boolean current) {
    }

    public boolean can(Permission permission) {
        return staff.can(permission);
    }

    public boolean can(String permission) {
        return staff.can(Permission.valueOf(permission));
    }
}
