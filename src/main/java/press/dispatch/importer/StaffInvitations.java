package press.dispatch.importer;

import java.util.LinkedHashMap;
import java.util.Map;

import press.dispatch.accounts.Role;
import press.dispatch.accounts.Staff;

/**
 * Which WordPress authors get a staff invitation with an import, and with which role; every other author is a byline
 * only. Invitations go out in the name of {@code by} (the owner or admin running the import), through the staff
 * invitations of Accounts: the person chooses their own password, none is ever taken from the export.
 *
 * @param roles the role per WordPress login (author_login)
 */
public record StaffInvitations(Staff by, Map<String, Role> roles) {

    public static final StaffInvitations NONE = new StaffInvitations(null, Map.of());

    static final String SYNTAX = "login=role, separated by commas (roles: admin, editor, author, contributor; none for a byline only)";

    public StaffInvitations {
        roles = Map.copyOf(roles);
        if (!roles.isEmpty() && by == null) {
            throw new IllegalArgumentException("Invitations need someone to send them in the name of.");
        }
    }

    /**
     * Reads {@code maria=editor, zoe=author}: a login (as WordPress's export names it) and a role for each author who
     * gets an invitation. Throws with the part it could not read.
     */
    public static Map<String, Role> parse(String spec) {
        Map<String, Role> roles = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return roles;
        }
        for (String part : spec.split("[,\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.lastIndexOf('=');
            String login = eq < 0 ? "" : part.substring(0, eq).strip();
            String role = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (login.isEmpty() || login.length() > 60) {
                throw new IllegalArgumentException("Could not read “" + shorten(part) + "”: write " + SYNTAX + ".");
            }
            if (role.equalsIgnoreCase("none")) {
                roles.remove(login);
                continue;
            }
            Role parsed = Role.parse(role);
            if (parsed == null || parsed == Role.OWNER) {
                throw new IllegalArgumentException("“" + shorten(role) + "” is not a role for " + shorten(login) + ": write " + SYNTAX + ".");
            }
            roles.put(login, parsed);
        }
        return roles;
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
