package cn.shixun.processowner;

import cn.shixun.shared.web.BpmnIoAssets;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.policy.PolicyProfiles;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process owner's console as the demo process owner sees it at 1440 px: the catalogue with the
 * seven procedures (the publication's own among them) and their counts, a version's diagram drawn by bpmn-js with the open cases on the
 * steps (the demo data's degree-exemption reviews), a decision table drawn by dmn-js — with the
 * pages' Content-Security-Policy unchanged: it blocks nothing bpmn-js or our scripts do; on the table
 * page it refuses only the style attributes dmn-js 17 writes for its bpmn.io mark, which our
 * stylesheet lays out instead (the mark stays visible).
 */
class ProcessOwnerConsoleBrowserIT extends BrowserTestSupport {

    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired PolicyProfiles profiles;
    @Autowired JdbcTemplate jdbc;

    @Test
    void catalogueShowsVersionsCountsAndDiagrams_noCspViolation() {
        recordContentSecurityPolicyViolations();
        browser.manage().window().setSize(new Dimension(1440, 900));
        signIn("process.owner", DEMO_PASSWORD);
        List<String> links = byTest("home-links").findElements(By.cssSelector("a")).stream()
                .map(link -> link.getDomAttribute("href")).toList();
        assertThat(links).contains("/process-owner", "/camunda/app/");
        assertThat(links.indexOf("/process-owner")).as("the console before Cockpit").isLessThan(links.indexOf("/camunda/app/"));
        byTest("home-links").findElement(By.cssSelector("a[href='/process-owner']")).click();
        waitUntil(() -> currentPath().equals("/process-owner"));

        assertThat(byTest("console-heading").getText()).isEqualTo("流程与规则管理");
        assertThat(byTest("counted-at").getText()).matches("统计于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（每分钟更新）");
        List<WebElement> procedures = browser.findElements(By.cssSelector("[data-test='procedure']"));
        assertThat(procedures).extracting(row -> row.getDomAttribute("data-key")).containsExactlyInAnyOrder(
                "annualRegistration", "countyPlanFiling", "cycleVerification", "degreeExemption",
                "externalTrainingApproval", "policyPublication", "schoolBasedClass");
        WebElement exemption = procedure("degreeExemption");
        assertThat(number(exemption, "procedure-versions")).isEqualTo(repository.createProcessDefinitionQuery()
                .processDefinitionKey("degreeExemption").count());
        assertThat(number(exemption, "procedure-running")).as("the demo data's open degree exemptions").isPositive();
        assertThat(exemption.findElement(By.cssSelector("[data-test='procedure-name']")).getText()).contains("学历提升免修");
        assertThat(browser.findElements(By.cssSelector("[data-test='decision']"))).extracting(row -> row.getDomAttribute("data-key"))
                .contains("creditRules", "cycleRules", "recognisedCertificates", "requirements");
        fullPageScreenshot("process-owner-01-catalogue");

        // The version with the open cases (another test of the same context may have deployed a newer one).
        ProcessDefinition withCases = repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption").list()
                .stream().filter(definition -> !openSteps(definition).isEmpty()).findFirst().orElseThrow();
        exemption.findElement(By.cssSelector("[data-test='procedure-name']")).click();
        waitUntil(() -> currentPath().equals("/process-owner/procedures/degreeExemption"));
        WebElement version = find(By.cssSelector("[data-test='version'][data-version='" + withCases.getVersion() + "']"));
        assertThat(number(version, "version-running")).isPositive();
        fullPageScreenshot("process-owner-02-versions");
        version.findElement(By.linkText("流程图")).click();
        waitUntil(() -> "true".equals(byTest("diagram").getDomAttribute("data-rendered")));

        WebElement diagram = byTest("diagram");
        String drawn = diagram.findElement(By.tagName("svg")).getText().replaceAll("\\s+", "");
        BpmnModelInstance model = repository.getBpmnModelInstance(withCases.getId());
        for (UserTask step : model.getModelElementsByType(UserTask.class)) {
            assertThat(drawn).as("step %s labelled as in the model", step.getId()).contains(step.getName().replaceAll("\\s+", ""));
        }
        Map<String, Integer> open = openSteps(withCases);
        List<WebElement> counts = browser.findElements(By.cssSelector("[data-test='step-count']"));
        assertThat(counts).extracting(count -> count.getDomAttribute("data-step")).containsExactlyInAnyOrderElementsOf(open.keySet());
        for (WebElement count : counts) {
            assertThat(count.getText()).isEqualTo(open.get(count.getDomAttribute("data-step")) + " 件待办");
            assertThat(count.isDisplayed()).isTrue();
        }
        assertThat(diagram.findElement(By.cssSelector(".bjs-powered-by")).isDisplayed()).as("the bpmn.io mark").isTrue();
        fullPageScreenshot("process-owner-03-diagram");
        assertThat(cspViolations()).as("the Content-Security-Policy blocked nothing on the catalogue, versions and "
                + "diagram pages: bpmn-js styles through the CSSOM").isEqualTo(List.of());

        DecisionDefinition requirements = repository.createDecisionDefinitionQuery().decisionDefinitionKey("requirements")
                .latestVersion().singleResult();
        open("/process-owner");
        find(By.cssSelector("[data-test='decision'][data-key='requirements'] [data-test='decision-table']")).click();
        waitUntil(() -> currentPath().equals("/process-owner/decisions/requirements/" + requirements.getVersion()));
        waitUntil(() -> "true".equals(byTest("decision-viewer").getDomAttribute("data-rendered")));
        WebElement table = byTest("decision-viewer").findElement(By.cssSelector("table"));
        assertThat(table.findElements(By.cssSelector("tbody tr"))).as("the table's rules").hasSizeGreaterThan(3);
        assertThat(byTest("decision-viewer").getText()).contains(requirements.getName());
        assertThat(byTest("decision-viewer").getText()).as("dmn-js' words in Chinese").contains("命中策略：", "汇总", "条件", "结果");
        assertThat(byTest("decision-viewer").findElement(By.cssSelector(".bjs-powered-by")).isDisplayed())
                .as("the bpmn.io mark").isTrue();
        fullPageScreenshot("process-owner-04-decision");
        assertThat(cspViolations()).as("the policy is kept: what it refused on the table page is only the style "
                + "attributes of dmn-js' bpmn.io mark (addProjectLogo: the link and its logo), laid out by our stylesheet "
                + "instead; no script, no other style").isNotEmpty()
                .allMatch(violation -> violation.equals("style-src-attr inline /vendor/dmn-js@" + dmnJsVersion()
                        + "/dist/dmn-viewer.production.min.js"));
    }

    @Test
    void aTableVersionNamesThePolicyVersionsPinnedToIt_withTheirLedgerEntries() {
        String pinned = profiles.version("sanmenxia-2023", LocalDate.of(2024, 6, 1)).decisions().get("requirements");
        int version = repository.getDecisionDefinition(pinned).getVersion();
        signIn("process.owner", DEMO_PASSWORD);
        open("/process-owner/decisions/requirements/" + version);
        WebElement sanmenxia = find(By.cssSelector("[data-test='pinning-version'][data-profile='sanmenxia-2023'][data-version='1']"));
        assertThat(sanmenxia.getText()).contains("三门峡市（2023-2025年）基础教育教师继续教育工作实施方案", "2023-01-01");
        assertThat(Long.parseLong(sanmenxia.findElement(By.cssSelector("[data-test='pinning-ledger-entries']")).getText()))
                .as("the entries computed under sanmenxia-2023 v1")
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE profile_code = 'sanmenxia-2023' "
                        + "AND profile_version = 1", Long.class));
        fullPageScreenshot("process-owner-05-decision-pins");
    }


    private static String dmnJsVersion() {
        return BpmnIoAssets.read(new org.springframework.core.io.ClassPathResource(BpmnIoAssets.STAMP)).get("dmn-js");
    }

    private Map<String, Integer> openSteps(ProcessDefinition definition) {
        return management.createActivityStatisticsQuery(definition.getId()).list().stream()
                .filter(step -> step.getInstances() > 0)
                .collect(java.util.stream.Collectors.toMap(ActivityStatistics::getId, ActivityStatistics::getInstances));
    }

    private WebElement procedure(String key) {
        return find(By.cssSelector("[data-test='procedure'][data-key='" + key + "']"));
    }

    private static long number(WebElement row, String test) {
        return Long.parseLong(row.findElement(By.cssSelector("[data-test='" + test + "']")).getText().strip());
    }


}
