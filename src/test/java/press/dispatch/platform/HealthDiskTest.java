package press.dispatch.platform;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Browser;
import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Health watches the data folder's free space: below the minimum (here: more than any disk has) it is DOWN. */
class HealthDiskTest extends SiteTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
        registry.add("DISPATCH_HEALTH_MIN_FREE", () -> "1000000TB");
    }

    @Test
    void healthIsDownWhenTheDataFolderHasLessFreeSpaceThanTheMinimum() {
        Browser.Response health = browser.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"");
    }
}
