package cn.shixun.insight.bottlenecks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 13's done-when for the 管理看板, as a manager (郑州市) and as a county reviewer (金水区) use it: the home page
 * offers it; it shows the demo data's waiting times (days, from the demo's twelve weeks of cases), the slowest step
 * at the top, the charts and the heatmap without a Content-Security-Policy refusal; a figure drills down to its
 * cases and a case opens on its own page. Screenshots at 1440 px and 390 px under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class DashboardBrowserIT extends BrowserTestSupport {

    @Test
    void aManagerSeesTheCitysWaitingTimes_andDrillsDownToACase() {
        walkThrough("manager", "郑州市", "dashboard-manager");
    }

    @Test
    void aCountyReviewerSeesTheCountysWaitingTimes_andDrillsDownToACase() {
        walkThrough("county.reviewer", "金水区", "dashboard-county");
    }

    private void walkThrough(String username, String scope, String shot) {
        recordContentSecurityPolicyViolations();
        browser.manage().window().setSize(new Dimension(1440, 900));
        signIn(username, DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/dashboard']")).click();
        waitUntil(() -> currentPath().startsWith("/dashboard"));

        assertThat(byTest("dashboard-heading").getText()).isEqualTo("管理看板");
        assertThat(find(By.cssSelector(".lead")).getText()).contains(scope);
        assertThat(byTest("slowest-step").getText()).startsWith("等待最久的步骤：学历提升免修申请（R-30） · 登记机构审核");
        List<String> medians = browser.findElements(By.cssSelector("[data-test='step-median']")).stream()
                .map(WebElement::getText).toList();
        assertThat(medians).as("the demo's waits are days and hours, not the seconds of the start-up")
                .anyMatch(median -> median.endsWith(" 天"));
        waitUntil(() -> "true".equals(byTest("heatmap").getDomAttribute("data-rendered")));
        assertThat(browser.findElements(By.cssSelector("[data-test='heat']"))).isNotEmpty();
        waitUntil(() -> !browser.findElements(By.cssSelector("#steps-chart canvas, #steps-chart svg")).isEmpty());
        assertThat(byTest("forecast-explain").getText()).contains("近 14 天");
        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        fullPageScreenshot(shot + "-1440");

        browser.manage().window().setSize(new Dimension(390, 844));
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no sideways scrolling of the page at 390 px (the tables scroll in their box)")
                .isLessThanOrEqualTo(0L);
        fullPageScreenshot(shot + "-390");
        browser.manage().window().setSize(new Dimension(1440, 900));

        byTest("drill-waited").click();
        waitUntil(() -> currentPath().startsWith("/dashboard/cases"));
        assertThat(byTest("cases-heading").getText()).isEqualTo("看板明细");
        assertThat(browser.findElements(By.cssSelector("[data-test='case-row']"))).isNotEmpty();
        fullPageScreenshot(shot + "-cases");
        byTest("case-link").click();
        waitUntil(() -> currentPath().startsWith("/exemptions/"));
        assertThat(find(By.tagName("h1")).getText()).doesNotContain("未找到");
        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
    }
}
