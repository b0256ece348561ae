package press.dispatch.search;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import press.dispatch.testing.Browser;
import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "dispatch.search.per-minute=2")
class SearchRateLimitTest extends SiteTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Test
    void anAddressThatSearchesTooOftenIsAskedToWaitAMinute() {
        assertThat(browser.get("/search?q=radar").status()).isEqualTo(200);
        assertThat(browser.get("/search?q=sonar").status()).isEqualTo(200);

        Browser.Response refused = browser.get("/search?q=lidar");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.page().select(".notice").text()).contains("wait a moment");
        assertThat(refused.page().select("#search-q").val()).isEqualTo("lidar");

        // A search answered before comes from the page cache: it costs nothing, so it is not counted.
        assertThat(browser.get("/search?q=radar").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(browser.get("/search?q=lidar").status()).isEqualTo(200);
    }
}
