package press.dispatch.accounts;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static press.dispatch.accounts.Permission.MODERATE;
import static press.dispatch.accounts.Permission.PUBLISH_ANY;
import static press.dispatch.accounts.Permission.PUBLISH_OWN;
import static press.dispatch.accounts.Permission.SUBSCRIBERS;
import static press.dispatch.accounts.Permission.UPLOAD;
import static press.dispatch.accounts.Permission.WRITE;

/** Staff roles, from most to least trusted. The README's role table is this enum. */
public enum Role {
    OWNER("Owner", EnumSet.allOf(Permission.class)),
    ADMIN("Admin", EnumSet.allOf(Permission.class)),
    EDITOR("Editor", EnumSet.of(WRITE, UPLOAD, PUBLISH_OWN, PUBLISH_ANY, MODERATE, SUBSCRIBERS)),
    AUTHOR("Author", EnumSet.of(WRITE, UPLOAD, PUBLISH_OWN)),
    CONTRIBUTOR("Contributor", EnumSet.of(WRITE));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** True if this role may hand out {@code other} (to an invitation or an API key): never a role above one's own, never owner. */
    public boolean mayGrant(Role other) {
        return other != OWNER && other.ordinal() >= Math.max(ordinal(), ADMIN.ordinal());
    }

    public static Role ofColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }

    /** The role named in a form or API request, or null for anything else. */
    public static Role parse(String value) {
        for (Role r : values()) {
            if (r.column().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return r;
            }
        }
        return null;
    }
}
