package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ModelerDeployment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * degreeExemption changed as Camunda Modeler deploys it (multipart {@code POST
 * /engine-rest/deployment/create} with the model and its forms; since ADR 0012 increment 5 a system
 * administrator's break-glass, a process owner publishes through the console): new applications
 * use version 2, a running one finishes on version 1, and a running one migrated through
 * {@code /engine-rest/migration/generate} + {@code /execute} finishes on version 2 — the
 * casework (checks, history, handler) the same on every version. Same context as the browser
 * tests (server on a random port, demo data).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class ProcessVersioningIT {

    @LocalServerPort int port;
    @Autowired DegreeExemptions exemptions;
    @Autowired EvidenceFiles evidence;
    @Autowired CaseTasks cases;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void putTheOriginalModelBack() throws Exception {
        // Later tests in this context start cases on the latest version: make it the model of the repository again.
        deploy(ModelerDeployment.degreeExemptionModel(), "degreeExemption original");
    }

    @Test
    void aNewVersionServesNewCases_runningCasesFinishOnTheirs_orAreMigratedAndFinishOnTheNewOne() throws Exception {
        ProcessDefinition v1 = latest();
        CurrentAccount schoolAdmin = accounts.find("school.admin").orElseThrow();
        CurrentAccount countyReviewer = accounts.find("county.reviewer").orElseThrow();
        DegreeExemption stays = apply();
        DegreeExemption migrated = apply();

        // Version 2: the school has five days instead of ten.
        String changed = ModelerDeployment.degreeExemptionModel().replaceFirst(
                "(id=\"UserTask_SchoolReview\"[^>]*camunda:dueDate=\")P10D\"", "$1P5D\"");
        assertThat(changed).contains("P5D");
        JsonNode deployment = deploy(changed, "degreeExemption school review 5 days");
        assertThat(deployment.path("deployedProcessDefinitions").size()).isEqualTo(1);
        ProcessDefinition v2 = latest();
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

        DegreeExemption fresh = apply();
        assertThat(definitionOf(fresh)).isEqualTo(v2.getId());
        assertThat(Duration.between(Instant.now(), exemptions.openTask(fresh.getId()).orElseThrow().due()).toDays())
                .isBetween(4L, 5L);
        assertThat(definitionOf(stays)).isEqualTo(v1.getId());

        // The running case finishes on version 1.
        finish(stays, schoolAdmin, countyReviewer);
        assertThat(exemptions.require(stays.getId()).status()).isEqualTo(ExemptionStatus.EXEMPTED);

        // The other is migrated to version 2 through the engine REST API, then finishes there.
        JsonNode plan = post("/engine-rest/migration/generate", Map.of("sourceProcessDefinitionId", v1.getId(),
                "targetProcessDefinitionId", v2.getId(), "updateEventTriggers", true));
        HttpResponse<String> executed = send("/engine-rest/migration/execute", Map.of("migrationPlan", plan,
                "processInstanceIds", List.of(instanceOf(migrated)), "skipCustomListeners", false));
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(204);
        assertThat(definitionOf(migrated)).isEqualTo(v2.getId());
        finish(migrated, schoolAdmin, countyReviewer);
        assertThat(exemptions.require(migrated.getId()).status()).isEqualTo(ExemptionStatus.EXEMPTED);
        assertThat(exemptions.history(migrated.getId())).extracting(CaseEvent::outcome).containsExactly(
                CaseOutcome.SUBMITTED, CaseOutcome.APPROVED, CaseOutcome.APPROVED, CaseOutcome.COMPLETED);
    }

    private DegreeExemption apply() {
        Teacher teacher = teachers.findByStaffNumber("4101050001001").orElseThrow();
        return exemptions.apply(teacher.getId(), "teacher", new Diploma("郑州大学", DegreeLevel.BACHELOR, "小学教育",
                true, LocalDate.of(2021, 9, 1), LocalDate.of(2024, 6, 30), "VERSION-" + System.nanoTime(),
                StoredEvidence.of(evidence, teacher.getId())));
    }

    private void finish(DegreeExemption exemption, CurrentAccount school, CurrentAccount county) {
        cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), school, Decision.APPROVE, null);
        cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), county, Decision.APPROVE, null);
        Job credit = management.createJobQuery().processInstanceId(instanceOf(exemption)).executable().singleResult();
        management.executeJob(credit.getId());
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DegreeExemptionProcess.PROCESS_ID)
                .latestVersion().singleResult();
    }

    private String instanceOf(DegreeExemption exemption) {
        return exemption.processInstanceId();
    }

    private String definitionOf(DegreeExemption exemption) {
        return runtime.createProcessInstanceQuery().processInstanceId(exemption.processInstanceId()).singleResult()
                .getProcessDefinitionId();
    }

    /** What Camunda Modeler's deploy button sends: a multipart form with the model and its forms. */
    private JsonNode deploy(String model, String name) throws Exception {
        HttpResponse<String> response = http.send(ModelerDeployment.degreeExemption(name, model)
                .request(uri(""), basic("sysadmin")), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(String path, Object body) throws Exception {
        HttpResponse<String> response = send(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic("process.owner"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":shixun123").getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
