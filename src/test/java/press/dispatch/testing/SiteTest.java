package press.dispatch.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.Author;
import press.dispatch.articles.Newsdesk;
import press.dispatch.articles.Publishing;
import press.dispatch.articles.Section;
import press.dispatch.media.Credit;
import press.dispatch.media.MediaDetails;
import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;

/**
 * A whole running Dispatch on a random port with the demo site off. Subclasses choose the database with a
 * {@code @DynamicPropertySource} calling {@link Databases}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"dispatch.demo=false",
        "dispatch.publishing.first-check=1h"})
@Import(TestClockConfiguration.class)
public abstract class SiteTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Publishing publishing;

    @Autowired
    protected Newsdesk newsdesk;

    @Autowired
    protected MediaLibrary media;

    @Autowired
    protected MutableClock clock;

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    protected static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    protected Section section(String name) {
        return newsdesk.createSection(unique(name), "Stories about " + name);
    }

    protected Author author(String name) {
        return newsdesk.createAuthor(unique(name), "Reporter");
    }

    protected MediaItem photo(String caption) {
        BufferedImage image = new BufferedImage(1200, 675, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 110, 140));
        g.fillRect(0, 0, 1200, 675);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(300, 200, 500, 300);
        g.dispose();
        return media.ingest(image, "test.jpg", new MediaDetails(caption, "Alt " + caption, new Credit("Ana Ruiz", "Test Agency", "CC BY 4.0")));
    }

    protected long publishedArticle(String headline, Section section) {
        long id = publishing.draft(ArticleDraft.of(headline, "Standfirst of " + headline, "First paragraph.\n\nSecond paragraph.")
                .withSection(section == null ? null : section.id())
                .withTags(List.of("Testing")));
        publishing.publish(id);
        return id;
    }

    protected String slugOf(long id) {
        return publishing.get(id).slug();
    }
}
