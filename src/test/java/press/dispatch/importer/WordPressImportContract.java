package press.dispatch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.platform.DataFolder;
import press.dispatch.testing.Browser;
import press.dispatch.testing.SiteTest;

/**
 * The real WordPress export in src/test/resources/wordpress (made by WordPress 6.1's export_wp(), see make-export.sh)
 * imported into Dispatch, checked as readers see it; and the exports that must be refused with nothing imported.
 */
abstract class WordPressImportContract extends SiteTest {

    static final Path EXPORT = Path.of("src/test/resources/wordpress/export.xml");
    static final Path UPLOADS = Path.of("src/test/resources/wordpress/uploads");

    @Autowired
    WordPressImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataFolder dataFolder;

    @Autowired
    Redirects redirects;

    @TempDir
    Path temp;

    @BeforeEach
    void importTheRealExportOnce() {
        if (count("imported_items") == 0) {
            imports.run(EXPORT, UPLOADS, false, WordPressImports.Progress.NONE);
        }
    }

    @Test
    void aClassicPostIsPublicAtItsNewAddressWithTitleTextTimeSectionTagsBylineAndFeaturedPhoto() {
        Document page = browser.get("/articles/leopard-2a8-enters-service").page();

        assertThat(page.select("h1").text()).isEqualTo("Leopard 2A8 enters service — Panzerbataillon 203 receives first tanks");
        assertThat(page.select("article").text()).contains("The German Army took delivery of its first Leopard 2A8 tanks on Tuesday")
                .contains("It is a different tank to fight in.");
        assertThat(page.select("article strong").eachText()).contains("Leopard 2A8");
        assertThat(page.select("article h2").eachText()).contains("What changes");
        assertThat(page.select("article li").eachText()).contains("Trophy active protection", "Improved mine protection");
        assertThat(page.select("time").first().attr("datetime")).startsWith("2024-03-12T08:30");
        assertThat(page.select("a[href=/sections/land]")).isNotEmpty();
        assertThat(page.select(".tags a").eachText()).contains("Bundeswehr", "Leopard 2", "Größenordnung", "Main battle tanks");
        assertThat(page.select(".byline").text()).contains("Maria Kowalska");
        Element featured = page.selectFirst("figure img[src^=/media/]");
        assertThat(featured).isNotNull();
        assertThat(featured.attr("alt")).isEqualTo("A Leopard 2A8 tank on a firing range");
        assertThat(page.text()).contains("Jane Doe").contains("Reuters");
    }

    @Test
    void shortcodesBecomeFiguresAndLinksAndUnknownOnesAreReported() throws IOException {
        Document page = browser.get("/articles/leopard-2a8-enters-service").page();

        assertThat(page.select("article img[src^=/media/]").size()).as("caption figure, two gallery photos, featured photo").isGreaterThanOrEqualTo(4);
        assertThat(page.select("article a[href=https://www.youtube.com/watch?v=dQw4w9WgXcQ]")).isNotEmpty();
        assertThat(page.select("article a[href$=briefing.mp3]")).isNotEmpty();
        assertThat(page.text()).doesNotContain("[caption").doesNotContain("[gallery").doesNotContain("[contact-form-7");

        Path other = temp.resolve("other.xml");
        Files.writeString(other, otherSite());
        ImportReport dry = imports.run(other, UPLOADS, true, WordPressImports.Progress.NONE);
        assertThat(dry.unknown()).containsKey("[contact-form-7] shortcode").containsKey("wp:jetpack/subscriptions block");
        assertThat(dry.unknown().get("[contact-form-7] shortcode")).anyMatch(p -> p.contains("Leopard 2A8"));
    }

    @Test
    void nothingExecutableFromTheExportReachesThePage() {
        Document page = browser.get("/articles/leopard-2a8-enters-service").page();

        assertThat(page.select("article script")).isEmpty();
        assertThat(page.select("[onerror]")).isEmpty();
        assertThat(page.select("article").html()).doesNotContain("alert(");
    }

    @Test
    void aBlockEditorPostKeepsHeadingsListsQuotesTablesImagesAndEmbeds() {
        Document page = browser.get("/articles/frigate-f127-contract").page();

        assertThat(page.select("h1").text()).isEqualTo("Frigate F127: the navy signs for six ships");
        assertThat(page.select("article h2").eachText()).contains("Air defence at sea");
        assertThat(page.select("article ol li").eachText()).containsExactly("Aegis combat system", "SPY-7 radar");
        assertThat(page.select("article blockquote").text()).contains("Die Marine braucht diese Schiffe.").contains("Six ships, one decade.");
        assertThat(page.select("article table td").eachText()).contains("F127-1", "2035");
        assertThat(page.select("article a[href=https://www.bundestag.example/f127]").text()).isEqualTo("F127 frigates");
        assertThat(page.select("article a[href=https://twitter.com/DeutscheMarine/status/1]")).isNotEmpty();
        assertThat(page.select(".byline").text()).contains("Zoë Åberg");
        assertThat(page.select("a[href=/sections/naval]")).isNotEmpty();
        assertThat(page.text()).contains("TKMS");
    }

    @Test
    void everyStatusLandsWhereItBelongs() {
        assertThat(browser.get("/articles/eurofighter-tranche-5-ordered").status()).isEqualTo(200);
        assertThat(status("F-35 arrives at Büchel")).isEqualTo("scheduled");
        assertThat(browser.get("/articles/f-35-buchel").status()).isEqualTo(404);
        assertThat(status("Draft: procurement reform")).isEqualTo("draft");
        assertThat(status("Pending: Boxer RCT30 trials")).isEqualTo("draft");
        assertThat(status("Private: editorial meeting notes")).isEqualTo("draft");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM articles WHERE headline LIKE 'Trashed%'").query(Long.class).single()).isZero();
        assertThat(browser.get("/about").page().text()).contains("We report on defence in Europe since 2012.");
        assertThat(browser.get("/contact").status()).isEqualTo(200);
        assertThat(browser.get("/advertise-with-us").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_issues").query(Long.class).single()).as("archived stories are not news").isZero();
    }

    @Test
    void commentsKeepTheirThreadsAndStatusesAndSendNoEmail() {
        long article = jdbc.sql("SELECT id FROM articles WHERE slug = 'leopard-2a8-enters-service'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT status || ':' || COUNT(*) FROM comments WHERE article_id = :a GROUP BY status ORDER BY status")
                .param("a", article).query(String.class).list()).containsExactly("approved:4", "pending:1", "trash:1");
        assertThat(jdbc.sql("SELECT ip FROM comments WHERE body LIKE 'Finally!%'").query(String.class).single()).startsWith("203.0.113.");

        Document page = browser.get("/articles/leopard-2a8-enters-service").page();
        long first = commentId("Finally!%");
        long reply = commentId("Forty-four%");
        long replyToReply = commentId("Thanks%");
        assertThat(page.getElementById("comment-" + reply).parents()).contains(page.getElementById("comment-" + first));
        assertThat(page.getElementById("comment-" + replyToReply).parents()).contains(page.getElementById("comment-" + reply));
        assertThat(page.text()).doesNotContain("Waiting for moderation.").doesNotContain("Off-topic rant.").doesNotContain("Tank Weekly links here");
        assertThat(count("outbox")).isZero();
    }

    @Test
    void everyOldAddressAnswersWithAPermanentRedirectToItsNewOne() {
        long postId = 4;
        assertRedirect("/2024/03/12/leopard-2a8-enters-service/", "/articles/leopard-2a8-enters-service");
        assertRedirect("/2024/03/12/leopard-2a8-enters-service", "/articles/leopard-2a8-enters-service");
        assertRedirect("/?p=" + postId, "/articles/leopard-2a8-enters-service");
        assertRedirect("/2024/03/12/leopard-2a8-enters-service/feed/", "/articles/leopard-2a8-enters-service/feed");
        assertRedirect("/about/", "/about");
        assertRedirect("/about/contact/", "/contact");
        assertRedirect("/category/land/", "/sections/land");
        assertRedirect("/category/naval/feed/", "/sections/naval/feed");
        assertRedirect("/category/land/armour/main-battle-tanks/", "/tags/main-battle-tanks");
        assertRedirect("/tag/bundeswehr/", "/tags/bundeswehr");
        assertRedirect("/author/zoe/", jdbc.sql("SELECT '/authors/' || slug FROM authors WHERE display_name = 'Zoë Åberg'").query(String.class).single());
        assertRedirect("/feed/", "/feed");
        String photo = browser.get("/wp-content/uploads/2024/03/tank.jpg").header("Location");
        assertThat(photo).startsWith("/media/");
        assertThat(browser.get(photo).status()).isEqualTo(200);
        assertRedirect("/wp-content/uploads/2024/03/tank-300x188.jpg", photo);
        assertRedirect("/2024/03/12/leopard-2a8-enters-service/leopard-2a8-at-augustdorf/", photo);
        assertThat(browser.get("/2099/01/01/never-existed/").status()).isEqualTo(404);
    }

    @Test
    void anOldAddressNeverTakesOverAPageOfThisSite() {
        // A WordPress site whose posts sat at /subscribe, /rss.xml or /search (permalinks /%postname%/), or at an
        // address an article of this site has now.
        String article = "/articles/eurofighter-tranche-5-ordered";
        String elsewhere = "/articles/leopard-2a8-enters-service";
        for (String path : List.of("/subscribe", "/rss.xml", "/search", article)) {
            redirects.put("https://old.example" + path + "/", elsewhere, "test");
            redirects.put(path, elsewhere, "test");
            assertThat(browser.get(path).status()).as(path + " is still this site's own page").isEqualTo(200);
            assertThat(browser.get(path).header("Location")).as(path).isNull();
        }
        // Where the site has nothing, the old address is still sent on, also with a trailing slash.
        redirects.put("/old-only-address/", elsewhere, "test");
        assertRedirect("/old-only-address/", elsewhere);
        assertRedirect("/old-only-address", elsewhere);
    }

    @Test
    void redirectsStillWinAfterTheHomePageWasCachedUnderAnOldQuery() {
        browser.get("/?p=11");
        browser.get("/?p=11");

        assertRedirect("/?p=11", "/articles/eurofighter-tranche-5-ordered");
    }

    @Test
    void noImportedPhotoKeepsExifOrGps() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(dataFolder.folder("media"))) {
            files = all.filter(p -> p.toString().endsWith(".jpg")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file.toString()).doesNotContain("Exif").doesNotContain("Canon").doesNotContain("Jane Doe");
        }
        assertThat(new String(Files.readAllBytes(UPLOADS.resolve("2024/03/tank.jpg")), StandardCharsets.ISO_8859_1))
                .as("the fixture itself has EXIF, so this test can fail").contains("Exif").contains("Canon");
    }

    @Test
    void aCreditIsParsedFromACaptionThatNamesPhotographerAndAgency() {
        assertThat(jdbc.sql("SELECT credit_photographer || ' / ' || credit_organisation FROM media_items WHERE alt_text LIKE 'A Leopard%'")
                .query(String.class).single()).isEqualTo("Jane Doe / Reuters");
        assertThat(jdbc.sql("SELECT caption FROM media_items WHERE alt_text LIKE 'A grey jet%'").query(String.class).single())
                .isEqualTo("A Eurofighter Typhoon on approach.");
    }

    @Test
    void importingTheSameExportAgainChangesNothing() {
        imports.run(EXPORT, UPLOADS, false, WordPressImports.Progress.NONE);
        List<Long> before = List.of(count("articles"), count("comments"), count("media_items"), count("redirects"), count("sections"), count("tags"),
                count("authors"), count("pages"));
        List<String> bodies = jdbc.sql("SELECT body_markdown FROM articles ORDER BY id").query(String.class).list();

        ImportReport again = imports.run(EXPORT, UPLOADS, false, WordPressImports.Progress.NONE);

        assertThat(List.of(count("articles"), count("comments"), count("media_items"), count("redirects"), count("sections"), count("tags"),
                count("authors"), count("pages"))).isEqualTo(before);
        assertThat(again.count("posts", "unchanged")).isEqualTo(again.total("posts") - again.count("posts", "skipped (in the trash)"));
        assertThat(jdbc.sql("SELECT body_markdown FROM articles ORDER BY id").query(String.class).list()).isEqualTo(bodies);
    }

    @Test
    void aNewerExportBringsInWhatIsNewAndUpdatesWhatChanged() throws IOException {
        String xml = Files.readString(EXPORT).replace("Twenty new jets for the Luftwaffe.", "Twenty-five new jets for the Luftwaffe.");
        Path newer = temp.resolve("newer.xml");
        Files.writeString(newer, xml);
        long articles = count("articles");

        ImportReport report = imports.run(newer, UPLOADS, false, WordPressImports.Progress.NONE);

        assertThat(report.count("posts", "updated")).isEqualTo(1);
        assertThat(count("articles")).isEqualTo(articles);
        assertThat(browser.get("/articles/eurofighter-tranche-5-ordered").page().select("article").text()).contains("Twenty-five new jets");
    }

    @Test
    void aNewerExportUpdatesChangedPagesAndCommentStatusesAndDuplicatesNothing() throws IOException {
        String xml = Files.readString(EXPORT);
        xml = changeItem(xml, "About Defence Talks", item -> item.replace("<title><![CDATA[About Defence Talks]]>", "<title><![CDATA[About us]]>")
                .replace("We report on defence in Europe since 2012.", "We have reported on defence in Europe and beyond since 2012."));
        xml = changeItem(xml, "Contact", item -> item.replace("<wp:status><![CDATA[publish]]>", "<wp:status><![CDATA[draft]]>"));
        xml = changeItem(xml, "Advertise with us", item -> item.replace("<wp:status><![CDATA[draft]]>", "<wp:status><![CDATA[publish]]>"));
        xml = changeComment(xml, "Waiting for moderation.", "0", "1");
        xml = changeComment(xml, "Off-topic rant.", "trash", "spam");
        Path newer = temp.resolve("newer-pages.xml");
        Files.writeString(newer, xml);
        List<Long> before = List.of(count("articles"), count("comments"), count("pages"), count("media_items"), count("authors"));

        ImportReport report = imports.run(newer, UPLOADS, false, WordPressImports.Progress.NONE);

        assertThat(report.count("pages", "updated")).isEqualTo(3);
        assertThat(report.count("comments", "updated")).isEqualTo(2);
        assertThat(report.text()).contains("pages:").contains("3 updated").contains("2 updated");
        assertThat(List.of(count("articles"), count("comments"), count("pages"), count("media_items"), count("authors"))).isEqualTo(before);
        Document about = browser.get("/about").page();
        assertThat(about.select("h1").text()).isEqualTo("About us");
        assertThat(about.text()).contains("We have reported on defence in Europe and beyond since 2012.");
        assertThat(browser.get("/contact").status()).isEqualTo(404);
        assertThat(browser.get("/advertise-with-us").page().text()).contains("Rates to follow.");
        assertThat(commentStatus("Waiting for moderation.%")).isEqualTo("approved");
        assertThat(commentStatus("Off-topic rant.%")).isEqualTo("spam");
        assertThat(browser.get("/articles/leopard-2a8-enters-service").page().text()).contains("Waiting for moderation.").doesNotContain("Off-topic rant.");
        assertThat(count("outbox")).isZero();

        ImportReport back = imports.run(EXPORT, UPLOADS, false, WordPressImports.Progress.NONE);

        assertThat(back.count("pages", "updated")).isEqualTo(3);
        assertThat(back.count("comments", "updated")).isEqualTo(2);
        assertThat(browser.get("/about").page().text()).contains("We report on defence in Europe since 2012.");
        assertThat(browser.get("/contact").status()).isEqualTo(200);
        assertThat(browser.get("/advertise-with-us").status()).isEqualTo(404);
        assertThat(commentStatus("Waiting for moderation.%")).isEqualTo("pending");
        assertThat(commentStatus("Off-topic rant.%")).isEqualTo("trash");
    }

    @Test
    void filesThatAreNotPhotosAreServedSafelyAndLinksInBodiesLeadToThem() throws IOException {
        Path uploads = temp.resolve("uploads");
        try (Stream<Path> all = Files.walk(UPLOADS)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Path copy = uploads.resolve(UPLOADS.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        byte[] pdf = "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] mp3 = "ID3\u0004\u0000 briefing".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(uploads.resolve("2024/03/f127-contract.pdf"), pdf);
        Files.write(uploads.resolve("2024/03/briefing.mp3"), mp3);
        Files.write(uploads.resolve("2024/03/dropper.exe"), "MZ".getBytes(StandardCharsets.ISO_8859_1));
        String xml = Files.readString(EXPORT);
        String attachments = attachmentLike(xml, "f127-contract.pdf", 901) + attachmentLike(xml, "briefing.mp3", 902) + attachmentLike(xml, "dropper.exe", 903);
        xml = changeItem(xml, "Frigate F127: the navy signs for six ships", item -> item.replace("<content:encoded><![CDATA[",
                "<content:encoded><![CDATA[<!-- wp:paragraph -->\n<p>Read <a href=\"https://www.defencetalks.example/wp-content/uploads/2024/03/f127-contract.pdf\">the"
                        + " contract</a> and do not run <a href=\"/wp-content/uploads/2024/03/dropper.exe\">the tool</a>.</p>\n<!-- /wp:paragraph -->\n\n"
                        + "[audio mp3=\"https://www.defencetalks.example/wp-content/uploads/2024/03/briefing.mp3\"][/audio]\n\n"));
        xml = xml.replace("</channel>", attachments + "</channel>");
        Path export = temp.resolve("with-files.xml");
        Files.writeString(export, xml);

        ImportReport report = imports.run(export, uploads, false, WordPressImports.Progress.NONE);

        assertThat(report.count("attachments", "imported as files")).isEqualTo(2);
        assertThat(report.count("attachments", "skipped (not photos, not a kind of file Dispatch serves)")).isEqualTo(1);
        assertThat(report.warnings()).anyMatch(w -> w.contains("https://www.defencetalks.example/wp-content/uploads/2024/03/dropper.exe"));
        Document page = browser.get("/articles/frigate-f127-contract").page();
        Element contract = page.select("article a").stream().filter(a -> a.text().equals("the contract")).findFirst().orElseThrow();
        assertThat(contract.attr("href")).matches("/files/[0-9a-f]{20}/f127-contract\\.pdf");
        assertThat(page.select("article a").stream().filter(a -> a.text().equals("the tool")).findFirst().orElseThrow().attr("href"))
                .as("a file that was not imported keeps its original address").isEqualTo("https://www.defencetalks.example/wp-content/uploads/2024/03/dropper.exe");
        String briefing = page.select("article a[href^=/files/][href$=/briefing.mp3]").attr("href");
        assertThat(briefing).isNotEmpty();

        Browser.Response download = browser.get(contract.attr("href"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("f127-contract.pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.bytes()).isEqualTo(pdf);
        Browser.Response audio = browser.get(briefing);
        assertThat(audio.header("Content-Type")).isEqualTo("audio/mpeg");
        assertThat(audio.header("Content-Disposition")).startsWith("inline");
        assertThat(audio.bytes()).isEqualTo(mp3);
        Browser.Response seek = browser.get(briefing, "Range", "bytes=0-2");
        assertThat(seek.status()).as("players seek with byte ranges").isEqualTo(206);
        assertThat(new String(seek.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo("ID3");
        assertThat(browser.get(contract.attr("href").replace("f127-contract.pdf", "f127-contract.html")).status()).isEqualTo(404);
        assertRedirect("/wp-content/uploads/2024/03/f127-contract.pdf", contract.attr("href"));

        imports.run(EXPORT, UPLOADS, false, WordPressImports.Progress.NONE);
        assertThat(browser.get("/articles/frigate-f127-contract").page().text()).doesNotContain("the contract");
    }

    @Test
    void anExportWithADoctypeIsRefusedAndNothingIsImported() throws IOException {
        Path bomb = temp.resolve("bomb.xml");
        Files.writeString(bomb, """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <rss><channel><item><title>&lol3;</title><wp:post_type xmlns:wp="http://wordpress.org/export/1.2/">post</wp:post_type></item></channel></rss>
                """);
        long before = count("articles");

        assertThatThrownBy(() -> imports.run(bomb, null, false, WordPressImports.Progress.NONE))
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining("<!DOCTYPE").hasMessageContaining("Nothing was imported");
        assertThat(count("articles")).isEqualTo(before);
    }

    @Test
    void aTruncatedExportImportsNothingAndNamesTheLineWhereItBroke() throws IOException {
        String other = otherSite();
        Path truncated = temp.resolve("truncated.xml");
        Files.writeString(truncated, other.substring(0, other.indexOf("<title><![CDATA[About Defence Talks]]>")));
        long articles = count("articles");
        long media = count("media_items");
        long redirects = count("redirects");

        assertThatThrownBy(() -> imports.run(truncated, UPLOADS, false, WordPressImports.Progress.NONE))
                .isInstanceOf(ExportRefusedException.class).hasMessageMatching("(?s).*at line \\d+.*");
        assertThat(List.of(count("articles"), count("media_items"), count("redirects"))).containsExactly(articles, media, redirects);
    }

    @Test
    void anUploadsZipWithAnEntryOutsideItsFolderIsRefusedAndNothingIsImported() throws IOException {
        Path export = temp.resolve("other.xml");
        Files.writeString(export, otherSite());
        Path zip = temp.resolve("uploads.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("2024/03/tank.jpg"));
            z.write(Files.readAllBytes(UPLOADS.resolve("2024/03/tank.jpg")));
            z.putNextEntry(new ZipEntry("../../etc/cron.d/evil"));
            z.write("* * * * * root true".getBytes(StandardCharsets.UTF_8));
        }
        long articles = count("articles");

        assertThatThrownBy(() -> imports.run(export, zip, false, WordPressImports.Progress.NONE))
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining("outside its folder");
        assertThat(count("articles")).isEqualTo(articles);
    }

    @Test
    void photosComeFromAnUploadsZipToo() throws IOException {
        Path export = temp.resolve("other.xml");
        Files.writeString(export, otherSite());
        Path zip = temp.resolve("uploads.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out); Stream<Path> all = Files.walk(UPLOADS)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry("wp-content/uploads/" + UPLOADS.relativize(file).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(file));
            }
        }

        ImportReport dry = imports.run(export, zip, true, WordPressImports.Progress.NONE);

        assertThat(dry.count("attachments", "imported") + dry.count("attachments", "imported with a credit from the caption")).isEqualTo(3);
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() throws IOException {
        Path export = temp.resolve("other.xml");
        Files.writeString(export, otherSite());
        List<Long> before = List.of(count("articles"), count("comments"), count("redirects"), count("imported_items"), count("media_items"));

        ImportReport dry = imports.run(export, UPLOADS, true, WordPressImports.Progress.NONE);

        assertThat(dry.count("posts", "published")).isEqualTo(4);
        assertThat(dry.count("posts", "scheduled")).isEqualTo(1);
        assertThat(dry.count("posts", "skipped (in the trash)")).isEqualTo(1);
        assertThat(dry.count("comments", "skipped (pingbacks)")).isEqualTo(1);
        assertThat(dry.count("comments", "skipped (trackbacks)")).isEqualTo(1);
        assertThat(dry.count("categories", "nested, became tags")).isEqualTo(2);
        assertThat(dry.text()).startsWith("Dry run");
        assertThat(List.of(count("articles"), count("comments"), count("redirects"), count("imported_items"), count("media_items"))).isEqualTo(before);
    }

    @Test
    void aPageWhoseAddressDispatchReservesGetsAnotherAndTheImportStillSucceeds() throws IOException {
        String xml = Files.readString(EXPORT);
        int firstItem = xml.indexOf("<item>");
        String contact = java.util.Arrays.stream(xml.substring(firstItem).split("(?=<item>)"))
                .filter(item -> item.contains("<title><![CDATA[Contact]]></title>")).findFirst().orElseThrow();
        contact = contact.substring(0, contact.indexOf("</item>") + "</item>".length())
                .replace("<wp:post_name><![CDATA[contact]]></wp:post_name>", "<wp:post_name><![CDATA[feed]]></wp:post_name>")
                .replace("<title><![CDATA[Contact]]></title>", "<title><![CDATA[Feed us tips]]></title>")
                .replace("?page_id=", "?page_id=9").replace("/about/contact/", "/about/tips/");
        Path export = temp.resolve("reserved.xml");
        Files.writeString(export, xml.substring(0, firstItem) + contact + "\n</channel>\n</rss>\n");

        ImportReport report = imports.run(export, null, false, WordPressImports.Progress.NONE);

        assertThat(report.count("pages", "published")).isEqualTo(1);
        assertThat(browser.get("/page-feed").page().select("h1").text()).isEqualTo("Feed us tips");
        assertThat(report.warnings()).anyMatch(w -> w.contains("/page-feed"));
    }

    /** The same site under another address: every GUID differs, so an import of it would create everything anew. */
    static String otherSite() throws IOException {
        return Files.readString(EXPORT).replace("www.defencetalks.example", "other.example");
    }

    /** The export with one item (found by its exact title) changed. */
    static String changeItem(String xml, String title, java.util.function.UnaryOperator<String> change) {
        int start = xml.indexOf("<title><![CDATA[" + title + "]]></title>");
        assertThat(start).as(title).isPositive();
        start = xml.lastIndexOf("<item>", start);
        int end = xml.indexOf("</item>", start);
        String item = xml.substring(start, end);
        String changed = change.apply(item);
        assertThat(changed).as("the change to " + title + " applies").isNotEqualTo(item);
        return xml.substring(0, start) + changed + xml.substring(end);
    }

    /** An attachment item as WordPress writes one (the export's "F127 rendering"), for another file in the uploads. */
    static String attachmentLike(String xml, String fileName, long postId) {
        int title = xml.indexOf("<title><![CDATA[F127 rendering]]></title>");
        int start = xml.lastIndexOf("<item>", title);
        String item = xml.substring(start, xml.indexOf("</item>", start) + "</item>".length());
        String slug = fileName.replace('.', '-');
        return item.replace("<title><![CDATA[F127 rendering]]>", "<title><![CDATA[" + fileName + "]]>").replace("f127-rendering", slug)
                .replace("<wp:post_id>9</wp:post_id>", "<wp:post_id>" + postId + "</wp:post_id>").replace("frigate.jpg", fileName)
                .replaceAll("(?s)<wp:postmeta>\\s*<wp:meta_key><!\\[CDATA\\[_wp_attachment_(metadata|image_alt)\\]\\]>.*?</wp:postmeta>", "") + "\n";
    }

    /** The export with the status of one comment (found by its text) changed, as WordPress writes it. */
    static String changeComment(String xml, String text, String from, String to) {
        int at = xml.indexOf("<wp:comment_content><![CDATA[" + text + "]]>");
        assertThat(at).as(text).isPositive();
        String was = "<wp:comment_approved><![CDATA[" + from + "]]></wp:comment_approved>";
        int status = xml.indexOf(was, at);
        return xml.substring(0, status) + "<wp:comment_approved><![CDATA[" + to + "]]></wp:comment_approved>" + xml.substring(status + was.length());
    }

    String commentStatus(String like) {
        return jdbc.sql("SELECT status FROM comments WHERE body LIKE :l").param("l", like).query(String.class).single();
    }

    void assertRedirect(String from, String to) {
        Browser.Response answer = browser.get(from);
        assertThat(answer.status()).as(from).isEqualTo(301);
        assertThat(answer.header("Location")).as(from).isEqualTo(to);
    }

    String status(String headline) {
        return jdbc.sql("SELECT status FROM articles WHERE headline = :h").param("h", headline).query(String.class).single();
    }

    long commentId(String like) {
        return jdbc.sql("SELECT id FROM comments WHERE body LIKE :l").param("l", like).query(Long.class).single();
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
