package press.dispatch.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import press.dispatch.api.ApiError;
import press.dispatch.platform.SecurityHeaders;

/**
 * Who may reach {@code /admin} and {@code /api}. The admin uses a session cookie (HttpOnly, SameSite=Lax, Secure on
 * https) with a CSRF token on every state change; the API uses keys and no cookies. Each URL prefix needs one
 * {@link Permission}; finer rules (one's own article or anyone's) are checked by the services.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurity {

    /** OWASP's minimum for Argon2id: m=19 MiB, t=2, p=1. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
    }

    @Bean
    SecurityContextRepository staffSecurityContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    HttpSessionCsrfTokenRepository adminCsrfTokens() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain admin(HttpSecurity http, Accounts accounts, SecurityContextRepository sessions, HttpSessionCsrfTokenRepository csrfTokens,
                              gg.jte.TemplateEngine templates, press.dispatch.site.SiteSettings settings) throws Exception {
        http.securityMatcher("/admin", "/admin/**")
                .securityContext(context -> context.securityContextRepository(sessions))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/sign-in", "/admin/setup", "/admin/password-reset", "/admin/password-reset/**",
                                "/admin/invitation/**").permitAll()
                        .requestMatchers("/admin/settings", "/admin/settings/**").hasAuthority(Permission.SETTINGS.name())
                        .requestMatchers("/admin/import", "/admin/import/**", "/admin/redirects", "/admin/redirects/**")
                        .hasAuthority(Permission.SETTINGS.name())
                        .requestMatchers("/admin/staff", "/admin/staff/**", "/admin/api-keys", "/admin/api-keys/**")
                        .hasAuthority(Permission.STAFF.name())
                        .requestMatchers("/admin/privacy", "/admin/privacy/**").hasAuthority(Permission.PERSONAL_DATA.name())
                        .requestMatchers("/admin/comments", "/admin/comments/**").hasAuthority(Permission.MODERATE.name())
                        .requestMatchers("/admin/subscribers", "/admin/subscribers/**", "/admin/newsletters", "/admin/newsletters/**")
                        .hasAuthority(Permission.SUBSCRIBERS.name())
                        .requestMatchers("/admin/review", "/admin/review/**").hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/admin/sections", "/admin/sections/**", "/admin/tags", "/admin/tags/**")
                        .hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/admin/pages", "/admin/pages/**").hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/admin/galleries", "/admin/galleries/**").hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/admin/menus", "/admin/menus/**").hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/admin/media/upload").hasAuthority(Permission.UPLOAD.name())
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/admin/media/*/delete").hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/admin/media/*").hasAuthority(Permission.UPLOAD.name())
                        .anyRequest().hasAuthority(Permission.WRITE.name()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(SignInPages::askToSignIn)
                        .accessDeniedHandler(new SessionEnded(templates, settings)))
                .logout(logout -> logout.logoutUrl("/admin/sign-out").logoutSuccessUrl("/admin/sign-in?signed-out"))
                .addFilterBefore(new SessionCheck(accounts, sessions), AuthorizationFilter.class);
        SecurityHeaders.applyPrivate(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys) throws Exception {
        http.securityMatcher("/api", "/api/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookie is ever read here: a request proves itself with its key, so a forged cross-site request has nothing to ride on.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/openapi.json", "/api/openapi.json/**").permitAll()
                        .requestMatchers("/api/v1/subscribers", "/api/v1/subscribers/**").hasAuthority(Permission.SUBSCRIBERS.name())
                        .requestMatchers("/api/v1/privacy", "/api/v1/privacy/**").hasAuthority(Permission.PERSONAL_DATA.name())
                        .requestMatchers("/api/v1/comments", "/api/v1/comments/**").hasAuthority(Permission.MODERATE.name())
                        .requestMatchers(org.springframework.http.HttpMethod.DELETE, "/api/v1/media/**").hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/api/v1/media", "/api/v1/media/**").hasAuthority(Permission.UPLOAD.name())
                        // Anyone who writes may list the sections to file an article; changing them is an editor's.
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/sections").hasAuthority(Permission.WRITE.name())
                        .requestMatchers("/api/v1/sections", "/api/v1/sections/**", "/api/v1/tags", "/api/v1/tags/**")
                        .hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/api/v1/pages", "/api/v1/pages/**").hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/api/v1/galleries", "/api/v1/galleries/**").hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/api/v1/menus", "/api/v1/menus/**").hasAuthority(Permission.PUBLISH_ANY.name())
                        .requestMatchers("/api/v1/settings", "/api/v1/site-icon").hasAuthority(Permission.SETTINGS.name())
                        .anyRequest().hasAuthority(Permission.WRITE.name()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ApiError.write(response, 401, "unauthorized",
                                "Send a valid API key as 'Authorization: Bearer <key>'."))
                        .accessDeniedHandler((request, response, e) -> ApiError.write(response, 403, "forbidden",
                                "This key's role does not allow that.")))
                .addFilterBefore(new ApiKeyFilter(keys), AuthorizationFilter.class);
        SecurityHeaders.applyPrivate(http);
        return http.build();
    }

    /**
     * Re-reads the signed-in account on every admin request: a disabled account, a changed role or a changed
     * password (which signs out every other session) takes effect at once.
     */
    static final class SessionCheck extends OncePerRequestFilter {
        private final Accounts accounts;
        private final SecurityContextRepository sessions;

        SessionCheck(Accounts accounts, SecurityContextRepository sessions) {
            this.accounts = accounts;
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof Staff signedIn) {
                Optional<Staff> fresh = accounts.stillValid(signedIn.id(), signedIn.sessionStamp());
                if (fresh.isEmpty()) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                } else if (!fresh.get().equals(signedIn)) {
                    SecurityContextHolder.setContext(context(fresh.get()));
                    sessions.saveContext(SecurityContextHolder.getContext(), request, response);
                }
            }
            chain.doFilter(request, response);
        }
    }

    static UsernamePasswordAuthenticationToken token(Staff staff) {
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.authorities());
    }

    static SecurityContextImpl context(Staff staff) {
        return new SecurityContextImpl(token(staff));
    }

    static final class ApiKeyFilter extends OncePerRequestFilter {
        private final ApiKeys keys;

        ApiKeyFilter(ApiKeys keys) {
            this.keys = keys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null) {
                if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    ApiError.write(response, 401, "unauthorized", "Send the API key as 'Authorization: Bearer <key>'.");
                    return;
                }
                Optional<Staff> staff = keys.authenticate(header.substring(7).strip());
                if (staff.isEmpty()) {
                    ApiError.write(response, 401, "unauthorized", "This API key is unknown or was revoked.");
                    return;
                }
                SecurityContextHolder.setContext(context(staff.get()));
            }
            chain.doFilter(request, response);
        }
    }
}
