package press.dispatch.api;

import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors every API controller shares, in the {@link ApiError} shape. A feature's own errors (invalid fields, a
 * conflict) are answered by handlers in its controller, which take precedence; errors of the request itself (address,
 * method, format, an unreadable multipart body) by {@link ApiRequestErrors}, before any controller is chosen.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable() {
        return answer(HttpStatus.BAD_REQUEST, "bad_request", "The request body is not the JSON this operation expects.");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, "bad_request", "A parameter is missing or has the wrong type.");
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> notFound() {
        return answer(HttpStatus.NOT_FOUND, "not_found", "There is nothing at this address.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return answer(HttpStatus.FORBIDDEN, "forbidden", e.getMessage() == null ? "This key's role does not allow that." : e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("API request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side; nothing was changed.");
    }

    static ResponseEntity<ApiError> answer(HttpStatus status, String code, String message) {
        // The content type is set, not negotiated: an error is JSON even to a request that accepts only text/csv.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(status.value(), code, message));
    }
}
