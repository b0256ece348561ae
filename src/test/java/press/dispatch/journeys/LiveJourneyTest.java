package press.dispatch.journeys;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.accounts.Role;
import press.dispatch.testing.AdminSession;
import press.dispatch.testing.Chromium;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader keeps a live page open in Chromium while a reporter posts, edits and deletes updates from the admin. */
class LiveJourneyTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    ChromeDriver chrome;

    @BeforeEach
    void openChromium() {
        chrome = Chromium.start();
    }

    @AfterEach
    void closeChromium() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @Test
    void anUpdatePostedInTheAdminReachesAnOpenPageBehindANewUpdatesBarWithoutAReload() {
        AdminSession editor = signedIn(staffMember(Role.EDITOR), PASSWORD);
        long article = publishedArticle(unique("Ceasefire talks live"), null);
        assertThat(editor.post("/admin/live/" + article + "/start", Map.of()).status()).isEqualTo(302);
        assertThat(editor.post("/admin/live/" + article + "/entries", Map.of("text", "Delegations arrive.")).status()).isEqualTo(302);

        chrome.get(browser.base() + "/articles/" + slugOf(article));
        ((JavascriptExecutor) chrome).executeScript("window.sameDocument = true;");
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
        // A notice read while its page is being replaced fails in ChromeDriver ("Node with given id does not belong to
        // the document"), not as a stale element: try again, as for one.
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        assertThat(texts()).isEqualTo("Delegations arrive.");

        assertThat(editor.post("/admin/live/" + article + "/entries", Map.of("text", "Talks **collapse**.")).status()).isEqualTo(302);
        assertThat(editor.post("/admin/live/" + article + "/entries", Map.of("text", "Mediators call a recess.", "pinned", "true")).status())
                .isEqualTo(302);
        WebElement bar = wait.until(d -> {
            WebElement b = d.findElement(By.cssSelector(".live-new-updates"));
            return b.isDisplayed() && b.getText().equals("2 new updates") ? b : null;
        });
        assertThat(texts()).as("the page does not jump while the reader reads").isEqualTo("Delegations arrive.");
        assertThat(chrome.findElement(By.cssSelector(".live-key-events")).getText()).contains("Mediators call a recess.");

        bar.click();
        assertThat(texts()).isEqualTo("Mediators call a recess. | Talks collapse. | Delegations arrive.");
        assertThat(chrome.findElement(By.cssSelector(".live-entries > li:nth-child(2) .live-text strong")).getText()).isEqualTo("collapse");
        assertThat(chrome.findElements(By.cssSelector(".live-new-updates")).get(0).isDisplayed()).isFalse();

        long first = jdbc.sql("SELECT id FROM live_entries WHERE body_markdown = 'Delegations arrive.'").query(Long.class).single();
        assertThat(editor.post("/admin/live/" + article + "/entries/" + first, Map.of("text", "Delegations arrive by helicopter.")).status())
                .isEqualTo(302);
        wait.until(d -> texts().endsWith("Delegations arrive by helicopter."));
        assertThat(chrome.findElement(By.cssSelector("#entry-" + first + " .live-edited")).getText()).startsWith("Edited");

        assertThat(editor.post("/admin/live/" + article + "/entries/" + first + "/delete", Map.of()).status()).isEqualTo(302);
        wait.until(d -> texts().equals("Mediators call a recess. | Talks collapse."));
        assertThat(((JavascriptExecutor) chrome).executeScript("return window.sameDocument === true;")).as("never reloaded").isEqualTo(true);
    }

    /** The updates' texts as the reader sees them, top to bottom, read in one go (the script replaces elements). */
    private String texts() {
        return (String) ((JavascriptExecutor) chrome).executeScript("return Array.from(document.querySelectorAll("
                + "'.live-entries > li.live-entry .live-text')).map(e => e.innerText.trim()).join(' | ');");
    }
}
