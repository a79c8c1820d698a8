package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.ModelerDeployment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10 item 4 and ADR 0012 increment 5: a process owner cannot deploy through
 * {@code /engine-rest/deployment/create} at all (refused, audited, nothing deployed: a publication
 * goes through the console's four-eyes approval); and a deployment that does arrive there — a system
 * administrator's audited break-glass, as Camunda Modeler sends it — cannot make the engine credit
 * hours or skip the casework. A model with a
 * timer start calling the credit delegate, with another procedure's delegate, or with a user task
 * outside the casework is refused with a 400 naming the element; nothing is deployed, nothing is
 * credited, the case stays where it was. A legitimate new version still deploys. Same context as
 * {@link ProcessVersioningIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class ModelDeploymentAttackIT {

    @LocalServerPort int port;
    @Autowired DegreeExemptions exemptions;
    @Autowired EvidenceFiles evidence;
    @Autowired CaseTasks cases;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    /** The attack of issue 10: 360 h credited a second after the deployment, for a case still waiting for its authority review. */
    @Test
    void aTimerStartCallingCreditHoursIsRefused_nothingIsDeployedAndNoHourIsCredited() throws Exception {
        DegreeExemption waiting = appliedAndApprovedBySchool();
        assertThat(ExemptionStanding.of(exemptions, waiting.getId())).isEqualTo("OPEN@UserTask_AuthorityReview");
        // Its none start becomes a timer start due at once, leading straight to the credit step for that case.
        String model = ModelerDeployment.degreeExemptionModel()
                .replaceFirst("(<bpmn:startEvent id=\"StartEvent_Applied\"[\\s\\S]*?)</bpmn:startEvent>", """
                        $1<bpmn:timerEventDefinition id="TimerEventDefinition_CreditNow">
                          <bpmn:timeDate>2020-01-01T00:00:00</bpmn:timeDate>
                        </bpmn:timerEventDefinition></bpmn:startEvent>""")
                .replace("sourceRef=\"StartEvent_Applied\" targetRef=\"UserTask_SchoolReview\"",
                        "sourceRef=\"StartEvent_Applied\" targetRef=\"ServiceTask_CreditNow\"")
                .replace("</bpmn:process>", """
                        <bpmn:serviceTask id="ServiceTask_CreditNow" camunda:delegateExpression="${creditHoursDelegate}">
                          <bpmn:extensionElements><camunda:inputOutput>
                            <camunda:inputParameter name="exemptionId">${%d}</camunda:inputParameter>
                          </camunda:inputOutput></bpmn:extensionElements>
                        </bpmn:serviceTask>
                        <bpmn:sequenceFlow id="SequenceFlow_CreditedNow" sourceRef="ServiceTask_CreditNow" targetRef="EndEvent_CreditedNow" />
                        <bpmn:endEvent id="EndEvent_CreditedNow" />
                        </bpmn:process>""".formatted(waiting.getId()));
        assertThat(model).contains("TimerEventDefinition_CreditNow", "targetRef=\"ServiceTask_CreditNow\"");

        refusedNamingElement(model, "StartEvent_Applied");

        // The job executor is off in tests: run what it would have run a few seconds on.
        Thread.sleep(2000);
        for (Job due : management.createJobQuery().processDefinitionKey(DegreeExemptionProcess.PROCESS_ID).timers()
                .executable().list()) {
            if (due.getProcessInstanceId() == null) {
                management.executeJob(due.getId());
            }
        }
        assertThat(ledger.entriesOf(waiting.teacherId())).extracting(LedgerEntry::sourceRef)
                .doesNotContain(DegreeExemptionProcess.PROCESS_ID + "/" + waiting.getId());
        assertThat(ExemptionStanding.of(exemptions, waiting.getId())).isEqualTo("OPEN@UserTask_AuthorityReview");
        assertThat(exemptions.history(waiting.getId())).extracting(CaseEvent::outcome)
                .containsExactly(CaseOutcome.SUBMITTED, CaseOutcome.APPROVED);
    }

    @Test
    void aProcessOwnersDeploymentThroughEngineRestIsRefused_nothingDeployed_andTheRefusalAudited() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        int version = latestVersion();
        HttpResponse<String> response = deploy("process.owner", ModelerDeployment.degreeExemptionModel());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("流程与规则管理控制台");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(latestVersion()).isEqualTo(version);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = 'process.owner' "
                + "AND action = 'engine.refused' AND detail LIKE '%deployment.create%'", Integer.class)).isPositive();
    }

    @Test
    void anotherProceduresDelegateIsRefused() throws Exception {
        String model = ModelerDeployment.degreeExemptionModel().replace("${creditHoursDelegate}", "${issueCertificateDelegate}");
        refusedNamingElement(model, "ServiceTask_CreditHours");
    }

    /** Without caseTask the casework's listener skips the task: no R-04 scope check, no R-40 decision and reason. */
    @Test
    void aUserTaskOutsideTheCaseworkIsRefused() throws Exception {
        String model = ModelerDeployment.degreeExemptionModel().replaceFirst(
                "(id=\"UserTask_AuthorityReview\"[\\s\\S]*?)<camunda:property name=\"caseTask\" value=\"review\" />", "$1");
        refusedNamingElement(model, "UserTask_AuthorityReview");
    }

    @Test
    void aLegitimateNewVersionStillDeploys() throws Exception {
        int before = latestVersion();
        String changed = ModelerDeployment.degreeExemptionModel().replaceFirst(
                "(id=\"UserTask_SchoolReview\"[^>]*camunda:dueDate=\")P10D\"", "$1P5D\"");
        HttpResponse<String> response = deploy("sysadmin", changed);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String deployment = json.readTree(response.body()).get("id").asText();
        try {
            assertThat(latestVersion()).isEqualTo(before + 1);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    /** Defence in depth: whatever a model says, the engine's expressions resolve only the procedures' declared beans. */
    @Test
    void theEnginesExpressionsReachOnlyDeclaredBeans() {
        assertThat(context.containsBean("ledger")).isTrue();
        assertThatThrownBy(() -> evaluate("${ledger}")).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("ledger");
        assertThat(evaluate("${creditHoursDelegate}")).isInstanceOf(JavaDelegate.class);
    }

    private Object evaluate(String expression) {
        return engine.getCommandExecutorTxRequired().execute(command -> engine.getExpressionManager()
                .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
    }

    private void refusedNamingElement(String model, String elementId) throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        int version = latestVersion();
        HttpResponse<String> response = deploy("sysadmin", model);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(elementId);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(latestVersion()).isEqualTo(version);
    }

    /** As Camunda Modeler deploys, signed in as {@code username}. */
    private HttpResponse<String> deploy(String username, String model) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":shixun123").getBytes(StandardCharsets.UTF_8));
        return http.send(ModelerDeployment.degreeExemption("degreeExemption by " + username, model)
                .request(URI.create("http://localhost:" + port), basic),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int latestVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DegreeExemptionProcess.PROCESS_ID)
                .latestVersion().singleResult().getVersion();
    }

    private DegreeExemption appliedAndApprovedBySchool() {
        Teacher teacher = teachers.findByStaffNumber("4101050001001").orElseThrow();
        DegreeExemption exemption = exemptions.apply(teacher.getId(), "teacher", new Diploma("郑州大学",
                DegreeLevel.BACHELOR, "小学教育", true, LocalDate.of(2021, 9, 1), LocalDate.of(2024, 6, 30),
                "MODEL-GUARD-" + System.nanoTime(), StoredEvidence.of(evidence, teacher.getId())));
        cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), accounts.find("school.admin").orElseThrow(),
                Decision.APPROVE, null);
        return exemption;
    }
}
