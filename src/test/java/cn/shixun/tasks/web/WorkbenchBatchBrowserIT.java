package cn.shixun.tasks.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.annual.AnnualBatches;
import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.R04Schools;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A school's whole year in one action: the school declares 200 teachers' annual cards, and
 * its administrator selects the filtered list in the workbench, returns all 200 with one comment
 * after confirming the count, and reads a result per card.
 */
class WorkbenchBatchBrowserIT extends BrowserTestSupport {

    static final int CARDS = CaseTasks.MAX_BATCH;

    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired AnnualBatches batches;
    @Autowired AnnualRegistrations registrations;
    @Autowired CaseTasks tasks;
    @Autowired CaseHistory history;

    @Test
    void R33_R40_twoHundredAnnualCardsAreReturnedWithOneCommentInOneConfirmedAction() {
        R04Schools schools = new R04Schools(organisations, teachers, "kunming-2015");
        CurrentAccount schoolAdmin = accounts.createAccount(schools.prefix + ".school", "secret-123", "王丽",
                Role.SCHOOL_ADMIN, schools.countySchool.getId());
        for (int i = 0; i < CARDS; i++) {
            schools.teacherAt(schools.countySchool, Stage.PRIMARY);
        }
        Long batchId = batches.declare(schoolAdmin, schools.countySchool.getId(), 2026, Set.of(), null).batch().getId();
        List<AnnualRegistration> cards = registrations.ofBatch(batchId);
        assertThat(cards).hasSize(CARDS);

        signIn(schoolAdmin.username(), "secret-123");
        open("/tasks?process=annualRegistration");
        assertThat(byTest("workbench-count").getText()).contains("您有 200 项待办符合筛选条件");
        assertThat(browser.findElements(By.cssSelector("[data-test='task-row']"))).as("one page").hasSize(50);
        byTest("select-filtered").click();
        byTest("batch-comment").sendKeys("请上传本年度校本研修的学时证明后重新提交");
        byTest("batch-return").click();

        assertThat(byTest("batch-confirm-question").getText()).contains("200 项", "退回修改");
        assertThat(tasks.openTasks("annualRegistration", String.valueOf(cards.get(0).getId())))
                .as("nothing is decided before the confirmation").extracting(CaseTask::taskKey)
                .containsExactly("UserTask_SchoolReview");
        fullPageScreenshot("workbench-batch-01-confirm");
        byTest("batch-confirm").click();
        waitUntil(Duration.ofMinutes(5), () -> !browser.findElements(By.cssSelector("[data-test='batch-result']")).isEmpty());

        assertThat(byTest("batch-result").getText()).contains("批量退回修改：200 项已办理，0 项未办理");
        assertThat(browser.findElements(By.cssSelector("[data-test='batch-line']"))).hasSize(CARDS)
                .allSatisfy(line -> assertThat(line.getText()).contains("已退回", "2026年度登记"));
        screenshot("workbench-batch-02-results");
        for (AnnualRegistration card : cards) {
            String caseId = String.valueOf(card.getId());
            List<CaseEvent> events = history.of("annualRegistration", caseId);
            assertThat(events.get(events.size() - 1)).satisfies(last -> {
                assertThat(last.outcome()).isEqualTo(CaseOutcome.RETURNED);
                assertThat(last.comment()).isEqualTo("请上传本年度校本研修的学时证明后重新提交");
                assertThat(last.actor()).isEqualTo(schoolAdmin.username());
            });
            assertThat(tasks.openTasks("annualRegistration", caseId)).extracting(CaseTask::taskKey)
                    .containsExactly("UserTask_AmendCard");
        }
    }
}
