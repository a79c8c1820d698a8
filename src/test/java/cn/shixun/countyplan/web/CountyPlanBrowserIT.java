package cn.shixun.countyplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.countyplan.CountyPlan;
import cn.shixun.countyplan.CountyPlans;
import cn.shixun.countyplan.PlanStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * as the demo accounts do it in the browser: {@code county.reviewer} drafts 金水区's
 * plan for this year with two projects (a senior-high project is refused beside its field until it
 * is marked a key-teacher project) and files it; {@code city.reviewer} returns it in the workbench
 * with a comment; the county amends it on the case page; the city approves, follows the workbench's
 * link to the case page and records the HR bureau's filing; the county sends the summary; the city
 * approves the audit; the hours are registered and the demo teacher sees them on 我的学时.
 */
class CountyPlanBrowserIT extends BrowserTestSupport {

    private static final String DEMO_TEACHER = "4101050001001";

    @Autowired Clock clock;
    @Autowired CountyPlans plans;
    @Autowired ManagementService management;

    private int year;

    @BeforeEach
    void thisYear() {
        year = LocalDate.now(clock).getYear();
    }

    @Test
    void R32_R05_R04_countyFilesAmendsAndReports_cityReturnsApprovesFilesAndAudits_untilTheHoursAreRegistered() {
        // The county drafts and files its plan from the home page.
        signIn("county.reviewer", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/county-plans']")).click();
        waitUntil(() -> currentPath().equals("/county-plans"));
        assertThat(byTest("plans-heading").getText()).isEqualTo("年度培训计划");
        fullPageScreenshot("countyplan-01-list-empty");
        byTest("new-plan").click();
        waitUntil(() -> currentPath().equals("/county-plans/new"));
        fillProject(0, "小学语文骨干教师培训", "BLENDED", "PRIMARY", false, "40",
                "3月：新课标解读（8学时）；4月：名师示范课观摩（8学时）；5月：教学设计工作坊（8学时）");
        byTest("add-project").click();
        waitUntil(() -> projectRows().size() == 2);
        fillProject(1, "高中物理教师实验教学培训", "IN_PERSON", "SENIOR_HIGH", false, "25", "7月：实验教学专题（12学时）");
        fullPageScreenshot("countyplan-02-new-two-projects");
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(420, 900));
        screenshot("countyplan-02-new-phone");
        browser.manage().window().setSize(desktop);
        byTest("file-plan").click();
        WebElement stageError = byTest("project-error");
        assertThat(stageError.getText()).contains("高中教师培训项目由省级教育行政部门设计", "R-05");
        assertThat(projectRows()).hasSize(2);
        assertThat(projectRows().get(1).findElement(By.cssSelector("[data-test='project-name']")).getAttribute("value"))
                .isEqualTo("高中物理教师实验教学培训");
        fullPageScreenshot("countyplan-03-new-refused-R05");
        projectRows().get(1).findElement(By.cssSelector("[data-test='project-key-teacher']")).click();
        byTest("file-plan").click();
        waitUntil(() -> currentPath().matches("/county-plans/\\d+"));
        long planId = Long.parseLong(currentPath().substring("/county-plans/".length()));
        assertThat(byTest("done").getText()).contains("已报送");
        assertThat(byTest("status").getText()).isEqualTo("市教育局审核培训计划中");
        assertThat(byTest("filed-on").getText()).contains(LocalDate.now(clock).toString(), year + "-04-01");
        assertThat(browser.findElements(By.cssSelector("[data-test='late']")))
                .hasSize(LocalDate.now(clock).isAfter(LocalDate.of(year, 4, 1)) ? 1 : 0);
        assertThat(browser.findElements(By.cssSelector("[data-test='plan-project']"))).hasSize(2);
        fullPageScreenshot("countyplan-04-filed");
        signOut();

        // The city returns it in the workbench with a comment.
        signIn("city.reviewer", DEMO_PASSWORD);
        openFromWorkbench(planId);
        assertThat(byTest("case-page").getAttribute("href")).endsWith("/county-plans/" + planId);
        byTest("outcome-RETURN").click();
        byTest("comment").sendKeys("请把高中物理项目的课程安排细化到每次活动");
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("退回修改");
        signOut();

        // The county amends it on the case page, with the city's comment above the form.
        signIn("county.reviewer", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/county-plans']")).click();
        waitUntil(() -> currentPath().equals("/county-plans"));
        assertThat(byTest("plan-row").getText()).contains("待修改培训计划", "金水区");
        assertThat(byTest("waiting-for").getText()).isEqualTo("县（区）");
        byTest("plan-link").click();
        waitUntil(() -> currentPath().equals("/county-plans/" + planId));
        assertThat(byTest("returned").getText()).contains("请把高中物理项目的课程安排细化到每次活动", "陈静（郑州市）");
        WebElement schedule = projectRows().get(1).findElement(By.cssSelector("[data-test='project-schedule']"));
        schedule.clear();
        schedule.sendKeys("7月8日：实验教学专题讲座（4学时）；7月9日：分组实验（4学时）；7月10日：实验说课展示（4学时）");
        fullPageScreenshot("countyplan-05-amend");
        byTest("amend-submit").click();
        assertThat(byTest("done").getText()).contains("已重新报送");
        assertThat(byTest("status").getText()).isEqualTo("市教育局审核培训计划中");
        assertThat(byTest("history").getText()).contains("修改前的培训计划", "重新提交");
        signOut();

        // The city approves, then records the HR bureau's filing on the case page it reaches from the workbench.
        signIn("city.reviewer", DEMO_PASSWORD);
        openFromWorkbench(planId);
        byTest("outcome-APPROVE").click();
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("同意");
        openFromWorkbench(planId);
        assertThat(byTest("submission-hint").isDisplayed()).isTrue();
        byTest("case-page").click();
        waitUntil(() -> currentPath().equals("/county-plans/" + planId));
        assertThat(byTest("hr-bureau").getAttribute("value")).isEqualTo("郑州市人力资源和社会保障局");
        byTest("hr-receipt").sendKeys("ZZRS-BA-" + year + "-0105");
        fullPageScreenshot("countyplan-06-hr-filing");
        byTest("hr-submit").click();
        assertThat(byTest("done").getText()).contains("已登记人社部门备案");
        assertThat(byTest("status").getText()).isEqualTo("待报送培训总结");
        assertThat(byTest("filed").getText()).isEqualTo("已备案");
        assertThat(byTest("hr-filing").getText()).contains("ZZRS-BA-" + year + "-0105", "city.reviewer");
        signOut();

        // The county sends the training summary.
        signIn("county.reviewer", DEMO_PASSWORD);
        open("/county-plans/" + planId);
        assertThat(browser.findElements(By.cssSelector("[data-test='returned']")))
                .as("the plan's return is answered; nothing returned the summary").isEmpty();
        byTest("summary-text").sendKeys("两个项目均按计划完成，参训教师反馈良好；问题：部分学校调课困难。");
        List<WebElement> reports = browser.findElements(By.cssSelector("[data-test='report']"));
        assertThat(reports).hasSize(2);
        for (int i = 0; i < reports.size(); i++) {
            WebElement report = reports.get(i);
            report.findElement(By.cssSelector("[data-test='report-hours']")).sendKeys("12");
            setValue(report.findElement(By.cssSelector("[data-test='report-start']")), year + "-01-0" + (2 + i));
            setValue(report.findElement(By.cssSelector("[data-test='report-end']")), year + "-01-0" + (3 + i));
            // Each project's scanned sign-in sheet is uploaded with the summary.
            report.findElement(By.cssSelector("[data-test='upload-sheet-" + i + "']")).sendKeys(
                    samplePdf("sign-in-" + (i + 1) + "-", "Sign-in sheet " + year + "-0" + (i + 1)).toString());
            report.findElement(By.cssSelector("[data-test='report-participants']")).sendKeys(DEMO_TEACHER);
        }
        assertThat(reports.get(0).findElement(By.cssSelector("[data-test='participant-count']")).getText()).contains("1 人");
        fullPageScreenshot("countyplan-07-summary");
        byTest("summary-submit").click();
        assertThat(byTest("done").getText()).contains("培训总结已报送");
        assertThat(byTest("status").getText()).isEqualTo("市教育局审核培训总结中");
        List<WebElement> sheets = browser.findElements(By.cssSelector("[data-test='sign-in-sheet']"));
        assertThat(sheets).hasSize(2).allSatisfy(sheet -> assertThat(sheet.getText()).startsWith("sign-in-"));
        assertThat(fetchDownload(sheets.get(0).getAttribute("href"))).isEqualTo("200 application/pdf attachment %PDF-");
        fullPageScreenshot("countyplan-07b-summary-sent");
        signOut();

        // The city approves the audit; the registration runs (the job executor does it in the running application).
        signIn("city.reviewer", DEMO_PASSWORD);
        // The city reads a sheet before deciding.
        open("/county-plans/" + planId);
        assertThat(fetchDownload(byTest("sign-in-sheet").getAttribute("href")))
                .isEqualTo("200 application/pdf attachment %PDF-");
        openFromWorkbench(planId);
        byTest("comment").sendKeys("学时核实无误");
        byTest("outcome-APPROVE").click();
        byTest("decide").click();
        assertThat(byTest("done").getText()).contains("同意");
        CountyPlan audited = plans.require(planId);
        Job register = management.createJobQuery().processInstanceId(audited.processInstanceId()).executable()
                .singleResult();
        management.executeJob(register.getId());
        open("/county-plans/" + planId);
        assertThat(byTest("status").getText()).isEqualTo("学时已登记");
        assertThat(byTest("closed").getText()).contains("本计划已办结");
        assertThat(byTest("hr-filing").getText()).contains("郑州市人力资源和社会保障局");
        assertThat(byTest("reports").getText()).contains(DEMO_TEACHER, "已登记学时");
        assertThat(plans.require(planId).status()).isEqualTo(PlanStatus.REGISTERED);
        assertThat(plans.require(planId).isFiled()).isTrue();
        fullPageScreenshot("countyplan-08-registered");
        signOut();

        // The teacher's own hours show both projects.
        signIn("teacher", DEMO_PASSWORD);
        open("/my/hours");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("小学语文骨干教师培训", "高中物理教师实验教学培训");
    }

    /** Opens the workbench from the home page and selects the plan's open task. */
    private void openFromWorkbench(long planId) {
        open("/");
        byTest("home-links").findElement(By.cssSelector("a[href='/tasks']")).click();
        waitUntil(() -> currentPath().startsWith("/tasks"));
        String task = plans.openTasks(planId).get(0).id();
        WebElement row = find(By.cssSelector("[data-test='task-row'][data-task-id='" + task + "']"));
        row.findElement(By.cssSelector("[data-test='task-link']")).click();
        waitUntil(() -> byTest("task-detail").getText().contains(String.valueOf(year)));
        waitUntil(() -> browser.getCurrentUrl().contains(task));
    }

    private List<WebElement> projectRows() {
        return browser.findElements(By.cssSelector("#projects [data-test='project-row']"));
    }

    private void fillProject(int index, String name, String mode, String stage, boolean keyTeacher, String headcount,
                             String schedule) {
        WebElement row = projectRows().get(index);
        row.findElement(By.cssSelector("[data-test='project-name']")).sendKeys(name);
        new Select(row.findElement(By.cssSelector("[data-test='project-mode']"))).selectByValue(mode);
        new Select(row.findElement(By.cssSelector("[data-test='project-stage']"))).selectByValue(stage);
        if (keyTeacher) {
            row.findElement(By.cssSelector("[data-test='project-key-teacher']")).click();
        }
        row.findElement(By.cssSelector("[data-test='project-headcount']")).sendKeys(headcount);
        row.findElement(By.cssSelector("[data-test='project-schedule']")).sendKeys(schedule);
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

}
