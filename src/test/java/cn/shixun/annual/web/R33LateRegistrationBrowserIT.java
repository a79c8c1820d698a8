package cn.shixun.annual.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.annual.AnnualStanding;
import cn.shixun.annual.RegistrationProgress;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The late path after the annual deadline as the demo accounts take it (补报, R-33, issue 14), on 5 December:
 * 文化路第一小学's declaration was due 30 November. {@code school.admin} finds the 集中申报 card saying why — the
 * date and its 依据 — and files the school late with a reason; {@code county.reviewer} sees 补报 and the reason in
 * the workbench and accepts the late filing; the school and the county approve the demo teacher's card as usual;
 * the teacher finds the year registered and published, marked 补报; a Kunming teacher without a card finds the late
 * path on 我的年度登记. Screenshots at 1440 px and 390 px
 * ({@code target/screenshots/annual-late-*.png}). A context of its own (the clock on 5 December), so an engine of
 * its own name (ItContextConventionsTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shixun.demo-data.enabled=true", "shixun.clock.fixed=2026-12-05T10:00+08:00",
                "camunda.bpm.process-engine-name=" + R33LateRegistrationBrowserIT.ENGINE})
class R33LateRegistrationBrowserIT extends AnnualBrowserTestSupport {

    static final String ENGINE = "lateBrowser";
    private static final String STAFF = "4101050001001";
    private static final String REASON = "学校11月下旬教务系统故障，未能在截止日前集中申报";

    @Autowired Teachers teachers;
    @Autowired AnnualRegistrations registrations;
    @Autowired RegistrationProgress caseProgress;
    @Autowired ManagementService management;
    @Autowired CaseTasks tasks;

    @Test
    void R33_afterTheDeadline_theSchoolFilesLateWithAReason_theCountyAccepts_andTheYearIsRegisteredMarkedLate() {
        Teacher teacher = teachers.findByStaffNumber(STAFF).orElseThrow();
        Dimension before = browser.manage().window().getSize();
        try {
            signIn("school.admin", DEMO_PASSWORD);
            browser.manage().window().setSize(new Dimension(390, 844));
            open("/annual-registrations");
            WebElement closed = byTest("late-closed");
            assertThat(closed.getText()).contains("本年度集中申报已于 2026-11-30 截止", "依据", "补报可办理到 2026-12-20");
            assertThat(browser.findElements(By.cssSelector("[data-test='declare-submit']"))).isEmpty();
            closed.findElement(By.cssSelector("[data-test='basis'] summary")).click();
            assertThat(noSidewaysScroll()).as("no sideways scrolling on a phone").isTrue();
            fullPageScreenshot("annual-late-01-school-390");
            browser.manage().window().setSize(new Dimension(1440, 900));
            open("/annual-registrations");
            byTest("late-reason").sendKeys(REASON);
            fullPageScreenshot("annual-late-02-school-1440");
            byTest("late-submit").click();
            waitUntil(() -> currentPath().startsWith("/annual-registrations/batches/"));
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver ->
                    !driver.findElements(By.cssSelector("[data-test='batch-finished']")).isEmpty());
            AnnualRegistration card = registrations.ofTeacher(teacher.getId()).get(0);
            assertThat(browser.findElements(By.cssSelector("[data-test='late-badge']"))).as("each card marked 补报")
                    .hasSize(registrations.ofBatch(card.batchId()).size());
            fullPageScreenshot("annual-late-03-batch-1440");
            assertThat(card.late()).isTrue();
            assertThat(AnnualStanding.of(registrations, caseProgress, card.getId())).isEqualTo("OPEN@UserTask_LateReview");
            signOut();

            // The county reads the reason in the workbench and accepts the late filing.
            signIn("county.reviewer", DEMO_PASSWORD);
            open("/tasks?process=annualRegistration");
            openTaskOf(STAFF);
            assertThat(byTest("detail-heading").getText()).isEqualTo("登记机构审核补报");
            assertThat(byTest("detail-summary").getText()).contains("补报（2026-12-05）", "原因：" + REASON);
            assertThat(byTest("task-detail").getText()).contains("学校集中申报（补报）");
            fullPageScreenshot("annual-late-04-workbench-1440");
            browser.manage().window().setSize(new Dimension(390, 844));
            open("/tasks?process=annualRegistration&task="
                    + tasks.openTask(AnnualRegistrations.PROCESS_KEY, String.valueOf(card.getId())).orElseThrow().id());
            assertThat(noSidewaysScroll()).isTrue();
            fullPageScreenshot("annual-late-05-workbench-390");
            browser.manage().window().setSize(new Dimension(1440, 900));
            decide("APPROVE", "理由属实，同意补报");
            signOut();

            // As usual: the school checks the card, the county registers it.
            signIn("school.admin", DEMO_PASSWORD);
            open("/tasks?process=annualRegistration");
            openTaskOf(STAFF);
            assertThat(byTest("detail-heading").getText()).isEqualTo("学校逐项审查");
            decide("APPROVE", null);
            signOut();
            signIn("county.reviewer", DEMO_PASSWORD);
            open("/tasks?process=annualRegistration");
            openTaskOf(STAFF);
            assertThat(byTest("detail-heading").getText()).isEqualTo("登记机构审核登记");
            decide("APPROVE", null);
            // The job executor registers and publishes the year in the running application; it is off in tests.
            for (Job job : management.createJobQuery().processInstanceId(card.processInstanceId()).messages().list()) {
                management.executeJob(job.getId());
            }
            signOut();

            signIn("teacher", DEMO_PASSWORD);
            open("/annual-registrations/mine");
            waitUntil(() -> currentPath().equals("/annual-registrations/" + card.getId()));
            assertThat(byTest("card-status").getText()).isEqualTo("已登记并发布");
            assertThat(byTest("late-mark").getText()).contains("补报", "2026-12-05", REASON);
            assertThat(byTest("history").getText()).contains("学校集中申报（补报）", "登记机构审核补报", "登记结果已发布");
            fullPageScreenshot("annual-late-06-teacher-1440");
            browser.manage().window().setSize(new Dimension(390, 844));
            open("/annual-registrations/" + card.getId());
            assertThat(noSidewaysScroll()).isTrue();
            fullPageScreenshot("annual-late-07-teacher-390");
            signOut();

            // A Kunming teacher whose school has not declared: 我的年度登记 says why (31 October, 依据) and offers 补报.
            signIn("teacher.km", DEMO_PASSWORD);
            open("/annual-registrations/mine");
            assertThat(byTest("late-closed").getText()).contains("2026-10-31，已过期限", "依据", "补报可办理到 2026-12-15");
            assertThat(byTest("late-submit").getText()).isEqualTo("补报我的年度登记");
            assertThat(noSidewaysScroll()).isTrue();
            fullPageScreenshot("annual-late-08-teacher-mine-390");
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private void decide(String outcome, String comment) {
        byTest("outcome-" + outcome).click();
        if (comment != null) {
            byTest("comment").sendKeys(comment);
        }
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("同意");
    }

    private boolean noSidewaysScroll() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
    }
}
