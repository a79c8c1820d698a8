package cn.shixun.exemption.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A teacher of 文化路第一小学 applies for a degree exemption with a PDF scan from the home page;
 * {@code school.admin} opens the scan and approves in the workbench; {@code county.reviewer}
 * returns it with a comment; the teacher amends it on the case page; school and county approve;
 * the teacher's 我的学时 shows the exemption. The teacher is one of their own (not
 * the demo account {@code teacher}), so that the demo teacher's hours stay as other tests expect.
 */
class DegreeExemptionBrowserIT extends BrowserTestSupport {

    private static final String INSTITUTION = "华中师范大学";

    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired ManagementService management;
    @Autowired DegreeExemptions exemptions;

    @Test
    void R30_R16_theTeacherAppliesWithAScan_isReturned_amends_andIsExemptedAfterBothReviews() throws Exception {
        String username = newTeacherAccount();
        Path scan = Files.createTempFile("diploma-", ".pdf");
        Files.write(scan, SamplePdf.withText("Diploma of Central China Normal University"));

        // The teacher applies from the home page.
        signIn(username, DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/my/exemptions']")).click();
        waitUntil(() -> currentPath().equals("/my/exemptions"));
        assertThat(byTest("mine-empty").getText()).contains("还没有");
        byTest("new-application").click();
        waitUntil(() -> currentPath().equals("/my/exemptions/new"));
        byTest("institution").sendKeys(INSTITUTION);
        new Select(byTest("degreeLevel")).selectByVisibleText("研究生");
        byTest("major").sendKeys("学科教学（语文）");
        byTest("educationRelated-yes").click();
        date("studyStart", "2022-09-01");
        date("studyEnd", "2025-06-30");
        byTest("certificateNumber").sendKeys("10511-2025-" + System.nanoTime() % 100000);
        byTest("scan").sendKeys(scan.toAbsolutePath().toString());
        screenshot("exemption-01-application");
        byTest("apply").click();
        waitUntil(() -> currentPath().matches("/exemptions/\\d+"));
        String casePath = currentPath();
        assertThat(byTest("done").getText()).contains("申请已提交");
        assertThat(byTest("case-status").getText()).isEqualTo("学校审核中");
        assertThat(byTest("scan-link").getText()).startsWith(scan.getFileName().toString());
        screenshot("exemption-02-case-applied");
        signOut();

        // The school administrator finds it in the workbench, opens the case page and the scan, and approves.
        signIn("school.admin", DEMO_PASSWORD);
        openTaskInWorkbench();
        byTest("case-page").click();
        waitUntil(() -> currentPath().equals(casePath));
        assertThat(fetchDownload(byTest("scan-link").getAttribute("href"))).isEqualTo("200 application/pdf attachment %PDF-");
        screenshot("exemption-03-case-for-school");
        byTest("workbench-task").click();
        waitUntil(() -> currentPath().startsWith("/tasks?task="));
        byTest("outcome-APPROVE").click();
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("同意");
        signOut();

        // The county reviewer returns it with a comment.
        signIn("county.reviewer", DEMO_PASSWORD);
        openTaskInWorkbench();
        byTest("outcome-RETURN").click();
        byTest("comment").sendKeys("请写明专业全称：学科教学（语文）方向");
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("退回修改");
        signOut();

        // The teacher sees the comment on the case page and amends the prefilled form, keeping the scan.
        signIn(username, DEMO_PASSWORD);
        open("/my/exemptions");
        assertThat(byTest("application-status").getText()).isEqualTo("待修改申请材料");
        byTest("application-link").click();
        waitUntil(() -> currentPath().equals(casePath));
        assertThat(byTest("return-comment").getText()).isEqualTo("请写明专业全称：学科教学（语文）方向");
        assertThat(byTest("institution").getAttribute("value")).isEqualTo(INSTITUTION);
        assertThat(new Select(byTest("existingFile")).getFirstSelectedOption().getText())
                .startsWith(scan.getFileName().toString());
        WebElement major = byTest("major");
        major.clear();
        major.sendKeys("学科教学（语文）方向");
        screenshot("exemption-04-returned-amend");
        byTest("resubmit").click();
        waitUntil(() -> browser.findElements(By.cssSelector("[data-test='done']")).size() == 1);
        assertThat(byTest("done").getText()).contains("已重新提交");
        assertThat(byTest("fact-major").getText()).isEqualTo("学科教学（语文）方向");
        assertThat(byTest("case-status").getText()).isEqualTo("学校审核中");
        signOut();

        // School and county approve.
        for (String reviewer : List.of("school.admin", "county.reviewer")) {
            signIn(reviewer, DEMO_PASSWORD);
            openTaskInWorkbench();
            byTest("outcome-APPROVE").click();
            byTest("decide").click();
            assertThat(byTest("done").getText()).contains("同意");
            signOut();
        }
        // The ledger step is asynchronous; the job executor is off in tests, so its job is run here.
        Long caseId = Long.valueOf(casePath.substring("/exemptions/".length()));
        Job credit = management.createJobQuery().processInstanceId(exemptions.require(caseId).processInstanceId())
                .singleResult();
        management.executeJob(credit.getId());

        signIn(username, DEMO_PASSWORD);
        open(casePath);
        assertThat(byTest("case-status").getText()).isEqualTo("已免修登记");
        assertThat(byTest("history").getText()).contains("登记免修学时", "退回修改", "重新提交");
        screenshot("exemption-05-exempted");
        open("/my/hours");
        assertThat(browser.findElements(By.cssSelector("[data-test='requirement-state']")))
                .anySatisfy(state -> assertThat(state.getText()).isEqualTo("学历免修"));
        screenshot("exemption-06-hours");
    }

    /**
     * A new registrable teacher at 文化路第一小学 with an account of their own; returns the username.
     * Hired in September 2022, so that no cycle of theirs ends in 2022, the period the
     * cycle-verification browser test declares for the same school in the same database.
     */
    private String newTeacherAccount() {
        Long school = organisations.findByCode("4101050001").orElseThrow().getId();
        int n = (int) (System.nanoTime() % 90) + 900;
        Teacher teacher = teachers.hire("4101050001" + n, "周晓梅", "女", school, Stage.PRIMARY, "语文",
                "20094100000" + n + "01", LocalDate.of(2022, 9, 1));
        String username = "browser.teacher" + n;
        accounts.createTeacherAccount(username, DEMO_PASSWORD, teacher.getId());
        return username;
    }

    /** Opens the workbench on the degree exemptions and this case's task, by the institution in its summary. */
    private void openTaskInWorkbench() {
        open("/tasks?process=degreeExemption");
        WebElement row = browser.findElements(By.cssSelector("[data-test='task-row']")).stream()
                .filter(candidate -> candidate.getText().contains(INSTITUTION)).findFirst().orElseThrow();
        row.findElement(By.cssSelector("[data-test='task-link']")).click();
        waitUntil(() -> byTest("detail-summary").getText().contains(INSTITUTION));
    }

    private void date(String field, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", byTest(field), isoDate);
    }
}
