package press.dispatch.importer;

import java.time.Instant;

/** An old address (a path, or {@code /?p=ID}) that answers 301 with {@code target}; {@code origin} says where it came from. */
public record Redirect(long id, String oldAddress, String target, String origin, Instant createdAt) {
}
