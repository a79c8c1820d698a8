package cn.shixun.schoolclass.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import java.time.LocalDate;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * What a browser test of a school-based class does over and over: a reviewer approves a step in the
 * workbench, the school opens its step from there, fields are typed, whole pages are photographed. Shared by
 * {@link SchoolClassBrowserIT} and the administration test that runs a class at a school it has just created.
 */
public abstract class SchoolClassBrowserSupport extends BrowserTestSupport {

    /** As the signed-in reviewer: the class's page, its link to the workbench, and 同意 there. */
    protected void approveInWorkbench(long id, String course, String comment) {
        open("/school-classes/" + id);
        byTest("review-link").click();
        waitUntil(() -> currentPath().startsWith("/tasks"));
        assertThat(byTest("detail-summary").getText()).contains(course);
        if (comment != null) {
            byTest("comment").sendKeys(comment);
        }
        byTest("outcome-APPROVE").click();
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("同意");
    }

    /** As the school: the class's step in the workbench, and from there its case page. */
    protected void openFromWorkbench(long id, String course) {
        open("/tasks?process=schoolBasedClass");
        WebElement row = browser.findElements(By.cssSelector("[data-test='task-row']")).stream()
                .filter(candidate -> candidate.getText().contains(course)).findFirst().orElseThrow();
        row.findElement(By.cssSelector("[data-test='task-link']")).click();
        waitUntil(() -> byTest("detail-summary").getText().contains(course));
        assertThat(byTest("submission-hint").isDisplayed()).isTrue();
        byTest("case-page").click();
        waitUntil(() -> currentPath().equals("/school-classes/" + id));
        byTest("step-form");
    }

    protected void signInAs(String username) {
        browser.manage().deleteAllCookies();
        signIn(username, DEMO_PASSWORD);
    }

    protected void type(String field, String value) {
        WebElement input = byTest("field-" + field);
        input.clear();
        input.sendKeys(value);
    }

    /** Date inputs are typed in the browser's locale format; setting the value is what a picker does. */
    protected void date(String field, LocalDate value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", byTest("field-" + field),
                value.toString());
    }

    /** The whole page, however long the tables make it. */
    protected void fullScreenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(),
                height.intValue() + 150)));
        screenshot(name);
        browser.manage().window().setSize(window);
    }
}
