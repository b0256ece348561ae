package press.dispatch.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;

import press.dispatch.accounts.Accounts;
import press.dispatch.accounts.Role;
import press.dispatch.accounts.Staff;
import press.dispatch.platform.CommandContext;

/**
 * {@code java -jar dispatch.jar import-wordpress EXPORT.xml [--uploads FOLDER_OR_ZIP] [--dry-run] [--invite login=role,…]}:
 * imports on the data folder and database that the usual settings name, without opening the web port; the authors
 * named with {@code --invite} get a staff invitation with that role, sent in the owner's name. Shows a progress bar on a terminal,
 * prints the report, and exits 0 only when the import succeeded (1 when it was refused or failed, 2 for a wrong command).
 * Other {@code --name=value} arguments are settings, as for the server.
 */
public final class WordPressImportCommand {

    public static final String NAME = "import-wordpress";
    static final String USAGE = "Usage: java -jar dispatch.jar import-wordpress EXPORT.xml [--uploads FOLDER_OR_ZIP] [--dry-run]"
            + " [--invite login=role,...]";

    private WordPressImportCommand() {
    }

    public static boolean wants(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
        Path export = null;
        Path uploads = null;
        boolean dryRun = false;
        String invite = null;
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--uploads") && i + 1 < args.length) {
                uploads = Path.of(args[++i]);
            } else if (arg.startsWith("--uploads=")) {
                uploads = Path.of(arg.substring("--uploads=".length()));
            } else if (arg.equals("--invite") && i + 1 < args.length) {
                invite = args[++i];
            } else if (arg.startsWith("--invite=")) {
                invite = arg.substring("--invite=".length());
            } else if (arg.startsWith("--") && arg.contains("=")) {
                settings.add(arg);
            } else if (export == null && !arg.startsWith("--")) {
                export = Path.of(arg);
            } else {
                err.println("Unknown argument: " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        if (export == null) {
            err.println(USAGE);
            return 2;
        }
        Map<String, Role> roles;
        try {
            roles = StaffInvitations.parse(invite);
        } catch (IllegalArgumentException e) {
            err.println("--invite: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(export)) {
            err.println("There is no export file at " + export.toAbsolutePath() + ".");
            return 2;
        }
        if (uploads != null && !Files.exists(uploads)) {
            err.println("There are no uploads at " + uploads.toAbsolutePath() + ".");
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandContext.start(application, settings)) {
            WordPressImports imports = context.getBean(WordPressImports.class);
            StaffInvitations invitations = StaffInvitations.NONE;
            if (!roles.isEmpty()) {
                Optional<Staff> owner = context.getBean(Accounts.class).owner();
                if (owner.isEmpty()) {
                    err.println("Invitations are sent in the owner's name, and this site has no owner yet: start Dispatch once and set it up"
                            + " (or set DISPATCH_ADMIN_EMAIL and DISPATCH_ADMIN_PASSWORD), then import again. Nothing was imported.");
                    return 1;
                }
                invitations = new StaffInvitations(owner.get(), roles);
            }
            Bar bar = new Bar(err, System.console() != null);
            ImportReport report = imports.run(export, uploads, dryRun, invitations, bar);
            bar.done();
            out.println(report.text());
            return 0;
        } catch (ExportRefusedException e) {
            err.println();
            err.println("Import refused: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println();
            err.println("Import failed, nothing was imported: " + e.getMessage());
            return 1;
        }
    }

    /** A one-line bar redrawn in place on a terminal; one line per phase otherwise (a log file stays readable). */
    private static final class Bar implements WordPressImports.Progress {
        private final PrintStream err;
        private final boolean terminal;
        private String phase = "";
        private int shown = -1;

        Bar(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void advanced(String now, long read, long total) {
            int percent = total <= 0 ? 100 : (int) Math.min(100, read * 100 / total);
            if (!now.equals(phase)) {
                if (terminal && !phase.isEmpty()) {
                    err.println();
                }
                phase = now;
                shown = -1;
                if (!terminal) {
                    err.println(now + " …");
                }
            }
            if (terminal && percent != shown) {
                shown = percent;
                int filled = percent * 30 / 100;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + String.format("%3d%%", percent) + "  " + phase);
                err.flush();
            }
        }

        void done() {
            if (terminal) {
                err.println();
            }
        }
    }
}
