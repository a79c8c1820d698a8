package cn.shixun.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The manager of 郑州市 reads the audit trail, filters it, meets a bad filter, and a teacher is kept out. */
class AuditBrowserIT extends BrowserTestSupport {

    @Test
    void R40_managerFiltersTheAuditTrailAndATeacherIsRefused() {
        signIn("school.admin", DEMO_PASSWORD);
        signOut();
        signIn("manager", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/audit']")).click();
        waitUntil(() -> currentPath().startsWith("/audit"));
        assertThat(byTest("audit-heading").getText()).isEqualTo("审计日志");
        assertThat(find(By.cssSelector("p.lead")).getText()).contains("郑州市及下属机构");
        assertThat(browser.findElements(By.cssSelector("[data-test='audit-line']"))).as("at least the sign-ins").isNotEmpty();
        screenshot("audit-01-manager");

        find(By.id("action")).sendKeys("auth.");
        find(By.id("actor")).sendKeys("school.admin");
        byTest("audit-search").click();
        waitUntil(() -> currentPath().contains("actor=school.admin"));
        List<WebElement> lines = browser.findElements(By.cssSelector("[data-test='audit-line']"));
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line.findElement(By.cssSelector("[data-test='audit-actor']"))
                .getText()).isEqualTo("school.admin"));
        assertThat(lines.get(0).findElement(By.cssSelector("[data-test='audit-action']")).getText()).isEqualTo("登录");
        assertThat(lines.get(0).getText()).contains("郑州市金水区文化路第一小学", "成功")
                .as("the client's address is known while Spring Security signs in (localhost: IPv4 or IPv6)")
                .containsPattern("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        assertThat(byTest("audit-export").getDomAttribute("href"))
                .isEqualTo("/audit/export?actor=school.admin&action=auth.");
        screenshot("audit-02-filtered");

        setDate("from", "2026-06-30");
        setDate("to", "2026-06-01");
        byTest("audit-search").click();
        waitUntil(() -> !browser.findElements(By.cssSelector("[data-test='audit-error']")).isEmpty());
        assertThat(byTest("audit-error").getText()).isEqualTo("结束日期：2026-06-01 早于开始日期 2026-06-30");
        assertThat(find(By.id("to")).getDomAttribute("class")).contains("invalid");
        screenshot("audit-03-bad-filter");

        signOut();
        signIn("teacher", DEMO_PASSWORD);
        assertThat(browser.findElements(By.cssSelector("a[href='/audit']"))).as("no link for teachers").isEmpty();
        open("/audit");
        assertThat(find(By.tagName("h1")).getText()).isNotEqualTo("审计日志");
        screenshot("audit-04-teacher-refused");
    }

    private void setDate(String id, String date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find(By.id(id)), date);
    }
}
