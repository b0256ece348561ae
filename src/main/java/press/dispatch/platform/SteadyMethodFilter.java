package press.dispatch.platform;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Runs last, just before Spring MVC, and answers {@code getMethod()} and the parsed request path from fields. MVC
 * asks every request mapping whose path is a pattern for both (the method twice, with the CORS pre-flight check),
 * and each call otherwise travels down every wrapper Spring Security put around the request: with the admin's and
 * the API's mappings that was a third of the CPU of posting a comment.
 */
final class SteadyMethodFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            chain.doFilter(new SteadyMethod(http), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class SteadyMethod extends HttpServletRequestWrapper {
        private final String method;

        SteadyMethod(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }

        /** Set and read through this wrapper by MVC only; kept here as well as below. */
        private Object parsedPath;

        @Override
        public Object getAttribute(String name) {
            if (ServletRequestPathUtils.PATH_ATTRIBUTE.equals(name)) {
                if (parsedPath == null) {
                    parsedPath = super.getAttribute(name);
                }
                return parsedPath;
            }
            return super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (ServletRequestPathUtils.PATH_ATTRIBUTE.equals(name)) {
                parsedPath = value;
            }
            super.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            if (ServletRequestPathUtils.PATH_ATTRIBUTE.equals(name)) {
                parsedPath = null;
            }
            super.removeAttribute(name);
        }
    }
}
