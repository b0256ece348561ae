package press.dispatch.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any page code runs (by Spring Security's firewall, or by Tomcat while it reads the
 * address) still carry the security headers. Sent over a raw socket: Java's HTTP client refuses to send most of them.
 */
class RejectedRequestsTest extends SiteTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Test
    void requestsRefusedByTheFirewallOrByTomcatCarryTheSecurityHeadersAndNoDetails() throws IOException {
        for (String path : List.of("/%2e%2e/%2e%2e/etc/passwd", "/articles/%00", "/articles/a%00b", "/media/..%2f..%2fetc/passwd.jpg",
                "/articles/%2e%2e/admin", "/articles/x;jsessionid=1", "//admin", "/articles/%5c..%5cadmin", "/articles/a%25%32%65",
                // refused while Tomcat reads the request line: characters RFC 9112 forbids, a line over the size limit
                "/a|b", "/search?q[]=1", "/search?q=" + "a".repeat(70_000))) {
            Answer answer = send(path);
            assertThat(answer.status()).as(path.length() > 80 ? "a long line" : path).isIn(400, 404);


            assertThat(answer.headers()).as(path + " " + answer.headers()).containsKeys("content-security-policy", "x-content-type-options",
                    "x-frame-options", "referrer-policy");
            assertThat(answer.headers().get("x-content-type-options")).isEqualTo("nosniff");
            assertThat(answer.body()).as(path).doesNotContain("Exception").doesNotContainIgnoringCase("tomcat");
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private Answer send(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }
    }
}
