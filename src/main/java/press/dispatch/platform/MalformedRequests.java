package press.dispatch.platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * A body that cannot be parsed (a broken multipart body, form fields that are not UTF-8) is the client's fault: it answers
 * 400 with the site's error page, never a 500, and is logged as one line at debug level at most, never with a stack
 * trace, so a scanner cannot flood the log. The API answers the same faults in its own shape, before this runs.
 */
@Component
class MalformedRequests implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    private final List<ErrorViewResolver> errorPages;

    MalformedRequests(List<ErrorViewResolver> errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    public int getOrder() {
        // After MVC's own resolvers: a controller's handler, or Spring's 413 for an upload over the limit, comes first.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!(e instanceof MultipartException || e instanceof InvalidParameterException) || e instanceof MaxUploadSizeExceededException) {
            return null;
        }
        log.debug("{} {} answered 400: {}", request.getMethod(), request.getRequestURI(), e.getClass().getSimpleName());
        // Rendered here rather than through sendError: the error dispatch would read the same unreadable body again.
        ModelAndView page = errorPages.stream().map(pages -> pages.resolveErrorView(request, HttpStatus.BAD_REQUEST, Map.of()))
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (page == null) {
            page = new ModelAndView((View) (model, req, res) -> res.sendError(HttpServletResponse.SC_BAD_REQUEST));
        }
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
