package press.dispatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One staff member's browser without JavaScript: keeps the session cookie, signs in through the real form, and
 * posts forms with the CSRF token the server put in its pages.
 */
public final class AdminSession {

    /** Spring Session's cookie, which holds the id of a staff session kept in the database. */
    public static final String SESSION_COOKIE = "SESSION";

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private final Duration timeout;
    private String csrf;

    public AdminSession(int port) {
        this(port, new CookieManager(), Duration.ofSeconds(30));
    }

    private AdminSession(int port, CookieManager cookies, Duration timeout) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same browser, with the same cookies, talking to a server on another port (say, the same site restarted). */
    public AdminSession onPort(int port) {
        return new AdminSession(port, cookies, timeout);
    }

    /** The same browser, waiting up to {@code timeout} for each answer (say, for uploads queued behind others). */
    public AdminSession waitingUpTo(Duration timeout) {
        AdminSession patient = new AdminSession(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), cookies, timeout);
        patient.csrf = csrf;
        return patient;
    }

    public record Response(int status, String body, HttpResponse<String> raw, String base) {
        public Document page() {
            return Jsoup.parse(body, base);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String location() {
            String location = header("Location");
            return location == null ? null : location.replace(base, "");
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with extra headers, such as the X-Forwarded-Host a reverse proxy adds. */
    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Signs in through the form; the answer is the server's (302 to /admin on success). */
    public Response signIn(String email, String password) {
        Response form = get("/admin/sign-in");
        String token = tokenIn(form.body());
        Response answer = postForm("/admin/sign-in", Map.of("email", email, "password", password, "_csrf", token));
        csrf = null;
        return answer;
    }

    /** Posts a form with this session's CSRF token. */
    public Response post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf());
        return postForm(path, all);
    }

    /** Posts a form without any CSRF token, as a forged cross-site request would. */
    public Response postWithoutCsrf(String path, Map<String, String> fields) {
        return postForm(path, fields);
    }

    public Response postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts fields in this order, names repeated as a browser sends a form's rows (the CSRF token must be among them). */
    public Response postPairs(String path, java.util.List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a multipart form with one file, as a browser's upload form does, with this session's CSRF token. */
    public Response postFile(String path, Map<String, String> fields, String fileField, String filename, String contentType, byte[] file) {
        String boundary = "----dispatch-" + java.util.UUID.randomUUID();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Posts a body exactly as given (a multipart form with several files, say); the caller puts the CSRF token in it. */
    public Response postRaw(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The CSRF token of this session, read from an admin page (every signed-in role can open "My account"). */
    public String csrf() {
        if (csrf == null) {
            Response page = get("/admin/account");
            csrf = page.status() == 200 ? tokenIn(page.body()) : tokenIn(get("/admin/sign-in").body());
        }
        return csrf;
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SESSION_COOKIE)).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    public static String tokenIn(String html) {
        Element input = Jsoup.parse(html).selectFirst("input[name=_csrf]");
        if (input == null) {
            throw new IllegalStateException("No CSRF token in the page");
        }
        return input.attr("value");
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
