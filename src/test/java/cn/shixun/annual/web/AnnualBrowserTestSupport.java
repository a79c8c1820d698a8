package cn.shixun.annual.web;

import cn.shixun.BrowserTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The annual registration's browser tests: what they do alike in the workbench. */
abstract class AnnualBrowserTestSupport extends BrowserTestSupport {

    /** Opens the workbench's task of the card of the teacher with {@code staffNumber} and waits for its detail. */
    protected void openTaskOf(String staffNumber) {
        WebElement link = browser.findElements(By.cssSelector("[data-test='task-row']")).stream()
                .filter(row -> row.getText().contains(staffNumber)).findFirst().orElseThrow()
                .findElement(By.cssSelector("[data-test='task-link']"));
        String summary = link.getText();
        link.click();
        waitUntil(() -> byTest("detail-summary").getText().equals(summary));
    }
}
