package press.dispatch.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import press.dispatch.platform.SqlTime;

/**
 * API keys: made and revoked by staff who manage staff, each acting with a role no higher than its maker's
 * current one. Only a SHA-256 of each key is stored (a key is 32 random bytes, so a slow hash adds nothing).
 */
@Service
public class ApiKeys {

    static final String PREFIX = "dsp_";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new key; the returned secret is shown once and never again. */
    @Transactional
    public String create(Staff by, String name, Role role) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidAccountException("name", "Give the key a name of 1 to 100 characters (what uses it).");
        }
        if (role == null || !by.role().mayGrant(role)) {
            throw new InvalidAccountException("role", "Choose a role at or below your own.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO api_keys (name, prefix, key_hash, role, created_by, created_at)
                VALUES (:name, :prefix, :hash, :role, :by, :now)
                """).param("name", clean).param("prefix", secret.substring(0, 10)).param("hash", hash(secret)).param("role", role.column())
                .param("by", by.id()).param("now", SqlTime.of(clock.instant())).update();
        return secret;
    }

    @Transactional
    public void revoke(long id) {
        jdbc.sql("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL").param("id", id)
                .param("now", SqlTime.of(clock.instant())).update();
    }

    public List<ApiKey> list() {
        return jdbc.sql("""
                SELECT k.id, k.name, k.prefix, k.role, s.display_name, k.created_at, k.last_used_at, k.revoked_at
                FROM api_keys k JOIN staff s ON s.id = k.created_by ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC
                """).query((rs, n) -> new ApiKey(rs.getLong(1), rs.getString(2), rs.getString(3), Role.ofColumn(rs.getString(4)), rs.getString(5),
                        SqlTime.read(rs, "created_at"), SqlTime.read(rs, "last_used_at"), SqlTime.read(rs, "revoked_at")))
                .list();
    }

    /** Who a key acts as: its maker, while active, with the lower of the key's role and the maker's. */
    Optional<Staff> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        record Row(long id, String name, Role role, long createdBy, Instant lastUsed) {
        }
        Optional<Row> row = jdbc.sql("SELECT id, name, role, created_by, last_used_at FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL")
                .param("hash", hash(secret))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), Role.ofColumn(rs.getString("role")), rs.getLong("created_by"),
                        SqlTime.read(rs, "last_used_at")))
                .optional();
        return row.flatMap(r -> accounts.activeStaff(r.createdBy()).map(maker -> {
            Instant now = clock.instant();
            if (r.lastUsed() == null || r.lastUsed().isBefore(now.minus(Duration.ofMinutes(1)))) {
                jdbc.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id").param("id", r.id()).param("now", SqlTime.of(now)).update();
            }
            Role effective = r.role().ordinal() >= maker.role().ordinal() ? r.role() : maker.role();
            return maker.withRole(effective, r.name());
        }));
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
