package press.dispatch.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.DispatchApplication;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.importer.WordPressImports;
import press.dispatch.testing.SiteTest;
import press.dispatch.testing.TestClockConfiguration;

/**
 * The real WordPress export in src/test/resources/wordpress imported into Dispatch, exported back as WordPress's
 * format, and that export imported into another, fresh Dispatch: the same articles, pages, comments and photos arrive.
 */
abstract class WordPressExportContract extends SiteTest {

    static final Path EXPORT = Path.of("src/test/resources/wordpress/export.xml");
    static final Path UPLOADS = Path.of("src/test/resources/wordpress/uploads");

    @Autowired
    WordPressImports imports;

    @Autowired
    WordPressExports exports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    /** Settings naming an empty database for a second Dispatch. */
    abstract List<String> freshDatabase();

    @BeforeEach
    void importTheRealExportOnce() {
        if (jdbc.sql("SELECT COUNT(*) FROM imported_items").query(Long.class).single() == 0) {
            imports.run(EXPORT, UPLOADS, false, WordPressImports.Progress.NONE);
        }
    }

    @Test
    void anExportImportedIntoAFreshDispatchGivesTheSameArticlesPagesCommentsAndPhotos() throws IOException {
        Path wxr = temp.resolve("export.xml");
        Path zip = temp.resolve("uploads.zip");
        try (OutputStream out = Files.newOutputStream(wxr)) {
            exports.writeWxr(out);
        }
        try (OutputStream out = Files.newOutputStream(zip)) {
            exports.writeMedia(out);
        }
        Site here = Site.of(jdbc);
        assertThat(here.articles()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(here.comments()).isNotEmpty();
        assertThat(here.photos()).isNotEmpty();
        assertThat(here.pages()).isNotEmpty();

        List<String> args = new ArrayList<>(List.of("--server.port=0", "--dispatch.data-dir=" + temp.resolve("fresh"), "--dispatch.demo=false",
                "--dispatch.publishing.first-check=1h", "--logging.level.root=WARN"));
        args.addAll(freshDatabase());
        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(DispatchApplication.class, TestClockConfiguration.class)
                .run(args.toArray(String[]::new))) {
            fresh.getBean(WordPressImports.class).run(wxr, zip, false, WordPressImports.Progress.NONE);
            Site there = Site.of(fresh.getBean(JdbcClient.class));

            assertThat(there.articles()).containsExactlyElementsOf(here.articles());
            assertThat(there.pages()).containsExactlyElementsOf(here.pages());
            assertThat(there.comments()).containsExactlyElementsOf(here.comments());
            assertThat(there.photos()).containsExactlyElementsOf(here.photos());
            assertThat(there.featured()).containsExactlyElementsOf(here.featured());
        }
    }

    @Test
    void theMediaZipHoldsEveryPhotoWhereItsAttachmentSaysAndTheAttachmentUrlIsAServedVariant() throws IOException, XMLStreamException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exports.writeMedia(zip);
        Set<String> entries = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.add(e.getName());
            }
        }
        List<String> attached = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        read(wxrBytes(), (path, text) -> {
            if (path.endsWith("/item/wp:attachment_url")) {
                urls.add(text);
            }
            if (path.endsWith("/item/wp:postmeta/wp:meta_value") && text.matches("\\d{4}/\\d{2}/.+\\.jpg")) {
                attached.add("wp-content/uploads/" + text);
            }
        });
        long photos = jdbc.sql("SELECT COUNT(*) FROM media_items").query(Long.class).single();
        assertThat(entries).hasSize((int) photos).containsExactlyInAnyOrderElementsOf(attached);
        assertThat(urls).hasSize((int) photos);
        for (String url : urls) {
            String path = url.substring(url.indexOf("/media/"));
            assertThat(browser.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theExportParsesWithDtdsRefusedAndNamesNoCommenterEmailOutsideItsComment() throws XMLStreamException {
        List<String> emails = jdbc.sql("SELECT DISTINCT author_email FROM comments WHERE author_email <> ''").query(String.class).list();
        assertThat(emails).isNotEmpty();
        List<String> outside = new ArrayList<>();
        List<String> inside = new ArrayList<>();
        read(wxrBytes(), (path, text) -> (path.contains("/wp:comment/") ? inside : outside).add(text));

        assertThat(inside).containsAll(emails);
        for (String email : emails) {
            assertThat(outside).noneMatch(text -> text.contains(email));
        }
    }

    @Test
    void hostileHeadlinesAndBodiesComeOutAsTextAndControlCharactersAreLeftOut() throws XMLStreamException {
        String hostile = "Tanks ]]> <script>alert(1)</script> & more";
        long id = publishing.draft(ArticleDraft.of(hostile, "Standfirst ]]> here", "Body with ]]> and <script>alert(2)</script> inside."));
        long control = publishing.draft(ArticleDraft.of("Plain headline", "", "Body."));
        jdbc.sql("UPDATE articles SET headline = :h WHERE id = :id").param("h", "Bell\u0007 and\u000C escape\u001B headline\uFFFF").param("id", control).update();

        List<String> titles = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        read(wxrBytes(), (path, text) -> {
            if (path.endsWith("/channel/item/title")) {
                titles.add(text);
            }
            if (path.endsWith("/channel/item/content:encoded") || path.endsWith("/channel/item/excerpt:encoded")) {
                bodies.add(text);
            }
            elements.add(path);
        });

        assertThat(titles).contains(hostile, "Bell and escape headline");
        assertThat(bodies).anyMatch(b -> b.contains("Body with ]]&gt; and &lt;script&gt;alert(2)&lt;/script&gt; inside.")
                || b.contains("Body with ]]> and &lt;script&gt;"));
        assertThat(bodies).contains("Standfirst ]]> here");
        assertThat(elements).noneMatch(p -> p.endsWith("/script"));
        assertThat(id).isPositive();
    }

    @Test
    void everyAuthorSitsOnOneLineAsWordPresssLineByLineParserReadsThem() {
        String xml = new String(wxrBytes(), StandardCharsets.UTF_8);
        List<String> lines = xml.lines().filter(line -> line.contains("<wp:author>")).toList();

        assertThat(lines).isNotEmpty().allMatch(line -> line.contains("</wp:author>") && line.contains("<wp:author_login>"));
    }

    byte[] wxrBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writeWxr(out);
        return out.toByteArray();
    }

    interface Texts {
        void text(String path, String text);
    }

    /** Reads the export as WordPress's importer would, but with DTDs and external entities refused. */
    static void read(byte[] xml, Texts texts) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader reader = factory.createXMLStreamReader(new java.io.ByteArrayInputStream(xml));
        List<String> path = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String prefix = reader.getPrefix();
                    path.add(prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName());
                    text.setLength(0);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    texts.text("/" + String.join("/", path), text.toString());
                    text.setLength(0);
                    path.remove(path.size() - 1);
                }
                default -> {
                }
            }
        }
    }

    /** What a reader or editor would compare between two sites: texts as hashes, photos by their details, no ids. */
    record Site(List<String> articles, List<String> pages, List<String> comments, List<String> photos, List<String> featured) {

        static Site of(JdbcClient jdbc) {
            List<String> articles = jdbc.sql("""
                    SELECT slug, headline, standfirst, status, published_at, body_markdown FROM articles ORDER BY slug""")
                    .query((rs, n) -> String.join(" | ", rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
                            rs.getString("status"), String.valueOf(press.dispatch.platform.SqlTime.read(rs, "published_at")),
                            hash(photosNamed(rs.getString("body_markdown"))))).list();
            List<String> pages = jdbc.sql("SELECT slug, title, status, body_markdown FROM pages ORDER BY slug")
                    .query((rs, n) -> String.join(" | ", rs.getString("slug"), rs.getString("title"), rs.getString("status"),
                            hash(samePage(rs.getString("body_markdown"))))).list();
            List<String> comments = jdbc.sql("""
                    SELECT a.slug, c.author_name, c.author_email, c.author_url, c.ip, c.status, c.body, c.created_at, p.body AS parent_body
                    FROM comments c JOIN articles a ON a.id = c.article_id LEFT JOIN comments p ON p.id = COALESCE(c.reply_to_id, c.parent_id)
                    ORDER BY a.slug, c.created_at, c.body""")
                    .query((rs, n) -> String.join(" | ", rs.getString("slug"), rs.getString("author_name"), rs.getString("author_email"),
                            rs.getString("author_url"), String.valueOf(rs.getString("ip")), rs.getString("status"), hash(rs.getString("body")),
                            String.valueOf(press.dispatch.platform.SqlTime.read(rs, "created_at")),
                            "reply to " + (rs.getString("parent_body") == null ? "none" : hash(rs.getString("parent_body"))))).list();
            List<String> photos = jdbc.sql("""
                    SELECT width, height, caption, alt_text, credit_photographer, credit_organisation FROM media_items
                    ORDER BY caption, alt_text, width""")
                    .query((rs, n) -> String.join(" | ", rs.getString("width"), rs.getString("height"), rs.getString("caption"),
                            rs.getString("alt_text"), rs.getString("credit_photographer"), rs.getString("credit_organisation"))).list();
            List<String> featured = jdbc.sql("""
                    SELECT a.slug, m.alt_text FROM articles a JOIN media_items m ON m.id = a.featured_media_id ORDER BY a.slug""")
                    .query((rs, n) -> rs.getString("slug") + " | " + rs.getString("alt_text")).list();
            return new Site(articles, pages, comments, photos, featured);
        }

        /** A bare address and a link whose text is its address are the same to a reader (Markdown links the first). */
        static String samePage(String markdown) {
            return markdown.replaceAll("\\[(https?://[^\\]\\s]+)\\]\\(\\1\\)", "$1");
        }

        /** A photo's address names its key, which each site makes anew. */
        static String photosNamed(String markdown) {
            return markdown.replaceAll("/media/[0-9a-f]{20}/", "/media/KEY/");
        }

        static String hash(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
