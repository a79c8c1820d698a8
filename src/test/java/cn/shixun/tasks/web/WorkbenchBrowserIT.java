package cn.shixun.tasks.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.R04Schools;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reviewer's workbench on the demo data: {@code county.reviewer} of 金水区 finds the
 * degree-exemption reviews that {@code school.admin} passed on, approves one, returns one with a
 * comment (after being told a return needs one), and approves two at once.
 */
class WorkbenchBrowserIT extends BrowserTestSupport {

    @Autowired CaseHistory history;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired DegreeExemptions exemptions;
    @Autowired EvidenceFiles evidence;

    @Test
    void R04_R40_countyReviewerApprovesReturnsAndBatchApprovesTheDemoReviews() {
        signIn("county.reviewer", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/tasks']")).click();
        waitUntil(() -> currentPath().startsWith("/tasks"));
        assertThat(byTest("workbench-heading").getText()).isEqualTo("待办审核");
        // The other procedures' demo cases are in the same list; this path works the degree exemptions.
        open("/tasks?process=degreeExemption");
        waitUntil(() -> currentPath().startsWith("/tasks"));
        List<WebElement> rows = rows();
        assertThat(rows).as("the demo reviews waiting for 金水区").hasSizeGreaterThanOrEqualTo(4);
        assertThat(byTest("worklist").getText()).contains("学历提升免修申请", "登记机构审核", "河南师范大学");
        int before = rows.size();
        fullScreenshot("workbench-01-list");

        // Approve the first: the detail opens beside the list (htmx), with the history and the applicant's hours.
        String approved = open(0);
        assertThat(byTest("history").getText()).contains("提交申请", "学校审核", "同意", "王丽（", "学历证书原件已核验");
        assertThat(byTest("applicant-hours").getAttribute("href")).matches(".*/teachers/\\d+/hours");
        fullScreenshot("workbench-02-detail");
        byTest("outcome-APPROVE").click();
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("已办理", "同意");
        assertThat(rows()).hasSize(before - 1);
        assertThat(lastEvent(approved).outcome()).isEqualTo(CaseOutcome.APPROVED);
        assertThat(lastEvent(approved).actor()).isEqualTo("county.reviewer");

        // Return the next: without a comment it is refused and nothing changes; with one it goes back.
        String returned = open(0);
        byTest("outcome-RETURN").click();
        byTest("decide").click();
        assertThat(byTest("error").getText()).contains("必须填写意见");
        assertThat(rows()).hasSize(before - 1);
        assertThat(byTest("outcome-RETURN").isSelected()).isTrue();
        byTest("comment").sendKeys("请补充学位证书扫描件");
        fullScreenshot("workbench-03-return");
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("退回修改");
        assertThat(rows()).hasSize(before - 2);
        assertThat(lastEvent(returned).outcome()).isEqualTo(CaseOutcome.RETURNED);
        assertThat(lastEvent(returned).comment()).isEqualTo("请补充学位证书扫描件");

        // Approve two at once.
        List<WebElement> picks = browser.findElements(By.cssSelector("[data-test='task-pick']"));
        String first = rows().get(0).getAttribute("data-task-id");
        String second = rows().get(1).getAttribute("data-task-id");
        picks.get(0).click();
        picks.get(1).click();
        byTest("batch-approve").click();
        assertThat(byTest("batch-confirm-question").getText()).contains("2 项", "同意");
        assertThat(rows()).as("nothing decided before the confirmation").hasSize(before - 2);
        byTest("batch-confirm").click();
        assertThat(byTest("batch-result").getText()).contains("2 项已办理，0 项未办理");
        assertThat(browser.findElements(By.cssSelector("[data-test='batch-line']"))).hasSize(2)
                .allSatisfy(line -> assertThat(line.getText()).contains("已同意", "登记机构审核"));
        assertThat(rows()).hasSize(before - 4);
        assertThat(rows()).extracting(row -> row.getAttribute("data-task-id")).doesNotContain(first, second);
        fullScreenshot("workbench-04-batch");
    }

    @Test
    void R40_aReturnRefusedForWantOfACommentStaysAReturn_andWithTheCommentTheCaseIsReturnedNotApproved() {
        R04Schools schools = new R04Schools(organisations, teachers);
        CurrentAccount schoolAdmin = accounts.createAccount(schools.prefix + ".school", "secret-123", "王丽",
                Role.SCHOOL_ADMIN, schools.countySchool.getId());
        Teacher teacher = schools.teacherAt(schools.countySchool, Stage.PRIMARY);
        long id = exemptions.apply(teacher.getId(), "applicant", new Diploma("河南大学", DegreeLevel.BACHELOR, "教育学",
                true, LocalDate.of(2022, 9, 1), LocalDate.of(2024, 7, 1), "WB-" + System.nanoTime(),
                StoredEvidence.of(evidence, teacher.getId()))).getId();
        String task = exemptions.openTask(id).orElseThrow().id();
        signIn(schoolAdmin.username(), "secret-123");
        open("/tasks?task=" + task);
        assertThat(browser.findElements(By.cssSelector("[data-test^='outcome-']")))
                .as("no outcome is chosen before the reviewer picks one").hasSize(3)
                .noneMatch(WebElement::isSelected);

        byTest("outcome-RETURN").click();
        byTest("decide").click();
        assertThat(byTest("error").getText()).contains("必须填写意见");
        assertThat(byTest("outcome-RETURN").isSelected()).as("the refused return is still chosen").isTrue();
        assertThat(byTest("outcome-APPROVE").isSelected()).isFalse();
        fullPageScreenshot("workbench-05-return-refused");

        byTest("comment").sendKeys("请补充学位证书扫描件");
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("退回修改");
        List<CaseEvent> events = history.of("degreeExemption", String.valueOf(id));
        assertThat(events.get(events.size() - 1).outcome()).isEqualTo(CaseOutcome.RETURNED);
        assertThat(events).extracting(CaseEvent::outcome).doesNotContain(CaseOutcome.APPROVED);
        assertThat(exemptions.openTask(id).orElseThrow().kind()).isEqualTo(CaseTask.Kind.SUBMISSION);
    }

    @Test
    void theWorkbenchReadsAsATableAt1440pxAndAsCardsOnA390pxPhone_theChosenTaskOnTop() {
        signIn("county.reviewer", DEMO_PASSWORD);
        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(1440, 900));
            open("/tasks");
            WebElement first = rows().get(0).findElement(By.cssSelector("[data-test='task-link']"));
            assertThat(first.getSize().getWidth()).as("the case column is not squeezed to a few characters")
                    .isGreaterThan(250);
            assertThat(noSidewaysScroll()).isTrue();
            for (WebElement badge : browser.findElements(By.cssSelector("[data-test='overdue']"))) {
                WebElement cell = badge.findElement(By.xpath("./ancestor::td"));
                assertThat(badge.getRect().getX() + badge.getRect().getWidth())
                        .as("the 已超期 badge inside its cell").isLessThanOrEqualTo(cell.getRect().getX() + cell.getRect().getWidth());
            }
            fullPageScreenshot("workbench-1440");

            browser.manage().window().setSize(new Dimension(390, 844));
            open("/tasks");
            assertThat(noSidewaysScroll()).as("no sideways scrolling on a phone").isTrue();
            fullPageScreenshot("workbench-390-list");
            String task = rows().get(3).getAttribute("data-task-id");
            open("/tasks?task=" + task);
            assertThat(byTest("task-detail").getRect().getY()).as("the chosen task above the list")
                    .isLessThan(byTest("worklist").getRect().getY());
            assertThat(noSidewaysScroll()).isTrue();
            screenshot("workbench-390-detail");
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private boolean noSidewaysScroll() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("[data-test='task-row']"));
    }

    /** Opens the index-th task of the list; returns its case id as the detail shows it. */
    private String open(int index) {
        WebElement link = rows().get(index).findElement(By.cssSelector("[data-test='task-link']"));
        String summary = link.getText();
        link.click();
        waitUntil(() -> byTest("detail-summary").getText().equals(summary));
        return byTest("task-detail").findElement(By.xpath(".//dd[2]")).getText();
    }

    private CaseEvent lastEvent(String caseId) {
        List<CaseEvent> events = history.of("degreeExemption", caseId);
        return events.get(events.size() - 1);
    }

    private void fullScreenshot(String name) {
        screenshot(name);
    }
}
