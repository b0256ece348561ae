package press.dispatch.journeys;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import press.dispatch.accounts.Role;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.ArticleStatus;
import press.dispatch.testing.Chromium;
import press.dispatch.testing.Databases;
import press.dispatch.testing.NewsroomTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Two editors in two browsers: one marks a story sensitive and asks for release, the other approves it from the queue. */
class ReleaseQueueJourneyTest extends NewsroomTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.sqlite(registry);
    }

    ChromeDriver asker;
    ChromeDriver approver;

    @BeforeEach
    void open() {
        asker = Chromium.start();
        approver = Chromium.start();
    }

    @AfterEach
    void close() {
        if (asker != null) {
            asker.quit();
        }
        if (approver != null) {
            approver.quit();
        }
    }

    private WebDriverWait signIn(ChromeDriver chrome, String email) {
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(10));
        // A notice read while its page is being replaced fails in ChromeDriver ("Node with given id does not belong to
        // the document"), not as a stale element: try again, as for one.
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        chrome.get(browser.base() + "/admin/sign-in");
        chrome.findElement(By.id("email")).sendKeys(email);
        chrome.findElement(By.id("password")).sendKeys(PASSWORD);
        chrome.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(browser.base() + "/admin"));
        return wait;
    }

    @Test
    void oneEditorAsksForReleaseAndASecondApprovesItFromTheQueue() {
        String headline = unique("Sources inside the ministry");
        long id = publishing.draft(ArticleDraft.of(headline, "", "What three officials said."));
        WebDriverWait askerWait = signIn(asker, staffMember(Role.EDITOR));
        WebDriverWait approverWait = signIn(approver, staffMember(Role.EDITOR));

        asker.get(browser.base() + "/admin/articles/" + id);
        asker.findElement(By.linkText("Embargo and release")).click();
        asker.findElement(By.cssSelector("#hold input[name=sensitive]")).click();
        asker.findElement(By.cssSelector("#hold button[type=submit]")).click();
        askerWait.until(ExpectedConditions.presenceOfElementLocated(By.id("ask")));
        asker.findElement(By.cssSelector("#ask button[type=submit]")).click();
        askerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("waiting"), "Waiting in the release queue"));

        asker.findElement(By.linkText("Release queue")).click();
        askerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".release-queue"), headline));
        assertThat(asker.findElements(By.cssSelector(".release-queue form.approve"))).as("the editor who asked cannot approve").isEmpty();

        approver.findElement(By.linkText("Release queue")).click();
        approverWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".release-queue"), headline));
        assertThat(publishing.get(id).status()).isEqualTo(ArticleStatus.DRAFT);
        approver.findElement(By.cssSelector(".release-queue form.approve button")).click();
        approverWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Approved and published"));

        assertThat(publishing.get(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
        asker.get(browser.base() + "/admin/articles/" + id + "/release");
        String trail = asker.findElement(By.cssSelector("tr.trail-approved")).getText();
        assertThat(trail).contains("approved").contains("Test Editor");
        approver.get(browser.base() + "/articles/" + slugOf(id));
        assertThat(approver.findElement(By.cssSelector("h1.headline")).getText()).isEqualTo(headline);
    }
}
