package press.dispatch.platform;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The public site's chain: everything not claimed by the admin's or the API's chain (see the accounts feature). */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
}
