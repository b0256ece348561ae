package press.dispatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import press.dispatch.DispatchApplication;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Publishing;
import press.dispatch.newsletter.IssueReport;
import press.dispatch.newsletter.IssueSent;
import press.dispatch.newsletter.Newsletters;

/**
 * Not a test: run by {@code bench/newsletter.sh}. Starts Dispatch against an SMTP sink, adds N confirmed
 * subscribers, publishes one article, and times the newsletter until its issue is sent.
 * System properties: subscribers, smtpPort, connections, batch, database (a jdbc:postgresql URL, optional).
 */
public final class NewsletterBench {

    private NewsletterBench() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.getInteger("subscribers", 100_000);
        int smtpPort = Integer.getInteger("smtpPort", 2525);
        Path data = Files.createTempDirectory("dispatch-newsletter-bench-");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--dispatch.data-dir=" + data, "--dispatch.demo=false",
                "--dispatch.mail.smtp.host=127.0.0.1", "--dispatch.mail.smtp.port=" + smtpPort,
                "--dispatch.mail.connections=" + Integer.getInteger("connections", 4), "--dispatch.mail.batch-size=" + Integer.getInteger("batch", 100),
                "--logging.level.press.dispatch=WARN"));
        String database = System.getProperty("database", "");
        if (!database.isBlank()) {
            arguments.add("--dispatch.database.url=" + database);
            arguments.add("--dispatch.database.user=" + System.getProperty("databaseUser", "postgres"));
            arguments.add("--dispatch.database.password=" + System.getProperty("databasePassword", "postgres"));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DispatchApplication.class).run(arguments.toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            Timestamp confirmed = Timestamp.from(Instant.now().minusSeconds(3600));
            long seedStart = System.nanoTime();
            for (int from = 0; from < subscribers; from += 5000) {
                int start = from;
                int end = Math.min(subscribers, from + 5000);
                transactions.executeWithoutResult(tx -> {
                    List<Object[]> rows = new ArrayList<>(end - start);
                    for (int i = start; i < end; i++) {
                        rows.add(new Object[] {"reader" + i + "@bench.example", confirmed, confirmed, confirmed, confirmed});
                    }
                    jdbc.batchUpdate("""
                            INSERT INTO subscribers (email, status, cadence, consent_at, consent_form, confirmed_at, created_at, updated_at)
                            VALUES (?, 'confirmed', 'each', ?, 'bench', ?, ?, ?)
                            """, rows);
                });
            }
            System.out.printf("seeded %,d confirmed subscribers in %d ms%n", subscribers, (System.nanoTime() - seedStart) / 1_000_000);

            Publishing publishing = context.getBean(Publishing.class);
            Newsletters newsletters = context.getBean(Newsletters.class);
            long article = publishing.draft(ArticleDraft.of("Benchmark story", "One article, every subscriber.", "Body of the benchmark story."));
            CountDownLatch sent = new CountDownLatch(1);
            context.addApplicationListener(ApplicationListener.forPayload((IssueSent event) -> sent.countDown()));
            long started = System.nanoTime();
            publishing.publish(article);
            long issue = newsletters.issueForArticle(article).orElseThrow();
            boolean finished = sent.await(10, TimeUnit.MINUTES);
            IssueReport report = newsletters.report(issue).orElseThrow();
            if (!finished) {
                System.out.println("gave up after 10 minutes");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("issue %s: %,d recipients, %,d sent, %,d failed, %,d uncertain in %.1f s = %,.0f messages/s%n", report.status(),
                    report.recipients(), report.sent(), report.failed(), report.uncertain().size(), seconds, report.sent() / seconds);
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS") || line.startsWith("VmHWM")) {
                    System.out.println(line.replaceAll("\\s+", " "));
                }
            }
        }
    }
}
