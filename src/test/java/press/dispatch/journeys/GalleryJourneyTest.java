package press.dispatch.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.accounts.Role;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.testing.Chromium;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor makes a gallery in a real browser (adds photos, reorders them by drag and drop, publishes it) and places
 * it in an article; a reader opens it without JavaScript (photo pages) and with it (a lightbox worked by keyboard).
 */
class GalleryJourneyTest extends NewsroomTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "gallery-lightbox.png");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    /**
     * Selenium's drag and drop moves the mouse but cannot start an HTML5 drag in Chromium, so the test hands the page the
     * events a person's drag causes, in order, on the real elements.
     */
    static final String DRAG = """
            const [from, to] = arguments;
            const data = new DataTransfer();
            const box = to.getBoundingClientRect();
            const at = {bubbles: true, cancelable: true, dataTransfer: data, clientX: box.left + 5, clientY: box.bottom - 2};
            from.dispatchEvent(new DragEvent('dragstart', {bubbles: true, cancelable: true, dataTransfer: data}));
            to.dispatchEvent(new DragEvent('dragover', at));
            to.dispatchEvent(new DragEvent('drop', at));
            """;

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

    private List<String> adminOrder() {
        return chrome.findElements(By.cssSelector(".gallery-photos li img")).stream().map(img -> img.getAttribute("alt")).toList();
    }

    /** The address the first image matching {@code css} shows, once it has loaded its pixels. */
    private String shownIn(String css) {
        String script = "var i = document.querySelector(arguments[0]); return i && i.complete && i.naturalWidth > 0 ? i.currentSrc : null;";
        return wait.until(d -> (String) chrome.executeScript(script, css));
    }

    @Test
    void anEditorMakesAGalleryAndAReaderBrowsesItWithAndWithoutJavaScript() throws Exception {
        photo("Destroyer alongside");
        photo("Helicopter on deck");
        photo("Crew on parade");
        String base = browser.base();
        chrome.get(base + "/admin/sign-in");
        chrome.findElement(By.id("email")).sendKeys(staffMember(Role.EDITOR));
        chrome.findElement(By.id("password")).sendKeys(PASSWORD);
        chrome.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/admin"));

        chrome.findElement(By.linkText("Galleries")).click();
        chrome.findElement(By.linkText("New gallery")).click();
        chrome.findElement(By.id("title")).sendKeys("Fleet week");
        chrome.findElement(By.id("description")).sendKeys("Ships and crews in harbour.");
        chrome.findElement(By.cssSelector("button[value=save]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved as a draft"));

        for (String caption : List.of("Destroyer alongside", "Helicopter on deck", "Crew on parade")) {
            chrome.findElement(By.xpath("//ul[@class='photo-chooser']//label[span[starts-with(normalize-space(.), '" + caption + "')]]/input")).click();
        }
        chrome.findElement(By.xpath("//button[normalize-space(.)='Add selected photos']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Added 3 photos"));
        assertThat(adminOrder()).as("in the chooser's order, newest first").containsExactly("Alt Crew on parade", "Alt Helicopter on deck",
                "Alt Destroyer alongside");

        List<WebElement> items = chrome.findElements(By.cssSelector(".gallery-photos li"));
        chrome.executeScript(DRAG, items.get(0), items.get(2));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "New order saved"));
        assertThat(adminOrder()).containsExactly("Alt Helicopter on deck", "Alt Destroyer alongside", "Alt Crew on parade");

        chrome.findElement(By.id("caption-" + chrome.findElements(By.cssSelector(".gallery-photos li")).get(1).getAttribute("data-photo")))
                .sendKeys("Alongside in Portsmouth");
        chrome.findElements(By.xpath("//button[normalize-space(.)='Save caption and credit']")).get(1).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Caption and credit saved"));
        chrome.findElement(By.cssSelector("button[value=publish]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Published"));
        String directive = chrome.findElement(By.xpath("//code[starts-with(., '::gallery[')]")).getText();
        assertThat(directive).isEqualTo("::gallery[fleet-week]");

        long article = publishing.draft(ArticleDraft.of(unique("Navy opens its ships"), "", "Thousands visited.\n\n" + directive + "\n\nMore next year."));
        publishing.publish(article);
        String articleUrl = base + "/articles/" + slugOf(article);

        ChromeDriver reader = Chromium.startWithoutJavaScript();
        try {
            reader.get(articleUrl);
            List<WebElement> grid = reader.findElements(By.cssSelector(".gallery-embed .gallery-grid a"));
            assertThat(grid).hasSize(3);
            grid.get(1).click();
            new WebDriverWait(reader, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/galleries/fleet-week/2"));
            assertThat(reader.findElement(By.cssSelector(".gallery-photo figcaption")).getText()).contains("Alongside in Portsmouth")
                    .contains("Photo: Ana Ruiz / Test Agency (CC BY 4.0)");
            reader.findElement(By.linkText("Next photo →")).click();
            new WebDriverWait(reader, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/galleries/fleet-week/3"));
            assertThat(reader.findElement(By.cssSelector(".gallery-photo img")).getAttribute("alt")).isEqualTo("Alt Crew on parade");
            assertThat(reader.findElements(By.cssSelector("dialog"))).isEmpty();
        } finally {
            reader.quit();
        }

        chrome.get(articleUrl);
        WebElement first = chrome.findElement(By.cssSelector(".gallery-embed .gallery-grid a"));
        first.click();
        WebElement lightbox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.lightbox[open]")));
        assertThat(chrome.getCurrentUrl()).as("the photo opens over the article").isEqualTo(articleUrl);
        assertThat(lightbox.findElement(By.cssSelector("img")).getAttribute("alt")).isEqualTo("Alt Helicopter on deck");
        assertThat(chrome.switchTo().activeElement().getText()).isEqualTo("Close");
        List<String> webp = chrome.findElements(By.cssSelector(".gallery-embed .gallery-grid a")).stream()
                .map(a -> base + a.getAttribute("data-full-webp")).toList();
        assertThat(webp).allSatisfy(address -> assertThat(address).endsWith(".webp"));
        assertThat(shownIn("dialog.lightbox img")).as("the lightbox shows the WebP").isEqualTo(webp.get(0));
        assertThat(shownIn(".gallery-embed .gallery-grid img")).as("so does the grid").endsWith(".webp");

        new Actions(chrome).sendKeys(Keys.ARROW_RIGHT).perform();
        wait.until(ExpectedConditions.textToBePresentInElement(lightbox.findElement(By.cssSelector(".lightbox-count")), "Photo 2 of 3"));
        assertThat(shownIn("dialog.lightbox img")).as("the next photo's WebP").isEqualTo(webp.get(1));
        assertThat(lightbox.findElement(By.cssSelector("figcaption[aria-live=polite]")).getText()).contains("Alongside in Portsmouth");
        assertThat(lightbox.findElement(By.cssSelector("img")).getAttribute("alt")).isEqualTo("Alt Destroyer alongside");
        new Actions(chrome).sendKeys(Keys.ARROW_LEFT).sendKeys(Keys.ARROW_LEFT).perform();
        wait.until(ExpectedConditions.textToBePresentInElement(lightbox.findElement(By.cssSelector(".lightbox-count")), "Photo 3 of 3"));

        for (int i = 0; i < 4; i++) {
            new Actions(chrome).sendKeys(Keys.TAB).perform();
            assertThat((Boolean) chrome.executeScript("return document.querySelector('dialog.lightbox').contains(document.activeElement)"))
                    .as("focus stays in the lightbox").isTrue();
        }
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, chrome.getScreenshotAs(OutputType.BYTES));

        new Actions(chrome).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog.lightbox"), 0));
        assertThat(chrome.switchTo().activeElement().getAttribute("href")).as("focus goes back to the photo that opened it")
                .endsWith("/galleries/fleet-week/1");
    }
}
