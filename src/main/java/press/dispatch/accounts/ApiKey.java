package press.dispatch.accounts;

import java.time.Instant;

/** An API key as the keys screen lists it: never the key itself, which is shown once when made. */
public record ApiKey(long id, String name, String prefix, Role role, String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
