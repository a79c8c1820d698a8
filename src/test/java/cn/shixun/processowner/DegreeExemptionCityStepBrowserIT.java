package cn.shixun.processowner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.shixun.BrowserTestSupport;
import cn.shixun.ModelerDeployment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.CityRecheckStep;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.exemption.web.ExemptionCaseCalls;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 12's second "Done when" (ADR 0012 increment 6): the demo process owner
 * starts a draft of degreeExemption, draws a city review after the county's review with its result
 * gateway, and sets the new step — name, id, kind, the city's reviewers, form, deadlines — and the
 * gateway's flows through the 步骤设置 panel's own inputs; the saved draft holds the XML a process
 * owner writes in Camunda Modeler, and validates with no problem. The modeler speaks Chinese (palette,
 * replace menu) and the page keeps its Content-Security-Policy. The draft is then published through
 * the four-eyes approval (process.owner2), and a new case runs through the city while one started
 * before keeps its route. No Java under {@code src/main} names the step ({@code CityRecheckStepNeedsNoJavaTest}).
 */
class DegreeExemptionCityStepBrowserIT extends BrowserTestSupport {

    private static final String GATEWAY = "Gateway_CityRecheckDecision";

    @Autowired RepositoryService repository;
    @Autowired ModelDrafts drafts;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CaseHistory history;
    @Autowired DegreeExemptions exemptions;
    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired UserDetailsService users;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;
    @Autowired ObjectMapper json;

    ExemptionCaseCalls calls;

    @BeforeEach
    void signInAsProcessOwner() {
        calls = new ExemptionCaseCalls(context, users, evidence, accounts, json);
        recordContentSecurityPolicyViolations();
        browser.manage().window().setSize(new Dimension(1440, 900));
        signIn("process.owner", DEMO_PASSWORD);
    }

    @Test
    void aCityReviewDrawnAfterTheCountyAndSetInStepSettingsIsSavedAsCamundaXml_andTheDraftValidates() throws Exception {
        int version = repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption").latestVersion()
                .singleResult().getVersion();
        open("/process-owner/procedures/degreeExemption");
        find(By.cssSelector("[data-test='version'][data-version='" + version + "'] [data-test='new-draft']")).click();
        long id = editorOpened();
        assertThat(find(By.cssSelector(".djs-palette [data-action='create.task']")).getDomAttribute("aria-label"))
                .as("the palette in Chinese").isEqualTo("添加任务");
        assertThat(byTest("step-settings-empty").isDisplayed()).isTrue();

        List<String> drawn = drawCityReviewAfterTheCounty();
        String task = drawn.get(0);
        find(By.cssSelector(".djs-element[data-element-id='" + task + "']")).click();
        waitUntil(() -> byTest("step-form").isDisplayed());
        showsTheReplaceMenuInChinese();

        type("step-name", CityRecheckStep.NAME);
        type("step-id", CityRecheckStep.TASK_ID);
        new Select(byTest("step-kind")).selectByValue("review");
        new Select(byTest("step-performer")).selectByValue("cityReview");
        new Select(byTest("step-form-ref")).selectByValue("degreeExemptionReview");
        type("step-due", "10天");
        assertThat(byTest("step-error").getText()).as("bad input refused, nothing changed").contains("“10天”不是时长");
        assertThat(taskAttribute(CityRecheckStep.TASK_ID, "camunda:dueDate")).isNull();
        type("step-due", "P10D");
        assertThat(browser.findElement(By.cssSelector("[data-test='step-error']")).getText()).as("the refusal gone").isEmpty();
        type("step-remind", "P3D");
        byTest("step-escalate").click();
        assertThat(byTest("step-settings").getDomAttribute("data-element")).isEqualTo(CityRecheckStep.TASK_ID);
        fullPageScreenshot("city-step-01-step-settings");

        decisionOf(drawn.get(1), "APPROVE");
        decisionOf(drawn.get(2), "RETURN");
        decisionOf(drawn.get(3), "REJECT");

        byTest("draft-save").click();
        waitUntil(() -> byTest("editor-status").getText().contains("已保存（第 2 版）"));
        byTest("draft-validate").click();
        waitUntil(() -> byTest("problems-summary").getText().equals("校验通过：没有发现问题。"));

        BpmnModelInstance saved = Bpmn.readModelFromStream(new ByteArrayInputStream(
                drafts.get(id).content().getBytes(StandardCharsets.UTF_8)));
        UserTask city = saved.getModelElementById(CityRecheckStep.TASK_ID);
        assertThat(city.getName()).isEqualTo(CityRecheckStep.NAME);
        assertThat(city.getCamundaCandidateGroups()).isEqualTo("${caseRouting.cityReview(execution)}");
        assertThat(city.getCamundaAssignee()).isNull();
        assertThat(city.getCamundaFormRef()).isEqualTo("degreeExemptionReview");
        assertThat(city.getCamundaFormRefBinding()).isEqualTo("deployment");
        assertThat(city.getCamundaDueDate()).isEqualTo("P10D");
        assertThat(city.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).singleResult()
                .getCamundaProperties().stream()
                .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue)))
                .isEqualTo(Map.of("caseTask", "review", "remindBefore", "P3D", "escalateWhenOverdue", "true"));
        assertThat(((SequenceFlow) saved.getModelElementById(CityRecheckStep.AFTER_FLOW)).getTarget().getId())
                .isEqualTo(CityRecheckStep.TASK_ID);
        SequenceFlow approved = saved.getModelElementById(drawn.get(1));
        assertThat(approved.getSource().getId()).isEqualTo(GATEWAY);
        assertThat(approved.getTarget().getId()).isEqualTo("ServiceTask_CreditHours");
        assertThat(approved.getConditionExpression().getTextContent()).isEqualTo("${decision == 'APPROVE'}");
        SequenceFlow returned = saved.getModelElementById(drawn.get(2));
        assertThat(returned.getConditionExpression().getTextContent()).isEqualTo("${decision == 'RETURN'}");
        assertThat(returned.getName()).as("a flow without a name takes its decision's").isEqualTo("退回修改");
        fullPageScreenshot("city-step-02-validated");
        assertThat(cspViolations()).as("nothing refused by the page's policy").isEqualTo(List.of());

        submitForPublicationAndApproveAsSecondOwner(id);
    }

    /**
     * The drawn model goes through the four-eyes publication (ADR 0012 §2): submitted here, approved by
     * process.owner2 on the publication's page, deployed by the publication case on its effective date
     * (today). A case started before keeps its route; a new one runs school → county → city → credited,
     * seen on the teacher's case page and in the city reviewer's workbench.
     */
    private void submitForPublicationAndApproveAsSecondOwner(long draftId) throws Exception {
        ProcessDefinition before = latestExemption();
        long earlier = calls.apply();
        calls.decide(earlier, "school.admin", "APPROVE", "材料齐全");

        byTest("publish-title").sendKeys("关于学历提升免修增加市级复核的通知");
        byTest("publish-document-number").sendKeys("郑教师〔2026〕12号");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", byTest("publish-effective-from"),
                LocalDate.now(clock).toString());
        byTest("submit-publication").click();
        waitUntil(() -> currentPath().matches("/process-owner/publications/\\d+"));
        String publication = currentPath();
        assertThat(drafts.get(draftId).state()).isEqualTo(ModelDraft.State.SUBMITTED);
        signOut();

        signIn("process.owner2", DEMO_PASSWORD);
        open(publication);
        assertThat(find(By.cssSelector("[data-test='element-change'][data-element='" + CityRecheckStep.TASK_ID + "']")).getText())
                .contains(CityRecheckStep.NAME);
        fullPageScreenshot("city-step-03-publication");
        byTest("approve").click();
        waitUntil(() -> byTest("done").isDisplayed());
        runThePublicationCase(publication.substring(publication.lastIndexOf('/') + 1));
        ProcessDefinition published = latestExemption();
        assertThat(published.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(repository.createDeploymentQuery().deploymentId(published.getDeploymentId()).singleResult().getSource())
                .isEqualTo("process-owner console");
        signOut();

        long id = calls.apply();
        calls.decide(id, "school.admin", "APPROVE", "材料齐全");
        calls.decide(id, "county.reviewer", "APPROVE", "同意");
        signIn("teacher", DEMO_PASSWORD);
        open("/exemptions/" + id);
        assertThat(find(By.tagName("main")).getText()).contains(CityRecheckStep.NAME + "中");
        fullPageScreenshot("city-step-04-teacher-case-at-the-city");
        signOut();
        signIn("city.reviewer", DEMO_PASSWORD);
        String cityTask = calls.body(calls.api("city.reviewer", get("/api/exemptions/" + id))).get("currentTask").get("id").asText();
        open("/tasks?task=" + cityTask);
        assertThat(byTest("detail-heading").getText()).isEqualTo(CityRecheckStep.NAME);
        fullPageScreenshot("city-step-05-city-reviewer-workbench");
        calls.decide(id, "city.reviewer", "APPROVE", "同意免修");
        ExemptionCaseCalls.runCreditStep(management, exemptions, id);
        calls.api("teacher", get("/api/exemptions/" + id)).andExpect(jsonPath("$.status").value("EXEMPTED"));

        calls.decide(earlier, "county.reviewer", "APPROVE", "同意");
        ExemptionCaseCalls.runCreditStep(management, exemptions, earlier);
        calls.api("teacher", get("/api/exemptions/" + earlier)).andExpect(jsonPath("$.status").value("EXEMPTED"));
        assertThat(history.of(DegreeExemptionProcess.PROCESS_ID, String.valueOf(earlier))).as("the earlier case stayed on its version")
                .extracting(CaseEvent::taskKey).doesNotContain(CityRecheckStep.TASK_ID);
    }

    /** The job executor is off in the tests: the publication case's timer (due today) and deployment run as it would run them. */
    private void runThePublicationCase(String publicationId) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("policyPublication")
                .processInstanceBusinessKey(publicationId).singleResult().getId();
        for (int step = 0; step < 3 && runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0; step++) {
            management.createJobQuery().processInstanceId(instance).list().forEach(job -> management.executeJob(job.getId()));
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as("published").isZero();
    }

    private ProcessDefinition latestExemption() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption").latestVersion().singleResult();
    }

    @AfterEach
    void putTheRepositoryModelBack() {
        // Later tests in this context start cases on the latest version: make it the repository's model again.
        DeploymentBuilder deployment = repository.createDeployment().name("degreeExemption original")
                .source("DegreeExemptionCityStepBrowserIT");
        ModelerDeployment.degreeExemption("degreeExemption original", ModelerDeployment.degreeExemptionModel()).files()
                .forEach(deployment::addString);
        deployment.deploy();
    }

    /**
     * Draws as a process owner does with the mouse, through bpmn-js' modeling API: the credit step
     * and the ends after it move right, a user task and its result gateway go on the county's
     * "approved" flow, and the gateway's three flows lead on to the credit step, back to the
     * teacher's amendment and to the rejection end. The ids of the task and the three flows.
     */
    @SuppressWarnings("unchecked")
    private List<String> drawCityReviewAfterTheCounty() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const modeler = window.processOwnerModeler;
                const modeling = modeler.get('modeling');
                const registry = modeler.get('elementRegistry');
                const root = modeler.get('canvas').getRootElement();
                const credit = registry.get('ServiceTask_CreditHours');
                modeling.moveElements([credit, registry.get('BoundaryEvent_CreditRefused'),
                    registry.get('EndEvent_CreditRefused'), registry.get('EndEvent_Exempted')], { x: 260, y: 0 });
                const task = modeling.createShape({ type: 'bpmn:UserTask' }, { x: 850, y: 350 }, root);
                const gateway = modeling.createShape({ type: 'bpmn:ExclusiveGateway' }, { x: 990, y: 350 }, root);
                modeling.updateProperties(gateway, { id: arguments[1], name: '市级复核结果' });
                modeling.reconnectEnd(registry.get(arguments[0]), task, { x: 800, y: 350 });
                modeling.connect(task, gateway);
                const approved = modeling.connect(gateway, credit);
                const returned = modeling.connect(gateway, registry.get('UserTask_Amend'));
                const rejected = modeling.connect(gateway, registry.get('EndEvent_Rejected'));
                return [task.id, approved.id, returned.id, rejected.id];""", CityRecheckStep.AFTER_FLOW, GATEWAY);
    }

    /** The context pad's 更改类型 on the selected task: bpmn-js' replace menu, in Chinese. */
    private void showsTheReplaceMenuInChinese() {
        find(By.cssSelector(".djs-context-pad [data-action='replace']")).click();
        WebElement menu = find(By.cssSelector(".djs-popup"));
        assertThat(menu.getText()).contains("更改类型", "服务任务", "子流程（折叠）");
        screenshot("city-step-00-replace-menu");
        ((JavascriptExecutor) browser).executeScript("window.processOwnerModeler.get('popupMenu').close()");
        waitUntil(() -> browser.findElements(By.cssSelector(".djs-popup")).isEmpty());
    }

    /** Selects the flow in the diagram and chooses the review decision that takes it in the panel. */
    private void decisionOf(String flow, String decision) {
        ((JavascriptExecutor) browser).executeScript("""
                const modeler = window.processOwnerModeler;
                modeler.get('selection').select(modeler.get('elementRegistry').get(arguments[0]));""", flow);
        waitUntil(() -> flow.equals(byTest("step-settings").getDomAttribute("data-element")));
        new Select(byTest("step-condition")).selectByValue(decision);
    }

    /** Replaces the field's text as a person does, and leaves the field (which applies it). */
    private void type(String field, String text) {
        byTest(field).sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }

    private Object taskAttribute(String taskId, String attribute) {
        return ((JavascriptExecutor) browser).executeScript("""
                const element = window.processOwnerModeler.get('elementRegistry').get(arguments[0]);
                return element.businessObject.get(arguments[1]) || null;""", taskId, attribute);
    }

    private long editorOpened() {
        waitUntil(() -> currentPath().matches("/process-owner/drafts/\\d+"));
        waitUntil(() -> "true".equals(byTest("editor").getDomAttribute("data-rendered")));
        return Long.parseLong(currentPath().substring("/process-owner/drafts/".length()));
    }
}
