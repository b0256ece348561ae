package press.dispatch.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cache hits are answered inside Tomcat from stored header bytes. Tomcat pools its header fields per connection and
 * writes later answers' headers (a Content-Length's digits, a name such as "Content-Length") into the arrays it was
 * last given; answers with different numbers of headers, one after another on one connection, once overwrote a
 * stored page's headers and the HSTS constant that way. Every answer here must keep the headers of its first.
 */
class CachedHeadersTest extends SiteTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    /** One connection, reused for every request (HTTP/1.1 keep-alive). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Ask(String path, boolean gzip, boolean https) {
    }

    @Test
    void answersOfDifferentShapesOnOneConnectionLeaveEveryStoredHeaderIntact() throws Exception {
        String article = "/articles/" + slugOf(publishedArticle(unique("Headers intact"), null));
        List<Ask> asks = List.of(new Ask(article, false, false), new Ask(article, true, true), new Ask("/feed", true, false),
                new Ask(article, true, false), new Ask("/feed", false, true), new Ask("/sitemap.xml", false, false), new Ask(article, false, true));
        Map<Ask, Map<String, List<String>>> first = new HashMap<>();
        for (int round = 0; round < 6; round++) {
            for (Ask ask : asks) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base() + ask.path()));
                if (ask.gzip()) {
                    request.header("Accept-Encoding", "gzip");
                }
                if (ask.https()) {
                    request.header("X-Forwarded-Proto", "https");
                }
                HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(answer.statusCode()).isEqualTo(200);
                Map<String, List<String>> headers = new TreeMap<>();
                answer.headers().map().forEach((name, values) -> {
                    if (!name.equalsIgnoreCase("date") && !name.equalsIgnoreCase("content-length")) {
                        headers.put(name.toLowerCase(Locale.ROOT), values);
                    }
                });
                assertThat(headers.get("content-security-policy")).as(ask + " round " + round)
                        .containsExactly(SecurityHeaders.CONTENT_SECURITY_POLICY);
                if (ask.https()) {
                    assertThat(headers.get("strict-transport-security")).as(ask + " round " + round).containsExactly(SecurityHeaders.HSTS);
                }
                Map<String, List<String>> before = first.putIfAbsent(ask, headers);
                if (before != null) {
                    assertThat(headers).as(ask + " round " + round).isEqualTo(before);
                }
            }
        }
    }
}
