package press.dispatch.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every API error: {@code {"error": {"status": 422, "code": "invalid", "message": "…",
 * "fields": {"headline": "…"}}}}. {@code code} is stable and meant for programs; {@code message} is for people.
 */
public record ApiError(Body error) {

    public record Body(int status, String code, String message, Map<String, String> fields) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ApiError of(int status, String code, String message) {
        return new ApiError(new Body(status, code, message, Map.of()));
    }

    public static ApiError of(int status, String code, String message, Map<String, String> fields) {
        return new ApiError(new Body(status, code, message, fields));
    }

    /** Writes the error where no controller runs (the security filters). */
    public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(of(status, code, message)));
    }
}
