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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.subscriptions.Subscriptions;
import press.dispatch.testing.Chromium;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin answers a reader's erasure request in a real browser: find the address, see what is held, confirm, erase. */
class PrivacyJourneyTest extends NewsroomTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "privacy.png");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    @Autowired
    Subscriptions subscriptions;

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
    void anAdminFindsAReadersDataAndErasesItOnlyAfterTickingTheConfirmation() throws Exception {
        subscriptions.subscribe("asks.to.be.forgotten@example.org", "192.0.2.44");
        String base = browser.base();
        chrome.get(base + "/admin/sign-in");
        chrome.findElement(By.id("email")).sendKeys(OWNER_EMAIL);
        chrome.findElement(By.id("password")).sendKeys(PASSWORD);
        chrome.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/admin"));

        chrome.findElement(By.linkText("Personal data")).click();
        chrome.findElement(By.id("email")).sendKeys("Asks.To.Be.Forgotten@example.org");
        chrome.findElement(By.cssSelector("form[action='/admin/privacy'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("held")));
        assertThat(chrome.findElement(By.cssSelector("#held td.subscribers")).getText()).isEqualTo("1");
        assertThat(chrome.findElement(By.cssSelector("#held td.emails")).getText()).as("the confirmation email").isEqualTo("1");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, chrome.getScreenshotAs(OutputType.BYTES));

        chrome.findElement(By.cssSelector("button.danger")).click();
        assertThat(chrome.getCurrentUrl()).as("the browser holds the form until the box is ticked").contains("/admin/privacy?email=");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscribers WHERE email = 'asks.to.be.forgotten@example.org'").query(Long.class).single())
                .isEqualTo(1);

        chrome.findElement(By.cssSelector("input[name=confirm]")).click();
        chrome.findElement(By.cssSelector("button.danger")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Erased: 0 comment(s), 1 subscriber record(s)"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscribers WHERE email = 'asks.to.be.forgotten@example.org'").query(Long.class).single()).isZero();
    }
}
