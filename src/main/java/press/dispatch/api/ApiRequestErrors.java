package press.dispatch.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The request's own faults under {@code /api/}, in the {@link ApiError} shape. Most arise before any API controller is
 * chosen (no such address, a method or format the address does not serve, a multipart body that cannot be parsed), so
 * {@link ApiErrors}, which applies to API controllers, never sees them. The error is written directly, whatever the
 * request's {@code Accept} said, and logged as one line at debug level at most: it is bad input, not our failure.
 */
@Component
class ApiRequestErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiRequestErrors.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || response.isCommitted()) {
            return null;
        }
        try {
            if (e instanceof NoHandlerFoundException || e instanceof NoResourceFoundException) {
                return answer(request, response, e, 404, "not_found", "There is nothing at this address.");
            }
            if (e instanceof HttpRequestMethodNotSupportedException method) {
                if (method.getSupportedMethods() != null) {
                    response.setHeader("Allow", String.join(", ", method.getSupportedMethods()));
                }
                return answer(request, response, e, 405, "method_not_allowed", "This address does not take that method.");
            }
            if (e instanceof HttpMediaTypeNotAcceptableException) {
                return answer(request, response, e, 406, "not_acceptable",
                        "This address cannot answer in the format the Accept header asks for (see the OpenAPI document).");
            }
            if (e instanceof HttpMediaTypeNotSupportedException) {
                return answer(request, response, e, 415, "unsupported_media_type",
                        "Send application/json (or multipart/form-data for uploads).");
            }
            if (e instanceof MaxUploadSizeExceededException) {
                return answer(request, response, e, 413, "too_large", "The upload is larger than this server accepts.");
            }
            if (e instanceof MultipartException || e instanceof InvalidParameterException) {
                return answer(request, response, e, 400, "bad_request", "The request body or its parameters cannot be read.");
            }
        } catch (IOException written) {
            log.debug("API error answer to {} not written: {}", request.getRequestURI(), written.toString());
            return new ModelAndView();
        }
        return null;
    }

    private static ModelAndView answer(HttpServletRequest request, HttpServletResponse response, Exception e, int status, String code,
                                       String message) throws IOException {
        log.debug("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), status, e.getClass().getSimpleName());
        response.resetBuffer();
        ApiError.write(response, status, code, message);
        return new ModelAndView();
    }
}
