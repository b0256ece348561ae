package press.dispatch.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import press.dispatch.DispatchApplication;
import press.dispatch.testing.Chromium;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader opens the demo front page in a real browser and reads the lead story. */
class ReaderJourneyTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "article.png");

    @TempDir
    Path data;

    ConfigurableApplicationContext site;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        site = new SpringApplicationBuilder(DispatchApplication.class).run("--server.port=0", "--dispatch.data-dir=" + data, "--dispatch.demo=true");
        browser = Chromium.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void readerSubscribesFromTheArticlePageAndConfirmsWithTheButton() throws Exception {
        int port = ((WebServerApplicationContext) site).getWebServer().getPort();
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.cssSelector(".lead h2 a")).click();
        String address = "reader-" + java.util.UUID.randomUUID() + "@example.com";
        browser.findElement(By.id("subscribe-email")).sendKeys(address);
        browser.findElement(By.cssSelector("#subscribe button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/subscribe/check-inbox"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check your inbox");

        // With no SMTP server configured, the confirmation is an .eml file under <data>/mail/, as on a newcomer's machine.
        Path mail = data.resolve("mail");
        String body = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> confirmationTo(mail, address));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:" + port + "(/subscribe/confirm\\?token=\\S+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();

        browser.get("http://localhost:" + port + link.group(1));
        browser.findElement(By.cssSelector("form[action='/subscribe/confirm'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/subscriptions/manage"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are subscribed");
        assertThat(browser.findElement(By.cssSelector(".saved")).getText()).contains(address);
    }

    private static String confirmationTo(Path folder, String address) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (var in = Files.newInputStream(file)) {
                    var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
                    if (message.getAllRecipients()[0].toString().equals(address)) {
                        return message.getContent().toString();
                    }
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    @Test
    void readerOpensTheFrontPageAndReadsTheLeadStory() throws Exception {
        int port = ((WebServerApplicationContext) site).getWebServer().getPort();
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).isEqualTo("Defence Talks – Defense News Military Pictures");
        assertThat(browser.findElement(By.cssSelector(".tagline")).getText()).isEqualTo("Defense News Military Pictures");

        WebElement lead = browser.findElement(By.cssSelector(".lead h2 a"));
        String headline = lead.getText();
        lead.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/articles/"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        WebElement photo = browser.findElement(By.cssSelector("figure.featured img"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", photo));
        assertThat(photo.getSize().getWidth()).isGreaterThan(600);
        assertThat(browser.findElement(By.cssSelector("figure.featured figcaption")).getText())
                .contains("Smoke rises over the valley").contains("PHOTO: LENA DRASKOVIC / HIGHLAND PRESS AGENCY");
        assertThat(browser.findElement(By.cssSelector("article .body h2")).getText()).isEqualTo("Talks in the capital falter");
        assertThat(browser.findElement(By.cssSelector("article .body blockquote")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#subscribe h2")).getText()).isEqualTo("Discover more from Defence Talks");
        assertThat(browser.findElement(By.cssSelector("#comments h2")).getText()).isEqualTo("Leave a Reply");

        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 4000)));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(50_000);
    }
}
