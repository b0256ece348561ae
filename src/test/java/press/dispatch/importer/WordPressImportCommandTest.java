package press.dispatch.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import press.dispatch.DispatchApplication;

/** The operator's command, run as {@code java -jar dispatch.jar import-wordpress …} runs it, on a data folder of its own. */
class WordPressImportCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int command(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = WordPressImportCommand.NAME;
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--dispatch.data-dir=" + data;
        all[args.length + 2] = "--dispatch.database.url=";
        return WordPressImportCommand.run(all, DispatchApplication.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theCommandImportsTheExportAndItsPhotosPrintsTheReportAndExitsZero() throws SQLException {
        int status = command(WordPressImportContract.EXPORT.toString(), "--uploads", WordPressImportContract.UPLOADS.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Import finished.").contains("posts: 4 published, 1 scheduled");
        assertThat(countIn("articles")).isEqualTo(8);
        assertThat(countIn("media_items")).isEqualTo(3);
    }

    @Test
    void aDryRunReportsAndWritesNothing() throws SQLException {
        int status = command(WordPressImportContract.EXPORT.toString(), "--dry-run");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Dry run").contains("posts: 4 published");
        assertThat(countIn("articles")).isZero();
    }

    @Test
    void aRefusedExportExitsNonZeroAndSaysWhy() throws IOException {
        Path bomb = data.resolve("bomb.xml");
        Files.writeString(bomb, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]>\n<rss><channel>&a;</channel></rss>");

        assertThat(command(bomb.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Import refused").contains("<!DOCTYPE").doesNotContain("root:");
        assertThat(command()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(WordPressImportCommand.USAGE);
    }

    @Test
    void theCommandInvitesTheChosenAuthorsInTheOwnersNameAndNobodyElse() throws SQLException {
        int status = command(WordPressImportContract.EXPORT.toString(), "--invite", "zoe=author", "--dispatch.admin.email=owner@news.example",
                "--dispatch.admin.password=correct horse battery");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("invitations: 1 sent").contains("zoe (Zoë Åberg, zoe@defencetalks.example): byline, and invited as author")
                .contains("editor-in-chief (Maria Kowalska, chief@defencetalks.example): byline only");
        assertThat(queryIn("SELECT email || ' ' || role || ' ' || status FROM staff WHERE role <> 'owner'")).isEqualTo("zoe@defencetalks.example author invited");
        assertThat(queryIn("SELECT recipient FROM outbox")).isEqualTo("zoe@defencetalks.example");
        assertThat(queryIn("SELECT COUNT(*) FROM outbox")).isEqualTo("1");
    }

    @Test
    void invitationsWithoutAnOwnerToSendThemImportNothingAndSayWhy() throws SQLException {
        assertThat(command(WordPressImportContract.EXPORT.toString(), "--invite=zoe=author")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no owner yet");
        assertThat(countIn("articles")).isZero();

        assertThat(command(WordPressImportContract.EXPORT.toString(), "--invite", "zoe=owner")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("“owner” is not a role for zoe");
    }

    private String queryIn(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dispatch.db")); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long countIn(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dispatch.db")); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
