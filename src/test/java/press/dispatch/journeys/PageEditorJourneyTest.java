package press.dispatch.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.accounts.Role;
import press.dispatch.testing.Chromium;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor writes an About page in a real browser: refused on a reserved slug, previewed as typed, published, then read at /about. */
class PageEditorJourneyTest extends NewsroomTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "page-editor.png");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

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
    void anEditorWritesPreviewsAndPublishesAnAboutPage() throws Exception {
        String editor = staffMember(Role.EDITOR);
        String base = browser.base();
        chrome.get(base + "/admin/sign-in");
        chrome.findElement(By.id("email")).sendKeys(editor);
        chrome.findElement(By.id("password")).sendKeys(PASSWORD);
        chrome.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/admin"));

        chrome.findElement(By.linkText("Pages")).click();
        chrome.findElement(By.linkText("New page")).click();
        chrome.findElement(By.id("title")).sendKeys("About Defence Talks");
        chrome.findElement(By.id("slug")).sendKeys("admin");
        chrome.findElement(By.id("body")).sendKeys("We report on **defence**.\n\n## Who we are\n\nA small newsroom.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-preview h2"), "Who we are"));
        assertThat(chrome.findElement(By.cssSelector("#live-preview strong")).getText()).isEqualTo("defence");

        chrome.findElement(By.cssSelector("button[value=publish]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem[role=alert]")));
        assertThat(chrome.findElement(By.cssSelector("#slug ~ .problem")).getText()).contains("reserved");
        assertThat(chrome.findElement(By.id("title")).getAttribute("value")).as("the form is refilled").isEqualTo("About Defence Talks");
        assertThat(chrome.findElement(By.id("body")).getAttribute("value")).contains("A small newsroom.");

        chrome.findElement(By.id("slug")).clear();
        chrome.findElement(By.id("slug")).sendKeys("about");
        chrome.findElement(By.cssSelector("button[value=publish]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Published"));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, chrome.getScreenshotAs(OutputType.BYTES));

        chrome.findElement(By.linkText("/about")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/about"));
        assertThat(chrome.findElement(By.cssSelector("article.static-page h1")).getText()).isEqualTo("About Defence Talks");
        assertThat(chrome.findElement(By.cssSelector("article.static-page h2")).getText()).isEqualTo("Who we are");
    }
}
