package press.dispatch.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The public site's chain: everything not claimed by the admin's or the API's chain (see the accounts feature). */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain publicSite(HttpSecurity http, List<CsrfExemption> exemptions) throws Exception {
        String[] exempt = exemptions.stream().flatMap(e -> e.paths().stream()).toArray(String[]::new);
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(exempt))
                .requestCache(cache -> cache.disable());
        SecurityHeaders.apply(http);
        return http.build();
    }

    /**
     * A request Spring Security's firewall refuses (an encoded dot segment, a semicolon, a double slash…) gets a short
     * 400 carrying the same security headers as every other answer, and one line in the log.
     */
    @Bean
    RequestRejectedHandler refusedRequests() {
        return (request, response, e) -> {
            log.info("Refused {} {}: {}", request.getMethod(), printable(request.getRequestURI()), printable(e.getMessage()));
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            SecurityHeaders.write(request, response);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write("Bad request: this address is not valid.\n".getBytes(StandardCharsets.UTF_8));
        };
    }

    private static String printable(String s) {
        return s == null ? "" : s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
