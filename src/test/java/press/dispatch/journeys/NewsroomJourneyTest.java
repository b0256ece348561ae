package press.dispatch.journeys;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Chromium;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner writes, previews, publishes and schedules in a real browser, and finds the story where readers will. */
class NewsroomJourneyTest extends NewsroomTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "editor.png");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @TempDir
    Path files;

    ChromeDriver chrome;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        chrome = Chromium.start();
        wait = new WebDriverWait(chrome, Duration.ofSeconds(10));
        // A notice read while its page is being replaced fails in ChromeDriver ("Node with given id does not belong to
        // the document"), not as a stale element: try again, as for one.
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
    }

    @AfterEach
    void close() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @Test
    void theOwnerPublishesAnArticleWithAPhotoAndSchedulesAnother() throws Exception {
        String sectionName = section("Naval").name();
        String base = browser.base();

        chrome.get(base + "/admin/articles");
        assertThat(chrome.getCurrentUrl()).contains("/admin/sign-in");
        chrome.findElement(By.id("email")).sendKeys(OWNER_EMAIL);
        chrome.findElement(By.id("password")).sendKeys(PASSWORD);
        chrome.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/admin/articles"));

        // A photo with caption and structured credit, uploaded to the library.
        chrome.get(base + "/admin/media");
        chrome.findElement(By.id("photo")).sendKeys(photoFile().toString());
        chrome.findElement(By.id("caption")).sendKeys("The frigate leaves harbour at first light");
        chrome.findElement(By.id("photographer")).sendKeys("Ana Ruiz");
        chrome.findElement(By.id("agency")).sendKeys("Fleet Photo Unit");
        chrome.findElement(By.id("licence")).sendKeys("CC BY 4.0");
        chrome.findElement(By.id("alt")).sendKeys("A grey frigate passing a harbour wall");
        chrome.findElement(By.cssSelector("form[action='/admin/media/upload'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "added to the library"));

        // The article: a sub-heading and a quote, previewed live as it is typed.
        chrome.get(base + "/admin/articles/new");
        chrome.findElement(By.id("headline")).sendKeys("Frigate completes sea trials ahead of schedule");
        chrome.findElement(By.id("standfirst")).sendKeys("Three weeks of tests in the North Sea ended on Friday.");
        chrome.findElement(By.id("body")).sendKeys("The frigate returned to port on Friday.\n\n## What the trials tested\n\n"
                + "> \"Every system met its target,\" said the programme's director.\n\nThe ship enters service next year.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-preview h2"), "What the trials tested"));
        assertThat(chrome.findElement(By.cssSelector("#live-preview blockquote")).getText()).contains("Every system met its target");
        new Select(chrome.findElement(By.id("sectionId"))).selectByVisibleText(sectionName);
        new Select(chrome.findElement(By.id("featuredMediaId"))).selectByIndex(1);
        ((JavascriptExecutor) chrome).executeScript("window.scrollTo(0, 0);");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, chrome.getScreenshotAs(OutputType.BYTES));
        chrome.findElement(By.cssSelector("button[value=save]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved."));

        String previewUrl = chrome.findElement(By.linkText("Preview as readers will see it")).getAttribute("href");
        String editorUrl = chrome.getCurrentUrl();
        chrome.get(previewUrl);
        assertThat(chrome.findElement(By.cssSelector(".preview-banner")).getText()).contains("Preview").contains("not public");
        String previewed = chrome.findElement(By.cssSelector("article")).getText();
        assertThat(chrome.findElement(By.cssSelector("article h1")).getText()).isEqualTo("Frigate completes sea trials ahead of schedule");
        assertThat(chrome.findElement(By.cssSelector("article figure figcaption")).getText())
                .contains("The frigate leaves harbour at first light").containsIgnoringCase("Photo: Ana Ruiz / Fleet Photo Unit (CC BY 4.0)");
        assertThat(browser.get(previewUrl.replace(base, "")).status()).as("the preview is private").isEqualTo(302);

        chrome.get(editorUrl);
        chrome.findElement(By.cssSelector("button[value=publish]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Published."));

        chrome.get(base + "/");
        WebElement lead = chrome.findElement(By.cssSelector(".lead h2 a"));
        assertThat(lead.getText()).isEqualTo("Frigate completes sea trials ahead of schedule");
        lead.click();
        assertThat(chrome.findElement(By.cssSelector("article h2")).getText()).isEqualTo("What the trials tested");
        assertThat(chrome.findElement(By.cssSelector("article blockquote")).getText()).contains("Every system met its target");
        assertThat(chrome.findElement(By.cssSelector("article")).getText()).as("the reader sees what the preview showed")
                .isEqualTo(previewed);
        String liveUrl = chrome.getCurrentUrl();

        // A change to the live article kept for later leaves the live page alone until it is published.
        chrome.get(editorUrl);
        assertThat(chrome.findElement(By.cssSelector(".live-version")).getText()).contains("Readers see revision");
        WebElement save = chrome.findElement(By.cssSelector("button[value=save]"));
        assertThat(save.getText()).isEqualTo("Keep for later");
        chrome.findElement(By.id("body")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\nThe captain thanked the whole crew.");
        save.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Kept for later"));
        assertThat(chrome.findElement(By.cssSelector(".pending-version")).getText()).contains("not live");
        chrome.get(liveUrl);
        assertThat(chrome.findElement(By.cssSelector("article")).getText()).as("the live page is unchanged").isEqualTo(previewed);

        chrome.get(editorUrl);
        chrome.findElement(By.xpath("//button[normalize-space()='Publish these changes']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "readers see them now"));
        assertThat(chrome.findElements(By.cssSelector(".pending-version"))).isEmpty();
        chrome.get(liveUrl);
        assertThat(chrome.findElement(By.cssSelector("article")).getText()).contains("The captain thanked the whole crew.");

        // A second article scheduled two minutes ahead goes live on time.
        chrome.get(base + "/admin/articles/new");
        chrome.findElement(By.id("headline")).sendKeys("Defence budget vote scheduled");
        chrome.findElement(By.id("body")).sendKeys("The vote takes place tonight.");
        String at = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(2)), ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        ((JavascriptExecutor) chrome).executeScript("document.getElementById('publishAt').value = arguments[0];", at);
        chrome.findElement(By.cssSelector("button[value=schedule]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Scheduled for"));
        chrome.get(base + "/");
        assertThat(chrome.getPageSource()).doesNotContain("Defence budget vote scheduled");

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        publishing.publishDue();
        chrome.get(base + "/");
        assertThat(chrome.findElement(By.cssSelector(".lead h2 a")).getText()).isEqualTo("Defence budget vote scheduled");
    }

    private Path photoFile() throws Exception {
        BufferedImage image = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(70, 90, 120));
        g.fillRect(0, 0, 1600, 900);
        g.setColor(new Color(200, 200, 205));
        g.fillRect(300, 500, 1000, 120);
        g.dispose();
        Path file = files.resolve("frigate.jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
