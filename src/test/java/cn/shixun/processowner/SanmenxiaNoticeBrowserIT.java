package cn.shixun.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.ledger.Ledger;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The first "Done when" (issue 12), in the browser at 1440 px: as {@code process.owner},
 * Sanmenxia's version in force is copied for a 2026 notice (in force from 2027-01-01); the yearly
 * school-based minimum is lowered from 16 to 10 in dmn-js; 试算 shows the one case the notice changes,
 * whose expectation is updated; the impact preview runs; the version is submitted. The submitter cannot
 * approve; {@code process.owner2} approves in the browser; the publication case deploys it. Then the
 * teacher's status page on the effective date asks 10 hours under the new notice, the day before 16,
 * and an entry from 2025 still names version 1.
 *
 * <p>Publishes for real: the shared context is not reused after this class (a later copy of Sanmenxia
 * would have to start after 2027).
 */
@DirtiesContext
class SanmenxiaNoticeBrowserIT extends BrowserTestSupport {

    private static final String PROFILE = "sanmenxia-2023";
    private static final String TITLE = "三门峡市2026年基础教育教师继续教育工作实施方案";
    private static final String ROW = "td[data-row-id='Rule_requirements_11_v2']";

    @Autowired ModelDrafts drafts;
    @Autowired Teachers teachers;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired Ledger ledger;

    @Test
    void R10_aNoticeCopiedLoweredTestedSubmitted_approvedByASecondOwner_inForceFromItsDate_oldEntriesKeepVersion1() {
        browser.manage().window().setSize(new Dimension(1440, 900));
        signIn("process.owner", DEMO_PASSWORD);
        open("/process-owner/policies/" + PROFILE);
        byTest("notice-title").sendKeys(TITLE);
        byTest("notice-issuing-body").sendKeys("三门峡市教育局");
        byTest("notice-document-number").sendKeys("三教〔2026〕1号");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2027-01-01';", byTest("notice-effective-from"));
        byTest("copy-submit").click();
        waitUntil(() -> currentPath().startsWith("/process-owner/policy-drafts/"));
        String draftPage = currentPath();

        // The requirements table in dmn-js: the new version's school-based row, 16 → 10 hours, its label with it.
        find(By.cssSelector("[data-test='table-draft'][data-key='" + PolicyDecisions.REQUIREMENTS + "'] [data-test='edit-table-draft']"))
                .click();
        waitUntil(() -> "true".equals(byTest("editor").getDomAttribute("data-rendered")));
        assertThat(cell("Output_minimumHours").getText()).isEqualTo("16");
        typeIntoCell("Output_minimumHours", "10");
        typeIntoCell("Output_label", "\"校本研修每年10学时\"");
        byTest("draft-save").click();
        waitUntil(() -> byTest("editor-status").getText().contains("已保存（第 2 版）"));
        fullPageScreenshot("sanmenxia-notice-01-dmn-lowered");

        open(draftPage);
        // The page was rendered with a run already; 试算 swaps a new one in (htmx): wait for the swap,
        // or a click can land on the run being replaced.
        WebElement renderedRun = byTest("test-run");
        byTest("run-test-cases").click();
        waitUntil(() -> isStale(renderedRun));
        waitUntil(() -> !changedCases().isEmpty());
        assertThat(changedCases()).extracting(c -> c.getDomAttribute("data-seed-key"))
                .containsExactly("sanmenxia-2023/R-10-surplus-does-not-fill-another-category");
        waitUntil(() -> byTest("test-run-summary").getText().contains("草稿改变 1 个用例的结果"));
        // Looked up again at the click: the run's results are swapped in by htmx.
        find(By.cssSelector("[data-test='test-case'][data-changed='true'] [data-test='expect-draft']")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("[data-test='test-run-all-pass']")).isEmpty());
        byTest("start-impact").click();
        waitUntil(Duration.ofSeconds(90), () -> "DONE".equals(byTest("impact").getDomAttribute("data-state")));
        assertThat(Integer.parseInt(byTest("impact-checked").getText())).isPositive();
        fullPageScreenshot("sanmenxia-notice-02-tested-and-previewed");

        byTest("submit-publication").click();
        waitUntil(() -> currentPath().matches("/process-owner/publications/\\d+"));
        String publication = currentPath();
        assertThat(byTest("own-submission").isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("[data-test='approve']"))).as("four eyes: not the submitter").isEmpty();
        signOut();

        signIn("process.owner2", DEMO_PASSWORD);
        open("/process-owner/publications");
        WebElement awaiting = find(By.cssSelector("[data-test='publication'][data-state='SUBMITTED']"));
        assertThat(awaiting.getText()).contains("sanmenxia-2023 v2", "政策版本", TITLE, "2027-01-01", "process.owner");
        fullPageScreenshot("sanmenxia-notice-03-publications-awaiting");
        awaiting.findElement(By.tagName("a")).click();
        waitUntil(() -> currentPath().equals(publication));
        assertThat(find(By.cssSelector("[data-test='table-changes'][data-table='requirements']")).getText())
                .contains("Rule_requirements_11_v2", "10");
        byTest("approve").click();
        waitUntil(() -> byTest("done").isDisplayed());
        assertThat(byTest("publication-state").getText()).isEqualTo("已批准，待部署");

        // The job executor is off in the tests: run the publication case's deployment step as it would.
        String caseId = publication.substring(publication.lastIndexOf('/') + 1);
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("policyPublication")
                .processInstanceBusinessKey(caseId).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        open(publication);
        assertThat(byTest("publication-state").getText()).isEqualTo("已批准发布");
        assertThat(byTest("decided").getText()).startsWith("process.owner2");
        fullPageScreenshot("sanmenxia-notice-04-publication-approved");
        open("/process-owner/publications");
        fullPageScreenshot("sanmenxia-notice-05-publications-history");
        signOut();

        Teacher teacher = teachers.findByStaffNumber("4112020001001").orElseThrow();
        signIn("teacher.smx", DEMO_PASSWORD);
        open("/my/hours?date=2027-01-01");
        assertThat(byTest("profile").getText()).isEqualTo(TITLE);
        assertThat(schoolBased().getText()).contains("校本研修每年10学时", "应学 10 学时");
        fullPageScreenshot("sanmenxia-notice-06-status-on-the-effective-date");
        open("/my/hours?date=2026-12-31");
        assertThat(schoolBased().getText()).as("the day before: version 1").contains("应学 16 学时");
        open("/my/hours?date=2027-01-01");
        List<WebElement> of2025 = browser.findElements(By.cssSelector("[data-test='entry']")).stream()
                .filter(entry -> entry.getText().startsWith("2025-")).toList();
        assertThat(of2025).as("the demo teacher's 2025 entries, each explained by the version that computed it").isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getText()).contains("sanmenxia-2023 v1").doesNotContain("v2"));
        assertThat(ledger.entriesOf(teacher.getId())).filteredOn(entry -> entry.entryDate().getYear() == 2025)
                .isNotEmpty().allSatisfy(entry -> assertThat(entry.profileVersion()).isEqualTo(1));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        }
    }

    private WebElement cell(String column) {
        return find(By.cssSelector(ROW + "[data-col-id='" + column + "']"));
    }

    /** Clicks into the cell, replaces its text as a person would, and leaves it. */
    private void typeIntoCell(String column, String text) {
        WebElement editable = cell(column).findElement(By.cssSelector("[contenteditable]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", editable);
        editable.click();
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
        waitUntil(() -> cell(column).getText().equals(text));
        byTest("draft-heading").click();
    }

    private List<WebElement> changedCases() {
        return browser.findElements(By.cssSelector("[data-test='test-case'][data-changed='true']"));
    }

    private WebElement schoolBased() {
        return browser.findElements(By.cssSelector("[data-test='requirement']")).stream()
                .filter(row -> row.getText().contains("校本研修")).findFirst().orElseThrow();
    }
}
