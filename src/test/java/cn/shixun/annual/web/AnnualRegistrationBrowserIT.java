package cn.shixun.annual.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.annual.AnnualStanding;
import cn.shixun.annual.RegistrationProgress;
import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.SourceType;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R-33 as the demo accounts do it: {@code school.admin} declares 文化路第一小学's annual registration
 * from the home page, watches the batch finish, and approves the cards at once in the workbench;
 * {@code county.reviewer} returns the demo teacher's card for a clearer scan; the school amends it on
 * the card's case page (reached through the workbench's case-page link), approves it again, the
 * county approves it, and the teacher finds their published year under "我的年度登记".
 */
class AnnualRegistrationBrowserIT extends AnnualBrowserTestSupport {

    private static final String STAFF = "4101050001001";

    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired AnnualRegistrations registrations;
    @Autowired RegistrationProgress caseProgress;
    @Autowired ManagementService management;

    @Test
    void R33_schoolDeclares_countyReturnsOneCard_schoolAmendsItOnTheCasePage_countyApprovesIt() {
        Teacher teacher = teachers.findByStaffNumber(STAFF).orElseThrow();
        // The teacher's own application this year, with a scan on the ledger entry (not a project registration).
        ledger.register(teacher.getId(), Claim.of(ClaimKind.BUREAU_TRAINING, LocalDate.of(2026, 6, 10)).approved(true)
                        .title("外出跟岗学习").hours("16").build(),
                new Evidence(SourceType.APPLICATION, "browser-it", "BR-AN-1", List.of("files/跟岗证明-模糊.jpg")), "teacher");

        hireUpToThirtyTeachers(teacher.schoolId());

        signIn("school.admin", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/annual-registrations']")).click();
        waitUntil(() -> currentPath().equals("/annual-registrations"));
        assertThat(byTest("days-left").getText()).contains("2026-11-30", "还有 46 天");
        assertThat(browser.findElements(By.cssSelector("[data-test='teacher-row']"))).hasSizeGreaterThanOrEqualTo(30);
        assertThat(byTest("school-teachers").getText()).contains("不属于登记对象（R-01）");
        fullPageScreenshot("annual-01-school");

        byTest("declare-submit").click();
        waitUntil(() -> currentPath().startsWith("/annual-registrations/batches/"));
        assertThat(byTest("done").getText()).startsWith("已开始申报");
        screenshot("annual-02-batch-running");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver ->
                !driver.findElements(By.cssSelector("[data-test='batch-finished']")).isEmpty());
        assertThat(byTest("batch-count").getText()).matches("已处理 (\\d+) / \\1 位教师");
        assertThat(byTest("batch-progress").getText()).contains("已申报", "不属于登记对象（R-01）");
        assertThat(browser.findElements(By.cssSelector("[data-outcome='NOT_REGISTRABLE']"))).hasSize(1);
        fullPageScreenshot("annual-03-batch-finished");
        AnnualRegistration card = registrations.ofTeacher(teacher.getId()).get(0);

        // The school approves every card at once in the workbench.
        open("/tasks?process=annualRegistration");
        browser.findElements(By.cssSelector("[data-test='task-pick']")).forEach(WebElement::click);
        byTest("batch-approve").click();
        byTest("batch-confirm").click();
        assertThat(byTest("batch-result").getText()).contains("0 项未办理");
        assertThat(AnnualStanding.of(registrations, caseProgress, card.getId())).isEqualTo("OPEN@UserTask_AuthorityReview");
        signOut();

        // The county returns the demo teacher's card.
        signIn("county.reviewer", DEMO_PASSWORD);
        open("/tasks?process=annualRegistration");
        openTaskOf(STAFF);
        byTest("outcome-RETURN").click();
        byTest("comment").sendKeys("外出跟岗学习的证明扫描件不清晰，请重新上传");
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("退回修改");
        assertThat(AnnualStanding.of(registrations, caseProgress, card.getId())).isEqualTo("OPEN@UserTask_AmendCard");
        signOut();

        // The school (it declared the card) amends it on the case page, reached from its workbench.
        signIn("school.admin", DEMO_PASSWORD);
        open("/tasks?process=annualRegistration");
        openTaskOf(STAFF);
        assertThat(byTest("submission-hint").isDisplayed()).isTrue();
        byTest("case-page").click();
        waitUntil(() -> currentPath().equals("/annual-registrations/" + card.getId()));
        assertThat(byTest("return-comment").getText()).contains("证明扫描件不清晰", "赵明（金水区）");
        // The clearer scan is uploaded with the amendment and stored as the teacher's evidence file.
        Path scan = samplePdf("跟岗证明-清晰-", "Job shadowing certificate, clear scan");
        byTest("amend-files").sendKeys(scan.toAbsolutePath().toString());
        fullPageScreenshot("annual-04-card-returned");
        byTest("amend-submit").click();
        assertThat(byTest("done").getText()).contains("已提交补充材料");
        assertThat(byTest("card-status").getText()).isEqualTo("学校逐项审查中");
        WebElement attached = byTest("attached-file");
        assertThat(attached.getText()).startsWith(scan.getFileName().toString());
        assertThat(fetchDownload(attached.getAttribute("href"))).isEqualTo("200 application/pdf attachment %PDF-");
        fullPageScreenshot("annual-05-card-amended");
        open("/tasks?process=annualRegistration");
        openTaskOf(STAFF);
        byTest("outcome-APPROVE").click();
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("同意");
        signOut();

        signIn("county.reviewer", DEMO_PASSWORD);
        open("/tasks?process=annualRegistration");
        openTaskOf(STAFF);
        byTest("outcome-APPROVE").click();
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("同意");
        // The job executor registers and publishes the year in the running application; it is off in tests.
        for (Job job : management.createJobQuery().processInstanceId(card.processInstanceId()).messages().list()) {
            management.executeJob(job.getId());
        }
        signOut();

        signIn("teacher", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/annual-registrations/mine']")).click();
        waitUntil(() -> currentPath().equals("/annual-registrations/" + card.getId()));
        assertThat(byTest("card-status").getText()).isEqualTo("已登记并发布");
        assertThat(byTest("history").getText()).contains("退回修改", "重新提交", "登记结果已发布");
        screenshot("annual-06-teacher-published");
    }

    /**
     * A school of about thirty teachers, one without a qualification certificate, to see that the pages stay
     * readable; hired in 2021, so that no cycle of theirs ends in the period the cycle-verification test declares.
     */
    private void hireUpToThirtyTeachers(Long schoolId) {
        String[] names = {"王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴昊", "徐丽",
                "孙浩", "胡静", "朱军", "高峰", "林娜", "何平", "郭琳", "马超", "罗佳"};
        int have = teachers.atSchool(schoolId).size();
        for (int i = 0; have + i < 30 && i < names.length; i++) {
            teachers.hire(STAFF.substring(0, 10) + (500 + i), names[i], i % 2 == 0 ? "男" : "女", schoolId,
                    Stage.PRIMARY, "数学", i == 0 ? null : String.format("2010%012d", 4101050000L + i), LocalDate.of(2021, 9, 1));
        }
    }


    /** Opens the workbench detail of the task whose summary names the staff number. */
}
