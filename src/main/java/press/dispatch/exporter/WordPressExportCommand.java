package press.dispatch.exporter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import press.dispatch.platform.CommandContext;

/**
 * {@code java -jar dispatch.jar export-wordpress OUT.xml [--media OUT.zip]}: writes the site that the usual settings name
 * as a WordPress export, and its photos as a zip, without opening the web port. Exits 0 when both files were written,
 * 1 when writing failed, 2 for a wrong command. Other {@code --name=value} arguments are settings, as for the server.
 */
public final class WordPressExportCommand {

    public static final String NAME = "export-wordpress";
    static final String USAGE = "Usage: java -jar dispatch.jar export-wordpress OUT.xml [--media OUT.zip]";

    private WordPressExportCommand() {
    }

    public static boolean wants(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
        Path wxr = null;
        Path zip = null;
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--media") && i + 1 < args.length) {
                zip = Path.of(args[++i]);
            } else if (arg.startsWith("--media=")) {
                zip = Path.of(arg.substring("--media=".length()));
            } else if (arg.startsWith("--") && arg.contains("=")) {
                settings.add(arg);
            } else if (wxr == null && !arg.startsWith("--")) {
                wxr = Path.of(arg);
            } else {
                err.println("Unknown argument: " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        if (wxr == null) {
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandContext.start(application, settings)) {
            WordPressExports exports = context.getBean(WordPressExports.class);
            press.dispatch.site.Settings site = context.getBean(press.dispatch.site.SiteSettings.class).current();
            if (!site.baseUrlSet()) {
                err.println("Warning: the site's base URL is not set (Admin → Settings), so the export's addresses start with "
                        + site.baseUrl() + "; WordPress fetches photos from there.");
            }
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(wxr))) {
                exports.writeWxr(file);
            }
            out.println("Wrote the WordPress export to " + wxr.toAbsolutePath());
            if (zip != null) {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zip))) {
                    exports.writeMedia(file);
                }
                out.println("Wrote the photos to " + zip.toAbsolutePath() + " (unzip into wp-content/uploads)");
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }
}
