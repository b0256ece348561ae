package press.dispatch.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken bodies and bad bytes are the client's fault: a 400 page for the reader, and at most one line in the log, never a trace. */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest extends SiteTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void serveOnePageFirst() {
        assertThat(browser.get("/").status()).as("the servlet has started and logged so").isEqualTo(200);
    }

    @Test
    void aBrokenMultipartBodyOnAPublicFormIsA400PageWithoutAStackTraceInTheLog(CapturedOutput output) throws Exception {
        String slug = publishing.get(publishedArticle(unique("Malformed"), null)).slug();
        for (String path : List.of("/subscribe", "/articles/" + slug + "/comments", "/subscribe/confirm", "/subscriptions/manage", "/unsubscribe",
                "/comments/stop-replies")) {
            int before = output.getAll().length();
            HttpResponse<String> answer = post(path, "multipart/form-data", "garbage");
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            Document page = Jsoup.parse(answer.body());
            assertThat(page.select("h1").text()).as(path).isEqualTo("That request could not be handled");
            assertThat(page.select("header, footer")).as(path + " is in the site's layout").isNotEmpty();
            assertAtMostOneLineWithoutATrace(output.getAll().substring(before), path);
        }
    }

    @Test
    void anAddressThatIsNotUtf8IsA400AndOneLineAtMostInTheLog(CapturedOutput output) throws Exception {
        int before = output.getAll().length();
        HttpResponse<String> answer = post("/subscribe", "application/x-www-form-urlencoded", "email=%C3%28");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("MalformedInput");
        assertAtMostOneLineWithoutATrace(output.getAll().substring(before), "invalid UTF-8");
    }

    @Test
    void aScannerAskingForPagesThatDoNotExistLeavesAtMostOneLineEach(CapturedOutput output) {
        for (String path : List.of("/wp-login.php", "/.env", "/cgi-bin/test.cgi")) {
            int before = output.getAll().length();
            assertThat(browser.get(path).status()).as(path).isEqualTo(404);
            assertAtMostOneLineWithoutATrace(output.getAll().substring(before), path);
        }
    }

    private static void assertAtMostOneLineWithoutATrace(String logged, String what) {
        List<String> lines = Arrays.stream(logged.split("\\R")).filter(line -> !line.isBlank()).toList();
        assertThat(lines).as(what + " leaves no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by")
                || line.matches("^\\s+at .*"));
        assertThat(lines.stream().filter(line -> line.contains("-exec-"))).as(what + " is logged as one line at most by the request's thread")
                .hasSizeLessThanOrEqualTo(1);
        assertThat(lines).as(what + " is not an error on our side").noneMatch(line -> line.contains(" ERROR "));
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(browser.base() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).header("Accept", "text/html,application/xhtml+xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
