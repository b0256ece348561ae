package press.dispatch.accounts;

import java.io.Serializable;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is acting in the admin or the API: the principal of every staff request. For an API key it is the staff
 * member who made the key, acting with the key's role.
 *
 * @param sessionStamp changes when the password changes; sessions holding an older stamp are signed out
 * @param viaApiKey    the key's name when the request came with an API key, otherwise null
 */
public record Staff(long id, String email, String displayName, Role role, int sessionStamp, String viaApiKey)
        implements AuthenticatedPrincipal, Serializable {

    /** The account's id: the principal name a staff session is filed under in the database (an address may be too long). */
    @Override
    public String getName() {
        return Long.toString(id);
    }

    public boolean can(Permission permission) {
        return role.can(permission);
    }

    public List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        return authorities;
    }

    Staff withRole(Role newRole, String keyName) {
        return new Staff(id, email, displayName, newRole, sessionStamp, keyName);
    }
}
