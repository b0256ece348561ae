package press.dispatch.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every response carries, whichever security chain answers it: a Content-Security-Policy that allows
 * no inline script at all (every script is a same-origin file), {@code frame-ancestors}, {@code nosniff}, a
 * referrer policy, and HSTS on https (Spring writes it only on secure requests).
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private SecurityHeaders() {
    }

    /** Headers for public pages, which set their own Cache-Control (Spring's default "no-store" would defeat the page cache). */
    public static void apply(HttpSecurity http) throws Exception {
        apply(http, false);
    }

    /** Headers for the admin and the API: as for public pages, and nothing is stored by browsers or proxies. */
    public static void applyPrivate(HttpSecurity http) throws Exception {
        apply(http, true);
    }

    private static void apply(HttpSecurity http, boolean noStore) throws Exception {
        http.headers(headers -> headers
                .cacheControl(cacheControl -> {
                    if (!noStore) {
                        cacheControl.disable();
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.sameOrigin())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }
}
