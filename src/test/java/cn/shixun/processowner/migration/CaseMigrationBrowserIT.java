package cn.shixun.processowner.migration;

import static cn.shixun.processowner.migration.TwoExemptionVersions.AUTHORITY_REVIEW;
import static cn.shixun.processowner.migration.TwoExemptionVersions.SCHOOL_REVIEW;
import static cn.shixun.processowner.migration.TwoExemptionVersions.SCHOOL_REVIEW_RENAMED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process owner migrates running cases as a person does it: from the procedure's versions page
 * (迁移运行中的案件 on the older version), the plan — both steps' names, the open cases per step, the
 * step the target adds — then 执行迁移, and the progress page, which refreshes itself until the batch
 * has ended. The batch's jobs are run by the test while the page polls (the job executor is off in
 * tests). Screenshots under target/screenshots; the pages' Content-Security-Policy refuses nothing.
 */
class CaseMigrationBrowserIT extends BrowserTestSupport {

    @Autowired DegreeExemptions exemptions;
    @Autowired CaseTasks cases;
    @Autowired Accounts accounts;
    @Autowired Teachers teachers;
    @Autowired EvidenceFiles evidence;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    TwoExemptionVersions versions;

    @AfterEach
    void putTheRepositoryModelBack() {
        versions.restoreTheRepositoryModel();
    }

    @Test
    void theProcessOwnerSeesThePlanFirst_executesIt_andWatchesTheBatchEnd() {
        versions = new TwoExemptionVersions(exemptions, cases, accounts, teachers, evidence, repository, runtime, management, port);
        ProcessDefinition source = versions.deploySource("degreeExemption browser migration source");
        DegreeExemption atSchool = versions.apply();
        DegreeExemption atAuthority = versions.apply();
        versions.decide(atAuthority, "school.admin", Decision.APPROVE, null);
        ProcessDefinition target = versions.deployTarget("degreeExemption browser migration target");

        recordContentSecurityPolicyViolations();
        browser.manage().window().setSize(new Dimension(1440, 900));
        signIn("process.owner", DEMO_PASSWORD);
        // The versions page's counts are cached for a minute (CaseCounts.FRESH): a page counted before this
        // test's cases started offers no migration until it counts again, as it says (统计于).
        By migrateOlder = By.cssSelector("[data-test='version'][data-version='" + source.getVersion() + "'] [data-test='migrate']");
        waitUntil(Duration.ofSeconds(90), () -> {
            open("/process-owner/procedures/degreeExemption");
            return !browser.findElements(migrateOlder).isEmpty();
        });
        WebElement older = find(By.cssSelector("[data-test='version'][data-version='" + source.getVersion() + "']"));
        assertThat(browser.findElements(By.cssSelector("[data-test='version'][data-version='" + target.getVersion()
                + "'] [data-test='migrate']"))).as("the latest version has nowhere newer to go").isEmpty();
        fullPageScreenshot("migration-00-versions");
        older.findElement(By.cssSelector("[data-test='migrate']")).click();
        waitUntil(() -> currentPath().startsWith("/process-owner/migrations/new?source="));

        assertThat(byTest("plan-source").getText()).endsWith("v" + source.getVersion());
        assertThat(byTest("plan-target").getText()).endsWith("v" + target.getVersion());
        assertThat(byTest("plan-cases").getText()).isEqualTo("2");
        WebElement school = find(By.cssSelector("[data-test='plan-step'][data-source='" + SCHOOL_REVIEW + "']"));
        assertThat(school.findElement(By.cssSelector("[data-test='source-name']")).getText()).isEqualTo("学校审核");
        assertThat(school.findElement(By.cssSelector("[data-test='target-name']")).getText()).isEqualTo(SCHOOL_REVIEW_RENAMED);
        assertThat(school.findElement(By.cssSelector("[data-test='step-open']")).getText()).isEqualTo("1");
        assertThat(find(By.cssSelector("[data-test='plan-step'][data-source='" + AUTHORITY_REVIEW + "'] [data-test='step-open']"))
                .getText()).isEqualTo("1");
        assertThat(byTest("plan-added").getText()).contains("市级复核");
        assertThat(versions.definitionOf(atSchool)).as("the plan page moves nothing").isEqualTo(source.getId());
        fullPageScreenshot("migration-01-plan");

        byTest("execute-migration").click();
        browser.switchTo().alert().accept();
        waitUntil(() -> currentPath().matches("/process-owner/migrations/\\d+"));
        assertThat(byTest("batch-running").getText()).contains("正在迁移");
        fullPageScreenshot("migration-02-running");

        long id = Long.parseLong(currentPath().substring(currentPath().lastIndexOf('/') + 1));
        versions.runBatch(jdbc.queryForObject("SELECT batch_id FROM case_migration WHERE id = ?", String.class, id));
        waitUntil(Duration.ofSeconds(15), () -> !browser.findElements(By.cssSelector("[data-test='batch-finished']")).isEmpty());
        assertThat(byTest("batch-count").getText()).isEqualTo("已迁移 2 / 2 个案件");
        assertThat(byTest("migration-ended").getText()).contains("案件已在目标版本上继续");
        fullPageScreenshot("migration-03-finished");
        assertThat(versions.definitionOf(atSchool)).isEqualTo(target.getId());
        assertThat(versions.definitionOf(atAuthority)).isEqualTo(target.getId());
        assertThat(cspViolations()).isEmpty();
    }
}
