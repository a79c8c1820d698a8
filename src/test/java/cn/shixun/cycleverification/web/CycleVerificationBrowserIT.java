package cn.shixun.cycleverification.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.cycleverification.CycleVerification;
import cn.shixun.cycleverification.CycleVerifications;
import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * as the demo accounts do it: {@code school.admin} opens the five-year verification
 * from the home page, looks at 文化路第一小学's teachers whose cycle ended in 2022 (R-08: each
 * teacher's own cycle) with their hours against R-07, declares them and watches the batch finish;
 * {@code county.reviewer} approves both at once (the one short of hours is refused), the city and
 * the province approve the other in the workbench; its teacher opens the certificate from the case page.
 */
class CycleVerificationBrowserIT extends BrowserTestSupport {

    private static final String COMPLETE = "4101050001006";

    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired TeacherStatusQuery statusQuery;
    @Autowired Accounts accounts;
    @Autowired CycleVerifications verifications;
    @Autowired ManagementService management;

    @Test
    void R34_R36_schoolDeclares_countyCityProvinceApprove_andTheTeacherOpensTheCertificate() {
        Teacher teacher = teachers.findByStaffNumber(COMPLETE).orElseThrow();
        topUp(teacher, teacher.lastCertificateIssuedOn().plusYears(5).minusDays(1));
        accounts.createTeacherAccount("teacher006.browser", DEMO_PASSWORD, teacher.getId());

        signIn("school.admin", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/cycle-verifications']")).click();
        waitUntil(() -> currentPath().startsWith("/cycle-verifications"));
        open("/cycle-verifications?periodFrom=2022-01-01&periodTo=2022-12-31");
        assertThat(byTest("prospects").getText()).contains(teacher.name(), "360.00", "学时不足", "还差");
        assertThat(browser.findElements(By.cssSelector("[data-test='prospect']"))).hasSize(2);
        screenshot("cycle-01-school");

        byTest("declare-submit").click();
        waitUntil(() -> currentPath().startsWith("/cycle-verifications/batches/"));
        assertThat(byTest("done").getText()).startsWith("已申报");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver ->
                !driver.findElements(By.cssSelector("[data-test='batch-finished']")).isEmpty());
        assertThat(byTest("batch-count").getText()).isEqualTo("已启动 2 / 2 位教师的核准");
        screenshot("cycle-02-batch");
        CycleVerification verification = verifications.ofTeacher(teacher.getId()).get(0);
        signOut();

        // The county approves both at once: the teacher short of hours is refused, the other goes on.
        signIn("county.reviewer", DEMO_PASSWORD);
        approveAllShown(2);
        assertThat(byTest("batch-result").getText()).contains("1 项已办理，1 项未办理", "学时未达到要求");
        screenshot("cycle-03-county-batch");
        signOut();
        for (String reviewer : List.of("city.reviewer", "province.reviewer")) {
            signIn(reviewer, DEMO_PASSWORD);
            approveAllShown(1);
            assertThat(byTest("batch-result").getText()).contains("1 项已办理，0 项未办理");
            signOut();
        }
        // The job executor issues the certificate in the running application; it is off in tests.
        management.createJobQuery().processInstanceId(verification.processInstanceId()).list()
                .forEach(job -> management.executeJob(job.getId()));

        signIn("teacher006.browser", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/cycle-verifications/mine']")).click();
        waitUntil(() -> currentPath().equals("/cycle-verifications/" + verification.getId()));
        assertThat(byTest("case-status").getText()).isEqualTo("已核准发证");
        // Who approved, by name and organisation (the demo's county, city and province reviewers), not by username.
        assertThat(byTest("history").getText()).contains("学校申报", "赵明（金水区）", "陈静（郑州市）",
                "刘洋（河南省）", "发放登记证书", "系统自动办理").doesNotContain("county.reviewer");
        screenshot("cycle-04-teacher-case");
        byTest("certificate-link").click();
        waitUntil(() -> currentPath().startsWith("/certificates/"));
        assertThat(byTest("certificate-text").getText()).contains(teacher.name());
        screenshot("cycle-05-certificate");
    }

    /** In the workbench's cycle-verification list, ticks every task of 文化路第一小学 and approves them at once. */
    private void approveAllShown(int expected) {
        open("/tasks?process=cycleVerification");
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-test='task-row']")).stream()
                .filter(row -> row.getText().contains("文化路第一小学"))
                .toList();
        assertThat(rows).hasSize(expected);
        rows.forEach(row -> row.findElement(By.cssSelector("[data-test='task-pick']")).click());
        byTest("batch-approve").click();
        byTest("batch-confirm").click();
    }

    /** Registers what the teacher's cycle lacks, as the school would with the certificates it holds. */
    private void topUp(Teacher teacher, LocalDate cycleEnd) {
        TeacherStatus status = statusQuery.statusOf(teacher.getId(), cycleEnd);
        for (TeacherStatus.RequirementStatus r : status.requirements()) {
            if (r.code().equals("CYCLE_SCHOOL_BASED") && r.missing().signum() > 0) {
                register(teacher, ClaimKind.SCHOOL_BASED, "校本研修（补登）", cycleEnd.minusMonths(2), r.missing().toPlainString());
            }
        }
        status = statusQuery.statusOf(teacher.getId(), cycleEnd);
        for (TeacherStatus.RequirementStatus r : status.requirements()) {
            if (r.code().equals("CYCLE_TOTAL") && r.missing().signum() > 0) {
                register(teacher, ClaimKind.PROGRAMME_CERTIFIED, "省级骨干教师培训", cycleEnd.minusMonths(3),
                        r.missing().toPlainString());
            }
        }
    }

    private void register(Teacher teacher, ClaimKind kind, String title, LocalDate on, String hours) {
        ledger.register(teacher.getId(), Claim.of(kind, on).title(title).hours(hours).build(),
                Evidence.project("BROWSER-CV", "BROWSER-CV-" + teacher.staffNumber() + "-" + kind), "school.admin");
    }
}
