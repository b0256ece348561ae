package press.dispatch.demo;

import java.nio.file.Path;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import press.dispatch.DispatchApplication;
import press.dispatch.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSiteTest {

    @TempDir
    Path data;

    @Test
    void firstStartLoadsTheDemoSiteAndARestartNeverLoadsItAgain() {
        long[] articlesWhenTheServerOpened = {-1};
        ApplicationListener<ApplicationEvent> serverOpened = event -> {
            if (event instanceof WebServerInitializedEvent opened) {
                articlesWhenTheServerOpened[0] = articleCount(opened.getApplicationContext());
            }
        };
        try (ConfigurableApplicationContext first = start(serverOpened)) {
            // The first reader, who may arrive the moment the port opens, sees the whole demo site.
            assertThat(articlesWhenTheServerOpened[0]).isEqualTo(12);
            assertThat(articleCount(first)).isEqualTo(12);
            Browser browser = browserFor(first);
            Document front = browser.get("/").page();
            assertThat(front.select(".site-name").text()).isEqualTo("Defence Talks");
            assertThat(front.select(".tagline").text()).isEqualTo("Defense News Military Pictures");
            assertThat(front.select("nav.sections a").eachText()).hasSizeGreaterThanOrEqualTo(3);

            String leadHref = front.selectFirst(".lead h2 a").attr("href");
            Document reference = browser.get(leadHref).page();
            assertThat(reference.select("article .body > p")).hasSizeGreaterThanOrEqualTo(7);
            assertThat(reference.select("article .body h2")).hasSize(1);
            assertThat(reference.select("article .body blockquote")).hasSize(1);
            assertThat(reference.select("article .body").text()).contains("according to six sources").contains("fictional demo article");
            assertThat(reference.select("figure.featured figcaption .caption").text()).isNotBlank();
            assertThat(reference.select("figure.featured figcaption .credit").text()).startsWith("Photo: ");
            Browser.Response photo = browser.get(reference.selectFirst("figure.featured img").attr("src"));
            assertThat(photo.status()).isEqualTo(200);
            assertThat(photo.bytes().length).isGreaterThan(10_000);

            Document about = browser.get("/about").page();
            assertThat(about.select("article.static-page h1").text()).isEqualTo("About Defence Talks");
            Document privacy = browser.get("/privacy").page();
            assertThat(privacy.select("article.static-page h2").eachText()).contains("Newsletter subscribers", "Commenters",
                    "Your data: a copy or erasure");
            assertThat(privacy.select("article.static-page").text()).contains("consent").contains("IP address").contains("Cookies are used only");
            assertThat(reference.select(".subscribe-box a[href=/privacy]")).as("linked from the subscribe box").hasSize(1);
            assertThat(front.select("main").text()).as("never in a listing").doesNotContain("About Defence Talks");
            assertThat(front.select("footer .footer-links a").eachAttr("href")).as("the footer links them").contains("/about", "/privacy");
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(articleCount(second)).isEqualTo(12);
        }
    }

    @Test
    void demoSwitchedOffLeavesTheDatabaseEmpty() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DispatchApplication.class)
                .run("--server.port=0", "--dispatch.data-dir=" + data, "--dispatch.demo=false")) {
            assertThat(articleCount(context)).isZero();
            assertThat(browserFor(context).get("/").page().select(".empty").text()).isEqualTo("No stories have been published yet.");
        }
    }

    private ConfigurableApplicationContext start(ApplicationListener<?>... listeners) {
        // Command-line arguments, because they outrank application.properties (builder properties do not).
        return new SpringApplicationBuilder(DispatchApplication.class).listeners(listeners)
                .run("--server.port=0", "--dispatch.data-dir=" + data, "--dispatch.demo=true");
    }

    private static long articleCount(ApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
    }

    private static Browser browserFor(ConfigurableApplicationContext context) {
        return new Browser(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
