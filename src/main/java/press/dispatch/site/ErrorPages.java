package press.dispatch.site;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/** Every error a reader can meet is a page in the site's layout; never a stack trace. */
@Component
class ErrorPages implements ErrorViewResolver {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final SiteShell shell;

    ErrorPages(SiteShell shell) {
        this.shell = shell;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Shell pageShell;
        try {
            pageShell = shell.shell();
        } catch (RuntimeException e) {
            log.warn("Error page shown without site settings: {}", e.toString());
            ModelAndView bare = new ModelAndView((View) ErrorPages::renderBare);
            bare.setStatus(status);
            return bare;
        }
        String title;
        String message;
        switch (status) {
            case NOT_FOUND -> {
                title = "Page not found";
                message = "We could not find that page. It may have moved, or the address may be mistyped.";
            }
            case FORBIDDEN -> {
                title = "Not allowed";
                message = "You do not have permission to see this page.";
            }
            case TOO_MANY_REQUESTS -> {
                title = "Slow down";
                message = "Too many requests in a short time. Please wait a moment and try again.";
            }
            default -> {
                if (status.is4xxClientError()) {
                    title = "That request could not be handled";
                    message = "Please check the address and try again.";
                } else {
                    title = "Something went wrong";
                    message = "Something went wrong on our side. Please try again in a moment.";
                }
            }
        }
        return new ModelAndView("site/error", Map.of("page", new ErrorPage(pageShell, status.value(), title, message)), status);
    }

    /** Used only when the site's own settings cannot be read: no layout, no details. */
    private static void renderBare(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head>"
                + "<body><h1>Something went wrong</h1><p>Please try again in a moment.</p></body></html>");
    }
}
