package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14, item 4: a reviewer signed in to Shixun opens Camunda Tasklist without a second sign-in, in
 * Chinese, without the end-of-life banner or the Start process / Create task buttons, and still sees only
 * what the engine's authorizations give them (ADR 0005, 0014).
 */
class WebappSingleSignOnBrowserIT extends BrowserTestSupport {

    @AfterEach
    void backToTheDefaultWindow() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void aReviewerSignedInToShixunOpensTasklistInChineseWithoutSigningInAgain() throws Exception {
        // A browser in China: its clock is Beijing time, which Tasklist shows (it has no zone setting of its own).
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
        signIn("county.reviewer", DEMO_PASSWORD);
        browser.manage().window().setSize(new Dimension(1440, 900));

        open("/camunda/app/tasklist/");
        waitForWebapp(By.cssSelector("[cam-widget-header] .navbar-brand"));
        WebElement filter = waitForWebapp(By.xpath("//*[contains(@class,'task-filters')]//*[contains(text(),'"
                + EngineAuthorizations.TASKLIST_FILTER + "')]"));
        assertThat(filter.isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("input[type='password']"))).as("no second sign-in").isEmpty();
        String page = find(By.tagName("body")).getText();
        assertThat(page).as("Chinese labels from our locales/zh.json").contains("赵明", "请在列表中选择一个任务", "键盘快捷键")
                .doesNotContain("Select a task in the list", "Start process", "Create task", "migrate to Camunda 8");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                .as("no end-of-life banner").isTrue();
        assertThat(find(By.id("footer-timezone")).getText()).contains("Asia/Shanghai");
        screenshot("tasklist-sso-01-reviewer-1440");

        assertThat(taskCount()).as("the reviewer's tasks, through the engine's grants").isPositive()
                .isEqualTo(engineRestTaskCount("county.reviewer"));

        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("tasklist-sso-02-reviewer-390");
    }

    @Test
    void aProcessOwnerSignedInToShixunFindsTheWebappsStartPageInChinese() {
        signIn("process.owner", DEMO_PASSWORD);
        browser.manage().window().setSize(new Dimension(1440, 900));
        open("/camunda/app/welcome/default/");
        waitUntil(WEBAPP_LOAD, () -> browser.findElements(By.tagName("body")).stream()
                .anyMatch(body -> body.getText().contains("应用")));
        // Welcome's profile has password fields of its own (to change one's password): the login form's text tells.
        assertThat(find(By.tagName("body")).getText()).as("signed in, in Chinese").contains("流程监控", "个人资料")
                .doesNotContain("请登录", "Applications");
        screenshot("welcome-sso-01-process-owner-1440");
    }

    /**
     * The single sign-on gives nobody more: a teacher reads in the webapps exactly the tasks the engine's REST
     * API gives the teacher's own credentials (their own submission steps, no reviewer's task).
     */
    @Test
    void aTeacherSignedInToShixunReadsNoMoreTasksThanTheEngineGivesThem() throws Exception {
        signIn("teacher", DEMO_PASSWORD);
        open("/camunda/app/tasklist/");
        // Teachers have no Tasklist (ADR 0005): whatever the webapp shows them, its API reads for their session.
        waitUntil(WEBAPP_LOAD, () -> !browser.findElements(By.tagName("body")).isEmpty());
        screenshot("tasklist-sso-03-teacher");
        assertThat(taskCount()).isEqualTo(engineRestTaskCount("teacher"))
                .isLessThan(engineRestTaskCount("county.reviewer"));
    }

    private long engineRestTaskCount(String username) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/engine-rest/task/count")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Long.parseLong(answer.body().replaceAll("\\D", ""));
    }

    /** What the engine answers the webapps' own API for this browser's session: the tasks it may read. */
    private long taskCount() {
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/camunda/api/engine/engine/default/task/count', {headers: {Accept: 'application/json'}})
                  .then(r => r.ok ? r.json().then(b => done(b.count)) : done(-r.status)).catch(e => done(-1));""");
        return ((Number) answer).longValue();
    }

    private static WebElement waitForWebapp(By locator) {
        return new WebDriverWait(browser, WEBAPP_LOAD, Duration.ofMillis(250))
                .until(ExpectedConditions.presenceOfElementLocated(locator));
    }
}
