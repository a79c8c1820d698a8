package cn.shixun;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.organisation.Organisations;
import cn.shixun.schoolclass.CourseDesign;
import cn.shixun.schoolclass.CourseType;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A submission step worked from Camunda Tasklist: {@code school.admin} opens the class-plan step of
 * one of 文化路第一小学's school-based classes there; its form ({@code schoolBasedClassPlan}) explains
 * the step and links to THIS class's page, built by Tasklist from the process's {@code classId}; once
 * the task is claimed, the link leads, after signing in to Shixun (Tasklist keeps its own login), to
 * that class's page.
 */
class TasklistFormBrowserIT extends BrowserTestSupport {

    private static final String PROCESS = "schoolBasedClass";

    @Autowired SchoolClasses classes;
    @Autowired CaseTasks tasks;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired EvidenceFiles evidence;

    @Test
    void R35_theClassPlanFormInTasklistLinksToThisClassesPage() {
        CurrentAccount school = accounts.find("school.admin").orElseThrow();
        CurrentAccount county = accounts.find("county.reviewer").orElseThrow();
        Long schoolId = organisations.findByCode("4101050001").orElseThrow().getId();
        String course = "课堂提问设计研修 " + System.nanoTime() % 10000;
        String caseId = String.valueOf(classes.propose(school, schoolId, new CourseDesign(course,
                CourseType.SCHOOL_TRAINING, new BigDecimal("6"), "两次集体备课与一次课例研讨。",
                StoredEvidence.ofOrganisation(evidence, schoolId)))
                .getId());
        tasks.decide(openTask(caseId).id(), school, Decision.APPROVE, null);
        tasks.decide(openTask(caseId).id(), county, Decision.APPROVE, null);
        CaseTask planStep = openTask(caseId);
        assertThat(planStep.taskKey()).isEqualTo("UserTask_PlanClass");

        open("/camunda/app/tasklist/default/");
        WebElement password = tasklist(By.cssSelector("input[type='password']"));
        find(By.cssSelector("form input[type='text']")).sendKeys("school.admin");
        password.sendKeys(DEMO_PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, WEBAPP_LOAD)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
        open("/camunda/app/tasklist/default/#/?task=" + planStep.id());

        String casePage = "/school-classes/" + caseId;
        WebElement link = tasklist(By.cssSelector(".fjs-form a[href='" + casePage + "']"));
        assertThat(link.getText()).isEqualTo("在师训系统中打开办理页面");
        assertThat(find(By.cssSelector(".fjs-form")).getText()).contains("创建班级", "尚未填写班级计划时")
                .doesNotContain("/api/", "POST");
        screenshot("tasklist-form-01-unclaimed");
        // Tasklist greys out a form (links included) until the task is claimed, as a person does first.
        tasklist(By.cssSelector("button.claim")).click();
        new WebDriverWait(browser, WEBAPP_LOAD)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        screenshot("tasklist-form-02-claimed");

        find(By.cssSelector(".fjs-form a[href='" + casePage + "']")).click();
        waitUntil(() -> currentPath().startsWith("/login"));
        submitLogin("school.admin", DEMO_PASSWORD);
        // Back to the page asked for (Spring Security marks the redirect with "?continue").
        waitUntil(() -> currentPath().replaceFirst("\\?.*", "").equals(casePage));
        assertThat(byTest("case-heading").getText()).isEqualTo(course);
        screenshot("tasklist-form-03-case-page");
    }

    /** Tasklist loads its scripts (several MB) and then the task's form: longer than our pages on a busy machine. */
    private static WebElement tasklist(By locator) {
        return new WebDriverWait(browser, WEBAPP_LOAD)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private CaseTask openTask(String caseId) {
        return tasks.openTask(PROCESS, caseId).orElseThrow();
    }
}
