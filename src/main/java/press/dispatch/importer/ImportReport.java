package press.dispatch.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one import did: per kind (posts, pages, comments…) how many were imported, updated, left unchanged or skipped
 * and why, every warning, and each unknown shortcode or block with the posts that use it.
 */
public final class ImportReport {

    static final int MAX_WARNINGS = 1000;

    private final boolean dryRun;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long warningsLeftOut;
    private final Map<String, Set<String>> unknown = new TreeMap<>();
    private final List<String> authors = new ArrayList<>();

    ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void add(String kind, String outcome) {
        counts.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(outcome, 1L, Long::sum);
    }

    void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            warningsLeftOut++;
        }
    }

    /** One WordPress author: their login, name and address, and what they became (a byline, an invitation). */
    void author(String line) {
        if (authors.size() < MAX_WARNINGS) {
            authors.add(line);
        }
    }

    public List<String> authors() {
        return List.copyOf(authors);
    }

    void unknown(String what, String post) {
        Set<String> posts = unknown.computeIfAbsent(what, k -> new LinkedHashSet<>());
        if (posts.size() < 20) {
            posts.add(post);
        }
    }

    /** How many things of this kind had this outcome ("imported", "published", "skipped (in the trash)"…). */
    public long count(String kind, String outcome) {
        return counts.getOrDefault(kind, Map.of()).getOrDefault(outcome, 0L);
    }

    /** How many things of this kind were read, whatever became of them. */
    public long total(String kind) {
        return counts.getOrDefault(kind, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Map<String, Set<String>> unknown() {
        return unknown;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** The report as an operator reads it at the end of a run, and as the admin keeps it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Dry run: nothing was written. This is what an import would do.\n\n" : "Import finished.\n\n");
        counts.forEach((kind, outcomes) -> {
            out.append(kind).append(':');
            outcomes.forEach((outcome, n) -> out.append(' ').append(n).append(' ').append(outcome).append(','));
            out.setLength(out.length() - 1);
            out.append('\n');
        });
        if (!authors.isEmpty()) {
            out.append("\nAuthors (by WordPress login):\n");
            authors.forEach(a -> out.append("  ").append(a).append('\n'));
        }
        if (!unknown.isEmpty()) {
            out.append("\nKept as text or left out (unknown to Dispatch), with the posts that use them:\n");
            unknown.forEach((what, posts) -> out.append("  ").append(what).append(": ").append(String.join("; ", posts)).append('\n'));
        }
        if (!warnings.isEmpty()) {
            out.append("\nWarnings:\n");
            warnings.forEach(w -> out.append("  - ").append(w).append('\n'));
            if (warningsLeftOut > 0) {
                out.append("  … and ").append(warningsLeftOut).append(" more\n");
            }
        }
        return out.toString();
    }
}
