package press.dispatch.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Browser;
import press.dispatch.testing.Databases;
import press.dispatch.testing.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a load balancer or monitor sees at /actuator/health when the database stops taking writes. */
class HealthTest extends SiteTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthIsDownWhileDatabaseWritesFailAndUpAgainOnceTheyWork() {
        assertThat(browser.get("/actuator/health").status()).isEqualTo(200);

        // What SQLite answers every write with once the data folder's disk is full.
        jdbc.sql("CREATE TRIGGER disk_full_insert BEFORE INSERT ON health_checks BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END")
                .update();
        jdbc.sql("CREATE TRIGGER disk_full_update BEFORE UPDATE ON health_checks BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END")
                .update();
        Browser.Response down = browser.get("/actuator/health");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"").doesNotContain("disk is full");

        jdbc.sql("DROP TRIGGER disk_full_insert").update();
        jdbc.sql("DROP TRIGGER disk_full_update").update();
        Browser.Response up = browser.get("/actuator/health");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"");
    }
}
