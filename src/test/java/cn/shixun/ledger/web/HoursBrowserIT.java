package cn.shixun.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** A teacher looks at their hours and works out what a training would earn; a reviewer looks at the same teacher. */
class HoursBrowserIT extends BrowserTestSupport {

    @Test
    void demoTeacherSeesRequirementsAndEntries() {
        signIn("teacher", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/my/hours']")).click();
        waitUntil(() -> currentPath().startsWith("/my/hours"));

        assertThat(byTest("hours-heading").getText()).isEqualTo("我的学时");
        assertThat(byTest("profile").getText()).isNotBlank();
        assertThat(byTest("cycle").getText()).matches("\\d{4}-\\d{2}-\\d{2} 至 \\d{4}-\\d{2}-\\d{2}");
        List<WebElement> requirements = browser.findElements(By.cssSelector("[data-test='requirement']"));
        assertThat(requirements).isNotEmpty();
        assertThat(requirements).allSatisfy(r -> assertThat(r.findElement(By.cssSelector("[data-test='requirement-state']"))
                .getText()).matches("已达标|学历免修|还差 [0-9.]+ 学时"));
        assertThat(browser.findElements(By.cssSelector("[data-test='entry']"))).as("the demo teacher has hours").isNotEmpty();
        fullPageScreenshot("hours-01-teacher");

        WebElement date = find(By.id("date"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-06-30'", date);
        byTest("date-submit").click();
        waitUntil(() -> currentPath().contains("date=2023-06-30"));
        assertThat(byTest("other-date").getText()).contains("2023-06-30");
        fullPageScreenshot("hours-02-teacher-other-date");
    }

    /** Resizes the window to the page's height so that the screenshot shows all of it. */
    private void fullPageScreenshot(String name) {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 4000)));
        screenshot(name);
        browser.manage().window().setSize(before);
    }
}
