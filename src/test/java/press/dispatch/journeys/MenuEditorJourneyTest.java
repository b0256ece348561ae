package press.dispatch.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.accounts.Role;
import press.dispatch.articles.Section;
import press.dispatch.testing.Chromium;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor edits the header navigation in a real browser (our script moves rows at once) and sees it on the public header. */
class MenuEditorJourneyTest extends NewsroomTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "menu-editor.png");

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

    private List<String> headerRows() {
        return chrome.findElements(By.cssSelector("#menu-header .menu-item .menu-target")).stream().map(WebElement::getText).toList();
    }

    @Test
    void anEditorAddsAnAddressMovesItFirstRelabelsASectionAndReadersSeeTheNewHeader() throws Exception {
        Section land = section("Land");
        Section sea = section("Sea");
        String editor = staffMember(Role.EDITOR);
        String base = browser.base();
        chrome.get(base + "/admin/sign-in");
        chrome.findElement(By.id("email")).sendKeys(editor);
        chrome.findElement(By.id("password")).sendKeys(PASSWORD);
        chrome.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/admin"));

        chrome.findElement(By.linkText("Menus")).click();
        WebElement address = chrome.findElement(By.id("add-url-header"));
        assertThat(address.isDisplayed()).as("the address field waits until 'Another address' is chosen").isFalse();
        new Select(chrome.findElement(By.id("add-target-header"))).selectByValue("url");
        wait.until(ExpectedConditions.visibilityOf(address));
        address.sendKeys("https://shop.example.org/prints");
        chrome.findElement(By.id("add-label-header")).sendKeys("Prints");
        submitAndWaitForNotice("#menu-header button[value=add]", "Item added");
        int rows = headerRows().size();
        assertThat(headerRows().get(rows - 1)).isEqualTo("https://shop.example.org/prints");

        for (int moves = 0; moves < rows - 1; moves++) {
            List<WebElement> ups = chrome.findElements(By.cssSelector("#menu-header .menu-item button[value^=up-]"));
            ups.stream().filter(b -> b.getAttribute("aria-label").equals("Move Prints up")).findFirst().orElseThrow().click();
        }
        assertThat(headerRows().get(0)).as("moved in the page, before saving").isEqualTo("https://shop.example.org/prints");
        assertThat(chrome.findElement(By.cssSelector("#menu-header .menu-unsaved")).isDisplayed()).isTrue();

        List<WebElement> items = chrome.findElements(By.cssSelector("#menu-header .menu-item"));
        WebElement seaRow = items.stream().filter(i -> i.findElement(By.cssSelector(".menu-target")).getText().equals("Section: " + sea.name()))
                .findFirst().orElseThrow();
        seaRow.findElement(By.name("label")).sendKeys("Naval news");
        submitAndWaitForNotice("#menu-header button[value=save]", "saved");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, chrome.getScreenshotAs(OutputType.BYTES));

        chrome.get(base + "/");
        List<String> header = chrome.findElements(By.cssSelector("nav.sections a")).stream().map(WebElement::getText).toList();
        assertThat(header).startsWith("Prints").contains("Naval news", land.name()).doesNotContain(sea.name());
        assertThat(chrome.findElement(By.linkText("Prints")).getAttribute("href")).isEqualTo("https://shop.example.org/prints");
    }

    /**
     * Clicks a submit button and waits for the next page's notice. The old page must be gone first: reading the notice
     * of a page being replaced fails in ChromeDriver ("Node with given id does not belong to the document").
     */
    private void submitAndWaitForNotice(String button, String notice) {
        WebElement before = chrome.findElement(By.tagName("html"));
        chrome.findElement(By.cssSelector(button)).click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), notice));
    }
}
