package press.dispatch.newsletter;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.DispatchApplication;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Publishing;
import press.dispatch.subscriptions.SubscriberCsv;
import press.dispatch.testing.Databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on PostgreSQL share one newsletter; node A is a real separate process, killed with {@code kill -9} while it
 * is sending a batch. Node B takes the batch over once A's lease runs out (seconds, not minutes): nobody is skipped,
 * and anyone who may get a second copy is reported as uncertain.
 */
class DeliveryTakeoverTest {

    private static final int SMTP_PORT = freePort();
    private static final int READERS = 1_000;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path dataA;

    @TempDir
    Path dataB;

    @Test
    void aNodeKilledMidSendLeavesItsBatchToTheOtherWhichSendsToEveryoneAndReportsWhatWasInFlight() throws Exception {
        String database = Databases.newPostgresDatabase();
        List<String> settings = List.of("--dispatch.database.url=" + database, "--dispatch.database.user=postgres",
                "--dispatch.database.password=postgres", "--dispatch.demo=false", "--server.port=0",
                "--dispatch.mail.smtp.host=127.0.0.1", "--dispatch.mail.smtp.port=" + SMTP_PORT, "--dispatch.mail.batch-size=20",
                "--dispatch.mail.connections=2", "--dispatch.mail.rate-per-second=100", "--dispatch.newsletter.check-every=100ms",
                "--dispatch.newsletter.first-check=100ms", "--dispatch.nodes.lease=2s", "--dispatch.nodes.renew-every=500ms",
                "--dispatch.publishing.first-check=1h", "--dispatch.digests.first-check=1h", "--dispatch.outbox.first-check=1h",
                "--logging.level.com.icegreen=WARN");
        Process a = fork(settings, dataA);
        try (ConfigurableApplicationContext b = new SpringApplicationBuilder(DispatchApplication.class).run(
                with(settings, "--dispatch.data-dir=" + dataB))) {
            JdbcClient jdbc = b.getBean(JdbcClient.class);
            String batch = UUID.randomUUID().toString().substring(0, 8);
            List<String> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readers.add("r" + i + "-" + batch + "@example.org");
            }
            b.getBean(SubscriberCsv.class).importCsv(new StringReader("email\n" + String.join("\n", readers) + "\n"), true);
            jdbc.sql("UPDATE subscribers SET status = 'confirmed', confirmed_at = :t")
                    .param("t", Timestamp.from(Instant.now().minus(Duration.ofDays(1)))).update();
            Publishing publishing = b.getBean(Publishing.class);
            long article = publishing.draft(ArticleDraft.of("Sent while a node dies", "Standfirst", "Body."));
            publishing.publish(article);
            long issue = b.getBean(Newsletters.class).issueForArticle(article).orElseThrow();
            String nodeA = jdbc.sql("SELECT id FROM nodes WHERE id <> :b").param("b", b.getBean(press.dispatch.platform.Nodes.class).id())
                    .query(String.class).single();

            await("A sending a batch").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM deliveries WHERE issue_id = :i AND status = 'sending' AND claimed_by = :a")
                    .param("i", issue).param("a", nodeA).query(Long.class).single() > 0 && smtp.getReceivedMessages().length > 50);
            a.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(a.isAlive()).isFalse();

            // Killing A mid-message makes GreenMail's handler thread die of "Connection reset": expected here, so the
            // wait must not take that thread's exception for the test's own (Awaitility's default).
            await("B finishing the issue").dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90)).until(() -> "sent".equals(
                    jdbc.sql("SELECT status FROM newsletter_issues WHERE id = :i").param("i", issue).query(String.class).single()));
            IssueReport report = b.getBean(Newsletters.class).report(issue).orElseThrow();
            assertThat(report.sent()).isEqualTo(READERS);
            assertThat(report.uncertain()).as("what A was sending when it died").isNotEmpty();

            Map<String, Long> copies = received().stream().filter(r -> r.endsWith(batch + "@example.org"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(copies.keySet()).as("nobody skipped").containsExactlyInAnyOrderElementsOf(readers);
            Set<String> twice = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(report.uncertain()).as("every second copy is reported").containsAll(twice);
        } finally {
            a.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String[] with(List<String> settings, String more) {
        List<String> all = new ArrayList<>(settings);
        all.add(more);
        return all.toArray(String[]::new);
    }

    /** Node A: the same jar's classes in a JVM of its own, started as a person would start a node. */
    private static Process fork(List<String> settings, Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "press.dispatch.DispatchApplication"));
        command.addAll(settings);
        command.add("--dispatch.data-dir=" + data);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains("Started DispatchApplication")) {
                        started.complete(null);
                    }
                }
            } catch (java.io.IOException ignored) {
                // The process was killed.
            }
            started.completeExceptionally(new IllegalStateException("node A stopped before it started"));
        });
        reader.setDaemon(true);
        reader.start();
        started.get(180, TimeUnit.SECONDS);
        return process;
    }

    private static List<String> received() {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                recipients.add(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return recipients;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
