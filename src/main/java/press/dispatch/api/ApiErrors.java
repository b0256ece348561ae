package press.dispatch.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

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
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Errors every API controller shares, in the {@link ApiError} shape. A feature's own errors (invalid fields, a
 * conflict) are answered by handlers in its controller, which take precedence; errors of the request itself (address,
 * method, format, an unreadable multipart body) by {@link ApiRequestErrors}, before any controller is chosen.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String message = "The request body is not the JSON this operation expects.";
        // A value of the wrong kind in readable JSON: name its field and what it should be.
        JacksonException wrong = wrongValue(e);
        if (wrong != null) {
            String field = fieldPath(wrong.getPath());
            String expected = expected(wrong instanceof MismatchedInputException m ? m.getTargetType()
                    : wrong instanceof InputCoercionException c ? c.getTargetType() : null);
            return answer(HttpStatus.BAD_REQUEST, "bad_request", message + " The field " + field + " must be " + expected + ".",
                    Map.of(field, "Must be " + expected + "."));
        }
        return answer(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return badParameter(e.getParameterName(), "Required.");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return badParameter(e.getRequestPartName(), "Required.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mistypedParameter(MethodArgumentTypeMismatchException e) {
        return badParameter(e.getName(), "Must be " + expected(e.getRequiredType()) + ".");
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ApiError> unknownValue(BadParameterException e) {
        return badParameter(e.parameter(), e.getMessage());
    }

    private static ResponseEntity<ApiError> badParameter(String name, String problem) {
        return answer(HttpStatus.BAD_REQUEST, "bad_request", "The parameter " + name + " is not acceptable. " + problem, Map.of(name, problem));
    }

    /**
     * Jackson's report of a value of the wrong kind in a declared field (a mismatch, or a number out of its type's range),
     * found in the chain of causes (it has a parse error of its own as its cause); null when it names no field. An
     * unknown property is not reported this way: its name is the client's text, not ours.
     */
    private static JacksonException wrongValue(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PropertyBindingException) {
                return null;
            }
            if ((cause instanceof MismatchedInputException || cause instanceof InputCoercionException)
                    && !((JacksonException) cause).getPath().isEmpty()) {
                return (JacksonException) cause;
            }
        }
        return null;
    }

    /**
     * {@code tags[2]}, {@code blocks[0].text}: the field a JSON mismatch is in, as a client would write it. A name that
     * is not a plain identifier (a key of a map the client sent) is written as {@code [key]}, and the whole is cut to
     * 100 characters, so the client's text is never echoed at length.
     */
    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            String name = step.getPropertyName();
            if (name != null && name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                field.append(field.isEmpty() ? "" : ".").append(name);
            } else if (name != null) {
                field.append("[key]");
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        String written = field.isEmpty() ? "$" : field.toString();
        return written.length() > 100 ? written.substring(0, 100) : written;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (Instant.class.equals(type) || OffsetDateTime.class.equals(type) || ZonedDateTime.class.equals(type)) {
            return "a date and time with its offset from UTC, such as 2026-12-01T09:30:00Z or 2026-12-01T10:30:00+01:00";
        }
        if (LocalDate.class.equals(type)) {
            return "a date such as 2026-12-01";
        }
        if (type == long.class || type == int.class || type == short.class || type == byte.class || Long.class.equals(type)
                || Integer.class.equals(type) || Short.class.equals(type) || Byte.class.equals(type)) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || Boolean.class.equals(type)) {
            return "true or false";
        }
        if (String.class.equals(type)) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        return "an object of the documented shape";
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
        return answer(status, code, message, Map.of());
    }

    static ResponseEntity<ApiError> answer(HttpStatus status, String code, String message, Map<String, String> fields) {
        // The content type is set, not negotiated: an error is JSON even to a request that accepts only text/csv.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(status.value(), code, message, fields));
    }
}
