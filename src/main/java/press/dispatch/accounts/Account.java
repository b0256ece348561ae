package press.dispatch.accounts;

import java.time.Instant;

/** A staff account as the staff screen lists it (never with its password hash). */
public record Account(long id, String email, String displayName, Role role, String status, Instant createdAt) {

    public boolean active() {
        return "active".equals(status);
    }
}
