package press.dispatch.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import press.dispatch.DispatchApplication;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Publishing;
import press.dispatch.testing.AdminSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the stream port (the site's own port is closed by the servlet container before anything can be said), a node
 * stopped for an upgrade, or one of several behind a proxy: its live readers must come back (to it restarted,
 * or to another node), not be told the coverage is over.
 */
class NodeStoppingTest {

    private static final String OWNER = "owner@news.example";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;

    @Test
    void readersOfANodeThatStopsLoseTheirStreamButAreNotToldTheCoverageEndedSoTheirBrowsersReconnect() {
        int streamPort = freePort();
        ConfigurableApplicationContext node = new SpringApplicationBuilder(DispatchApplication.class).run("--server.port=0",
                "--dispatch.live.stream-port=" + streamPort,
                "--dispatch.data-dir=" + data, "--dispatch.demo=false", "--dispatch.admin.email=" + OWNER,
                "--dispatch.admin.password=" + PASSWORD, "--dispatch.publishing.first-check=1h", "--dispatch.digests.first-check=1h");
        try {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            Publishing publishing = node.getBean(Publishing.class);
            long article = publishing.draft(ArticleDraft.of("Talks live", "Standfirst", "Body."));
            publishing.publish(article);
            AdminSession owner = new AdminSession(port);
            assertThat(owner.signIn(OWNER, PASSWORD).status()).isEqualTo(302);
            assertThat(owner.post("/admin/live/" + article + "/start", Map.of()).status()).isEqualTo(302);

            try (EventStream stream = new EventStream(streamPort, LiveStream.path(article), null)) {
                assertThat(stream.status()).isEqualTo(200);
                node.close();
                List<String> types = new ArrayList<>();
                EventStream.Event event;
                do {
                    event = stream.next();
                    types.add(event.type());
                } while (!event.type().equals("closed"));
                assertThat(types).as("what the reader got before the stream closed").doesNotContain("ended");
            }
        } finally {
            node.close();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
