package press.dispatch.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints an analysed start-up failure as one line (Spring Boot's own reporter, which prints a multi-line
 * "APPLICATION FAILED TO START" block, is switched off in application.properties). A failure no analyzer
 * understands still gets Spring's "Application run failed" with its stack trace.
 */
final class StartUpFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger("press.dispatch.StartUp");

    @Override
    public void report(FailureAnalysis analysis) {
        String line = analysis.getDescription();
        if (analysis.getAction() != null && !analysis.getAction().isBlank()) {
            // Spring Boot's own analyses (a port already in use) keep their advice, on the same line.
            line += " " + analysis.getAction();
        }
        log.error("Dispatch cannot start: {}", line.replaceAll("\\s*\\R\\s*", " ").strip());
    }
}
