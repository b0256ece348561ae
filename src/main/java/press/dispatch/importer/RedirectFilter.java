package press.dispatch.importer;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers old WordPress addresses with 301, but never in place of a page of this site: an old path
 * ({@code /about}, {@code /feed}, {@code /2024/03/12/slug/}) is redirected only when the site answers 404 for it
 * (a post once at {@code /subscribe} must not take the subscribe page over); an old query on the root
 * ({@code /?p=123}, which the front page does not read) is redirected at once. The filter runs first, in front of
 * the page cache's filter, and never marks its answer cacheable, so a redirect is never stored as a page and an
 * edited redirect takes effect as soon as {@link Redirects} forgets the old one. (A cache hit is a page that exists:
 * it is answered before any filter.)
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
                if (Redirects.isRootQuery(request.getRequestURI(), request.getQueryString())) {
                    Optional<String> target = redirects.find(request.getRequestURI(), request.getQueryString());
                    if (target.isPresent()) {
                        redirect(response, target.get());
                        return;
                    }
                    chain.doFilter(request, response);
                    return;
                }
                chain.doFilter(request, new HttpServletResponseWrapper(response) {
                    @Override
                    public void sendError(int status) throws IOException {
                        if (!redirectedInstead(status)) {
                            super.sendError(status);
                        }
                    }

                    @Override
                    public void sendError(int status, String message) throws IOException {
                        if (!redirectedInstead(status)) {
                            super.sendError(status, message);
                        }
                    }

                    /** Where the site has nothing, an old address it once had is sent on instead. */
                    private boolean redirectedInstead(int status) {
                        if (status != HttpServletResponse.SC_NOT_FOUND || isCommitted()) {
                            return false;
                        }
                        Optional<String> target = redirects.find(request.getRequestURI(), request.getQueryString());
                        if (target.isEmpty() || target.get().equals(request.getRequestURI()) && request.getQueryString() == null) {
                            return false;
                        }
                        resetBuffer();
                        redirect(response, target.get());
                        return true;
                    }
                });
            }
        });
        // First, in front of the page cache's filter: the query it reads here is not one the page read (see PageCache#keepParameters).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        return registration;
    }

    private static void redirect(HttpServletResponse response, String target) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", target);
        response.setHeader("Cache-Control", "public, max-age=3600");
    }
}
