package press.dispatch.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import press.dispatch.DispatchApplication;
import press.dispatch.importer.WordPressImportCommand;

/** The operator's command, run as {@code java -jar dispatch.jar export-wordpress …} runs it, on a data folder of its own. */
class WordPressExportCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String[] on(String name, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--dispatch.data-dir=" + data;
        all[args.length + 2] = "--dispatch.database.url=";
        return all;
    }

    @Test
    void theCommandWritesTheExportAndTheMediaZipOfAnImportedSiteAndExitsZero() throws IOException {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(WordPressImportCommand.run(on(WordPressImportCommand.NAME, WordPressExportContract.EXPORT.toString(), "--uploads",
                WordPressExportContract.UPLOADS.toString()), DispatchApplication.class, o, e)).isZero();
        Path wxr = data.resolve("out.xml");
        Path zip = data.resolve("out.zip");

        int status = WordPressExportCommand.run(on(WordPressExportCommand.NAME, wxr.toString(), "--media", zip.toString()),
                DispatchApplication.class, o, e);

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("base URL is not set");
        String xml = Files.readString(wxr);
        assertThat(xml).contains("<wp:wxr_version>1.2</wp:wxr_version>").contains("Leopard 2A8 enters service");
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = z.getNextEntry()) != null; ) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).hasSize(3).allMatch(name -> name.startsWith("wp-content/uploads/") && xml.contains(name.substring("wp-content/uploads/".length())));
    }

    @Test
    void withoutAnOutputFileTheCommandSaysHowToUseItAndExitsTwo() {
        int status = WordPressExportCommand.run(new String[] {WordPressExportCommand.NAME}, DispatchApplication.class,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(WordPressExportCommand.USAGE);
    }
}
