package press.dispatch.importer;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers old WordPress addresses with 301 before anything else renders them. It runs first, in front of the page
 * cache's filter, and never marks its answer cacheable, so a redirect is never stored as a page and an edited redirect
 * takes effect as soon as {@link Redirects} forgets the old one.
 */
@Configuration(proxyBeanMethods = false)
class RedirectFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> oldAddresses(Redirects redirects) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String method = request.getMethod();
                String path = request.getRequestURI();
                return !("GET".equals(method) || "HEAD".equals(method)) || path.startsWith("/admin") || path.startsWith("/api/")
                        || path.startsWith("/assets/") || path.startsWith("/media/") || path.startsWith("/actuator");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<String> target = redirects.find(request.getRequestURI(), request.getQueryString());
                if (target.isPresent() && !(target.get().equals(request.getRequestURI()) && request.getQueryString() == null)) {
                    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                    response.setHeader("Location", target.get());
                    response.setHeader("Cache-Control", "public, max-age=3600");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        // First, in front of the page cache's filter: the query it reads here is not one the page read (see PageCache#keepParameters).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        return registration;
    }
}
