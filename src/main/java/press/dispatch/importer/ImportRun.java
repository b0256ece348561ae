package press.dispatch.importer;

import java.time.Instant;

/** One import as the admin keeps it: {@code status} is running, succeeded or failed; {@code report} is its report or why it failed. */
public record ImportRun(long id, String fileName, boolean dryRun, String status, String report, Instant startedAt, Instant finishedAt) {

    public boolean running() {
        return status.equals("running");
    }
}
