package press.dispatch.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The headers every response carries, whichever security chain answers it: a Content-Security-Policy that allows
 * no inline script at all (every script is a same-origin file), {@code frame-ancestors}, {@code nosniff}, a
 * referrer policy, and HSTS on https (Spring writes it only on secure requests).
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private static final List<HeaderWriter> FOR_REFUSED_REQUESTS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), hsts(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN),
            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY), new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));

    /** What Spring's HSTS writer sends on https, and the page cache adds to each https answer it gives. */
    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    private SecurityHeaders() {
    }

    /**
     * The same headers (and no-store) on an answer written outside the security chains: a request refused by the
     * firewall or by Tomcat before any filter ran.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response) {
        FOR_REFUSED_REQUESTS.forEach(writer -> writer.writeHeaders(request, response));
    }

    private static HstsHeaderWriter hsts() {
        HstsHeaderWriter hsts = new HstsHeaderWriter();
        hsts.setIncludeSubDomains(true);
        hsts.setMaxAgeInSeconds(31_536_000); // HSTS above
        return hsts;
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
