package press.dispatch.platform;

import java.util.List;

/**
 * Paths whose POSTs carry their own proof instead of a session's CSRF token: forms on cached public pages
 * (which cannot hold a per-visitor token) and links from emails, which carry a signed token.
 */
public record CsrfExemption(List<String> paths, String reason) {
}
