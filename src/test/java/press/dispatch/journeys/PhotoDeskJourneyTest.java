package press.dispatch.journeys;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.testing.Chromium;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The photo desk in a real browser: three photos dropped on the library at once, a credit corrected in the detail
 * panel, the photo inserted into an article body from the editor's picker, and the figure seen on the published page.
 */
class PhotoDeskJourneyTest extends NewsroomTest {

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
        wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
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
    void threePhotosDroppedAtOnceAreCreditedAndOneIsPlacedInAPublishedBody() throws Exception {
        String base = "http://localhost:" + port;
        chrome.get(base + "/admin/sign-in");
        chrome.findElement(By.id("email")).sendKeys(OWNER_EMAIL);
        chrome.findElement(By.id("password")).sendKeys(PASSWORD);
        chrome.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/admin"));

        chrome.get(base + "/admin/media");
        chrome.findElement(By.id("alt")).sendKeys("A frigate at sea");
        chrome.findElement(By.id("photographer")).sendKeys("Unknown");
        List<String> paths = new ArrayList<>();
        for (String name : List.of("bow.jpg", "stern.jpg", "bridge.png")) {
            paths.add(photoFile(name).toString());
        }
        JavascriptExecutor js = chrome;
        // Selenium cannot drag files from the desktop; a file input made for the test hands real files to a real drop event.
        WebElement picker = (WebElement) js.executeScript(
                "var i = document.createElement('input'); i.type = 'file'; i.multiple = true; i.id = 'test-files';"
                        + "document.body.appendChild(i); return i;");
        picker.sendKeys(String.join("\n", paths));
        js.executeScript("var t = new DataTransfer(); for (var f of document.getElementById('test-files').files) { t.items.add(f); }"
                + "var zone = document.getElementById('drop-zone');"
                + "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: t, bubbles: true, cancelable: true}));"
                + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: t, bubbles: true, cancelable: true}));");
        wait.until(ExpectedConditions.urlContains("/admin/media?added=3"));
        assertThat(chrome.findElement(By.cssSelector(".upload-results")).getText()).contains("3 photos added to the library.");
        assertThat(chrome.findElements(By.cssSelector(".thumbs figure"))).hasSize(3);

        chrome.findElement(By.cssSelector(".thumbs figure a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("focal-image")));
        String photoUrl = chrome.getCurrentUrl();
        long photoId = Long.parseLong(photoUrl.substring(photoUrl.lastIndexOf('/') + 1));
        WebElement photographer = chrome.findElement(By.id("photographer"));
        photographer.clear();
        photographer.sendKeys("Ana Ruiz");
        chrome.findElement(By.id("agency")).sendKeys("Fleet Photo Unit");
        String focalBefore = chrome.findElement(By.id("focalX")).getAttribute("value");
        new org.openqa.selenium.interactions.Actions(chrome).moveToElement(chrome.findElement(By.id("focal-image")), -100, -50).click().perform();
        assertThat(chrome.findElement(By.id("focalX")).getAttribute("value")).isNotEqualTo(focalBefore);
        chrome.findElement(By.cssSelector("form[action='/admin/media/" + photoId + "'] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "saved"));
        assertThat(chrome.findElement(By.id("photographer")).getAttribute("value")).isEqualTo("Ana Ruiz");

        chrome.get(base + "/admin/articles/new");
        chrome.findElement(By.id("headline")).sendKeys("Frigates leave harbour together");
        chrome.findElement(By.id("body")).sendKeys("Three frigates sailed at dawn.");
        chrome.findElement(By.cssSelector("#picker-thumbs li[data-id='" + photoId + "'] button.insert")).click();
        assertThat(chrome.findElement(By.id("body")).getAttribute("value")).contains("![A frigate at sea](photo:" + photoId + ")");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-preview figure figcaption"), "Ana Ruiz"));
        chrome.findElement(By.cssSelector("button[value=publish]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Published."));

        chrome.get(base + "/articles/" + slugOf(latestArticle()));
        WebElement figure = chrome.findElement(By.cssSelector(".body figure.body-photo"));
        assertThat(figure.findElement(By.cssSelector("figcaption .credit")).getText()).containsIgnoringCase("Ana Ruiz / Fleet Photo Unit");
        WebElement img = figure.findElement(By.cssSelector("picture img"));
        assertThat(img.getAttribute("alt")).isEqualTo("A frigate at sea");
        assertThat(img.getAttribute("currentSrc")).as("Chromium picks the WebP").endsWith(".webp");
        assertThat(((Number) js.executeScript("return arguments[0].naturalWidth", img)).intValue()).isPositive();
    }

    private long latestArticle() {
        return jdbc.sql("SELECT MAX(id) FROM articles").query(Long.class).single();
    }

    private Path photoFile(String name) throws Exception {
        BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(60 + name.length() * 10, 90, 120));
        g.fillRect(0, 0, 1600, 1000);
        g.setColor(new Color(210, 210, 215));
        g.fillRect(200, 600, 1200, 140);
        g.dispose();
        Path file = files.resolve(name);
        ImageIO.write(image, name.endsWith(".png") ? "png" : "jpg", file.toFile());
        return file;
    }
}
