package press.dispatch.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed, tamper-proof tokens for links in emails (confirm, manage, unsubscribe). The key is made once and kept
 * in the database, so every node of a site signs and checks alike.
 *
 * <p>A token is {@code base64url(purpose|subject|expiry)} + "." + {@code base64url(HMAC-SHA256)}; the purpose is
 * part of what is signed, so a token made for one purpose is refused for any other.
 */
@Component
public class Signatures {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte[] key;

    Signatures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token for this purpose and subject, valid until {@code expires} (null: no expiry). */
    public String sign(String purpose, String subject, Instant expires) {
        if (purpose.contains("|") || subject.contains("|")) {
            throw new IllegalArgumentException("purpose and subject must not contain '|'");
        }
        String payload = purpose + "|" + subject + "|" + (expires == null ? "-" : Long.toString(expires.getEpochSecond()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The subject, if the token is intact, made for this purpose, and not expired. */
    public Optional<String> verify(String purpose, String token) {
        if (token == null || token.length() > 500) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(purpose)) {
                return Optional.empty();
            }
            if (!parts[2].equals("-") && clock.instant().getEpochSecond() > Long.parseLong(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One initialised Mac per thread: creating and keying one costs more than signing a short payload. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    });

    private byte[] mac(byte[] payload) {
        return macs.get().doFinal(payload);
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // The first node to start stores its key; every later read, on any node, gets that one.
            jdbc.sql("INSERT INTO secrets (name, value, created_at) VALUES ('link-signing', :value, :now) ON CONFLICT (name) DO NOTHING")
                    .param("value", Base64.getEncoder().encodeToString(fresh)).param("now", SqlTime.of(clock.instant())).update();
            String stored = jdbc.sql("SELECT value FROM secrets WHERE name = 'link-signing'").query(String.class).single();
            k = Base64.getDecoder().decode(stored);
            key = k;
        }
        return k;
    }
}
