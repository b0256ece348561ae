package press.dispatch.platform;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import press.dispatch.DispatchApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLite serves one node: a second Dispatch on the same file is refused at start-up with one line saying why. */
class SqliteSingleNodeTest {

    @TempDir
    Path data;

    @Test
    void aSecondNodeOnTheSameSqliteFileIsRefusedAndMayStartOnceTheFirstHasStopped() {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.isRunning()).isTrue();
            assertThatThrownBy(this::start)
                    .rootCause()
                    .isInstanceOf(BadSettingException.class)
                    .hasMessageStartingWith("DISPATCH_DATA_DIR holds the SQLite database " + data.resolve("dispatch.db")
                            + ", which another running Dispatch is using: SQLite serves one node only")
                    .hasMessageContaining("run several nodes on PostgreSQL (DISPATCH_DATABASE_URL)");
        }
        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.isRunning()).as("the lock went with the first node").isTrue();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DispatchApplication.class).run("--server.port=0", "--dispatch.data-dir=" + data, "--dispatch.demo=false",
                "--dispatch.newsletter.first-check=1h", "--dispatch.digests.first-check=1h", "--dispatch.outbox.first-check=1h",
                "--dispatch.publishing.first-check=1h");
    }
}
