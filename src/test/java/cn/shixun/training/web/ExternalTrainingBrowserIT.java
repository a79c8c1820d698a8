package cn.shixun.training.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.training.ExternalTraining;
import cn.shixun.training.ExternalTrainings;
import cn.shixun.training.TrainingStanding;
import cn.shixun.training.TrainingStatus;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R-31 as the demo accounts do it in the browser: {@code teacher} applies from the home page for a
 * training at 郑州师范学院 that starts in a few days (first with a start of today, refused beside the
 * field), {@code school.admin} opens the case page from the workbench and consents there; the
 * training takes place (its dates moved into the past and its end timer run, as the scenario tests
 * do: the business clock gives the only "today" and the job executor is off in tests); the
 * teacher submits the certificate with a PDF scan, seeing the policy's hint; the school returns it
 * with a comment, the teacher amends it, the school and {@code county.reviewer} (金水区, R-04)
 * approve, and {@code /my/hours} shows the credited training (R-21).
 */
class ExternalTrainingBrowserIT extends BrowserTestSupport {

    private static final String PROJECT = "小学科学探究式教学研修班";

    @Autowired Clock clock;
    @Autowired ExternalTrainings trainings;
    @Autowired CaseTasks tasks;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    @Test
    void R31_R04_R21_teacherAppliesSchoolConsentsCompletionReturnedAmendedApproved_andTheHoursAreCredited()
            throws IOException {
        Path notice = pdf("培训通知.pdf", "Training notice");
        Path scan = pdf("结业证书.pdf", "Certificate");
        Path stampedScan = pdf("结业证书-盖章页.pdf", "Certificate with stamp");

        // The teacher applies from the home page; a start of today is refused beside the field.
        signIn("teacher", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/my/trainings']")).click();
        waitUntil(() -> currentPath().equals("/my/trainings"));
        screenshot("training-01-mine");
        byTest("new-application").click();
        waitUntil(() -> currentPath().equals("/my/trainings/new"));
        Select provider = new Select(byTest("providerId"));
        assertThat(provider.getOptions()).extracting(WebElement::getText)
                .as("R-06: only qualified providers, with their kind")
                .anySatisfy(text -> assertThat(text).startsWith("郑州师范学院（"))
                .noneSatisfy(text -> assertThat(text).startsWith("郑州启航教育咨询有限公司"));
        fillApplication(LocalDate.now(clock), notice);
        // The date fields' own minimum (tomorrow) would stop the browser; the server must refuse all the same.
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('input[type=date]').forEach(i => i.removeAttribute('min'))");
        screenshot("training-02-new-filled");
        byTest("submit-application").click();
        assertThat(byTest("error-startDate").getText()).contains("须在开始前经学校同意", "R-31");
        assertThat(byTest("projectName").getDomProperty("value")).as("the form keeps what was typed").isEqualTo(PROJECT);
        screenshot("training-03-new-refused");
        LocalDate start = LocalDate.now(clock).plusDays(5);
        setDate("startDate", start);
        setDate("endDate", start.plusDays(2));
        byTest("planScan").sendKeys(notice.toAbsolutePath().toString());
        byTest("submit-application").click();
        waitUntil(() -> currentPath().matches("/trainings/\\d+"));
        long id = Long.parseLong(currentPath().substring("/trainings/".length()));
        assertThat(byTest("done").getText()).contains("等待学校事先同意");
        assertThat(byTest("case-status").getText()).isEqualTo("学校事先审核中");
        assertThat(byTest("plan-file").getText()).contains("培训通知.pdf");
        screenshot("training-04-case-applied");
        signOut();

        // The school finds it in the workbench, opens the case page from there and consents.
        signIn("school.admin", DEMO_PASSWORD);
        openInWorkbench(id);
        byTest("case-page").click();
        waitUntil(() -> currentPath().equals("/trainings/" + id));
        assertThat(byTest("fact-project").getText()).isEqualTo(PROJECT);
        assertThat(browser.findElements(By.cssSelector("[data-test='amend-application-form']"))).isEmpty();
        screenshot("training-05-case-school");
        byTest("workbench-task").click();
        decide("APPROVE", null);
        assertThat(trainings.require(id).consentedAt()).isNotNull();
        assertThat(TrainingStanding.of(trainings, id)).as("waiting for the training to end").isEqualTo("OPEN@");
        signOut();

        // The training takes place: last year, so that this year's demo hours other tests read stay as they are.
        LocalDate end = LocalDate.now(clock).minusYears(1);
        jdbc.update("UPDATE external_training SET start_date = ?, end_date = ? WHERE id = ?", end.minusDays(2), end, id);
        management.executeJob(management.createJobQuery().processInstanceId(trainings.require(id).processInstanceId())
                .activityId("TimerEvent_TrainingEnded").singleResult().getId());

        // The teacher submits the certificate with its scan; the hint says what the policy credits.
        signIn("teacher", DEMO_PASSWORD);
        open("/my/trainings");
        browser.findElement(By.cssSelector("[data-test='training-row'][data-id='" + id + "'] [data-test='training-link']"))
                .click();
        waitUntil(() -> currentPath().equals("/trainings/" + id));
        assertThat(byTest("case-status").getText()).isEqualTo("待提交结业材料");
        byTest("certificateNumber").sendKeys("ZZSY-BROWSER-" + id);
        new Select(byTest("certificateKind")).selectByValue("EDUCATION_DEPARTMENT_NOTICE");
        byTest("statedHours").sendKeys("24");
        byTest("certificateScan").sendKeys(scan.toAbsolutePath().toString());
        assertThat(byTest("hint-hours").getText()).isEqualTo("24学时");
        screenshot("training-06-completion-filled");
        byTest("submit-completion").click();
        assertThat(byTest("done").getText()).contains("等待学校审核");
        assertThat(byTest("certificate-file").getText()).contains("结业证书.pdf");
        signOut();

        // The school returns it with a comment.
        signIn("school.admin", DEMO_PASSWORD);
        openInWorkbench(id);
        decide("RETURN", "证书扫描件缺少盖章页，请重新上传");
        signOut();

        // The teacher reads the comment and amends.
        signIn("teacher", DEMO_PASSWORD);
        open("/trainings/" + id);
        assertThat(byTest("return-comment").getText()).isEqualTo("证书扫描件缺少盖章页，请重新上传");
        assertThat(byTest("certificateNumber").getDomProperty("value")).isEqualTo("ZZSY-BROWSER-" + id);
        assertThat(byTest("statedHours").getDomProperty("value")).isEqualTo("24");
        byTest("certificateScan").sendKeys(stampedScan.toAbsolutePath().toString());
        screenshot("training-07-completion-returned");
        byTest("submit-completion").click();
        assertThat(byTest("done").getText()).contains("等待学校审核");
        assertThat(byTest("certificate-file").getText()).contains("结业证书-盖章页.pdf");
        signOut();

        // The school and the county (R-04 for 文化路第一小学: 金水区) approve.
        signIn("school.admin", DEMO_PASSWORD);
        openInWorkbench(id);
        decide("APPROVE", "证书与事先同意的申请一致");
        signOut();
        signIn("county.reviewer", DEMO_PASSWORD);
        openInWorkbench(id);
        screenshot("training-08-county-detail");
        decide("APPROVE", null);
        signOut();
        management.executeJob(management.createJobQuery().processInstanceId(trainings.require(id).processInstanceId())
                .activityId("ServiceTask_CheckProvider").singleResult().getId());
        ExternalTraining registered = trainings.require(id);
        assertThat(registered.status()).isEqualTo(TrainingStatus.REGISTERED);

        // The teacher sees the case closed and the training in their hours.
        signIn("teacher", DEMO_PASSWORD);
        open("/trainings/" + id);
        assertThat(byTest("case-status").getText()).isEqualTo("学时已登记");
        screenshot("training-09-case-registered");
        byTest("registered").findElement(By.cssSelector("a")).click();
        waitUntil(() -> currentPath().startsWith("/my/hours"));
        WebElement entry = find(By.id("entry-" + registered.ledgerEntryId()));
        assertThat(entry.getText()).contains(PROJECT, "24");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", entry);
        screenshot("training-10-my-hours");
    }

    private void fillApplication(LocalDate start, Path notice) {
        Select provider = new Select(byTest("providerId"));
        provider.getOptions().stream().filter(option -> option.getText().startsWith("郑州师范学院（")).findFirst()
                .orElseThrow().click();
        byTest("projectName").sendKeys(PROJECT);
        setDate("startDate", start);
        setDate("endDate", start.plusDays(2));
        byTest("place").sendKeys("郑州师范学院（郑州市金水区）");
        byTest("plannedContent").sendKeys("探究式教学设计、课堂观察与案例研讨");
        byTest("planScan").sendKeys(notice.toAbsolutePath().toString());
    }

    /** Date inputs take typed keys in the browser's locale order; the value itself is ISO everywhere. */
    private void setDate(String field, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", byTest(field),
                date.toString());
    }

    /** The workbench with the case's open review selected. */
    private void openInWorkbench(long id) {
        byTest("home-links").findElement(By.cssSelector("a[href='/tasks']")).click();
        waitUntil(() -> currentPath().startsWith("/tasks"));
        open("/tasks?process=" + ExternalTrainingProcess.PROCESS_ID);
        CaseTask task = tasks.openTask(ExternalTrainingProcess.PROCESS_ID, String.valueOf(id)).orElseThrow();
        browser.findElement(By.cssSelector("[data-test='task-row'][data-task-id='" + task.id() + "'] [data-test='task-link']"))
                .click();
        waitUntil(() -> byTest("detail-heading").getText().equals(task.name()));
    }

    private void decide(String outcome, String comment) {
        byTest("outcome-" + outcome).click();
        if (comment != null) {
            byTest("comment").sendKeys(comment);
        }
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("已办理");
    }

    private static Path pdf(String name, String text) throws IOException {
        Path dir = Files.createTempDirectory("shixun-training-");
        Path file = dir.resolve(name);
        Files.write(file, SamplePdf.withText(text));
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }
}
