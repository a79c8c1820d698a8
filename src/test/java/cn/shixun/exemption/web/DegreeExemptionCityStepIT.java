package cn.shixun.exemption.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import cn.shixun.ModelerDeployment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.CityRecheckStep;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.security.Accounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 12's second "Done when", the engine's side (ADR 0012 increment 6): a process owner adds a
 * city review after the county's to degreeExemption ({@link CityRecheckStep}, built on the deployed
 * XML as the console's 步骤设置 panel writes it) and deploys it with its forms. A case started on the
 * version before keeps its route, school → county → credited; a new case runs school → county → city
 * → credited, with the city's step on the teacher's pages and in the city reviewers' worklist, and
 * the ledger names the city reviewer who approved last. A city refusal ends the case with
 * nothing credited. No Java names the step ({@code CityRecheckStepNeedsNoJavaTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class DegreeExemptionCityStepIT {

    private static final String SCHOOL = DegreeExemptionProcess.SCHOOL_REVIEW;
    private static final String AUTHORITY = DegreeExemptionProcess.AUTHORITY_REVIEW;
    private static final String CREDIT = DegreeExemptionProcess.CREDIT_HOURS;
    /** The demo teacher's school is in Zhengzhou: its city reviewers' group. */
    private static final String ZHENGZHOU_REVIEWERS = "city-reviewer:410100";

    @Autowired WebApplicationContext context;
    @Autowired UserDetailsService users;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;
    @Autowired ObjectMapper json;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired DegreeExemptions exemptions;
    @Autowired Ledger ledger;

    ExemptionCaseCalls calls;

    @BeforeEach
    void setUp() {
        calls = new ExemptionCaseCalls(context, users, evidence, accounts, json);
    }

    @AfterEach
    void putTheRepositoryModelBack() {
        // Later tests in this context start cases on the latest version: make it the repository's model again.
        deployDirectlyUntilConsolePublicationIsMerged(ModelerDeployment.degreeExemptionModel(), "degreeExemption original");
    }

    @Test
    void R04_R40_aCityReviewAddedInTheModelRunsNewCasesThroughTheCity_whileACaseStartedBeforeKeepsItsRoute() throws Exception {
        ProcessDefinition before = latest();
        long earlier = calls.apply();
        calls.decide(earlier, "school.admin", "APPROVE", "材料齐全");

        ProcessDefinition after = deployDirectlyUntilConsolePublicationIsMerged(
                CityRecheckStep.ADDED.into(modelOf(before)), "degreeExemption with a city review");
        assertThat(after.getVersion()).isGreaterThan(before.getVersion());

        long id = calls.apply();
        assertThat(definitionOf(id)).as("a new case starts on the new version").isEqualTo(after.getId());
        calls.decide(id, "school.admin", "APPROVE", "材料齐全");
        calls.decide(id, "county.reviewer", "APPROVE", "同意");

        calls.api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.statusLabel").value(CityRecheckStep.NAME + "中"))
                .andExpect(jsonPath("$.openSteps[0].key").value(CityRecheckStep.TASK_ID))
                .andExpect(jsonPath("$.openSteps[0].level").value("CITY"))
                .andExpect(jsonPath("$.openSteps[0].levelLabel").value("市"))
                .andExpect(jsonPath("$.currentTask.candidateGroups[0]").value(ZHENGZHOU_REVIEWERS));
        calls.page("teacher", "/exemptions/" + id).andExpect(content().string(containsString("市级复核中")));
        calls.page("teacher", "/my/exemptions").andExpect(content().string(containsString("市级复核中")));
        String cityTask = calls.body(calls.api("city.reviewer", get("/api/exemptions/" + id))).get("currentTask").get("id").asText();
        calls.page("city.reviewer", "/tasks")
                .andExpect(content().string(containsString("data-task-id=\"" + cityTask + "\"")))
                .andExpect(content().string(containsString(CityRecheckStep.NAME)));
        calls.page("city.reviewer", "/tasks?task=" + cityTask)
                .andExpect(content().string(containsString("<h2 data-test=\"detail-heading\">" + CityRecheckStep.NAME + "</h2>")))
                .andExpect(content().string(containsString("data-test=\"decision-form\"")));
        calls.page("county.reviewer", "/tasks").andExpect(content().string(not(containsString(cityTask))));
        calls.page("city.reviewer", "/exemptions/" + id).andExpect(content().string(containsString("市级复核中")));

        calls.decide(id, "city.reviewer", "APPROVE", "同意免修");
        ExemptionCaseCalls.runCreditStep(management, exemptions, id);
        calls.api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("EXEMPTED"))
                .andExpect(jsonPath("$.statusLabel").value("已免修登记"))
                .andExpect(jsonPath("$.history[*].taskKey").value(contains(null, SCHOOL, AUTHORITY, CityRecheckStep.TASK_ID, CREDIT)))
                .andExpect(jsonPath("$.history[*].outcome").value(contains("SUBMITTED", "APPROVED", "APPROVED", "APPROVED",
                        "COMPLETED")));
        LedgerEntry entry = ledger.require(exemptions.require(id).ledgerEntryId());
        assertThat(entry.decidedBy()).as("the ledger names who approved last: the city (R-40)").isEqualTo("city.reviewer");
        calls.page("teacher", "/exemptions/" + id).andExpect(content().string(containsString("已免修登记")));

        assertThat(definitionOf(earlier)).as("the earlier case stays on its version").isEqualTo(before.getId());
        calls.api("teacher", get("/api/exemptions/" + earlier))
                .andExpect(jsonPath("$.statusLabel").value("登记机构审核中"))
                .andExpect(jsonPath("$.openSteps[0].key").value(AUTHORITY));
        calls.decide(earlier, "county.reviewer", "APPROVE", "同意");
        ExemptionCaseCalls.runCreditStep(management, exemptions, earlier);
        calls.api("teacher", get("/api/exemptions/" + earlier))
                .andExpect(jsonPath("$.status").value("EXEMPTED"))
                .andExpect(jsonPath("$.history[*].taskKey").value(contains(null, SCHOOL, AUTHORITY, CREDIT)));
        assertThat(ledger.require(exemptions.require(earlier).ledgerEntryId()).decidedBy()).isEqualTo("county.reviewer");
    }

    @Test
    void R30_aCaseTheCityRefusesEndsRejected_withNothingCredited() throws Exception {
        deployDirectlyUntilConsolePublicationIsMerged(CityRecheckStep.ADDED.into(modelOf(latest())),
                "degreeExemption with a city review");
        long id = calls.apply();
        calls.decide(id, "school.admin", "APPROVE", null);
        calls.decide(id, "county.reviewer", "APPROVE", null);

        calls.decide(id, "city.reviewer", "REJECT", "学历与任教学科无关");

        DegreeExemption refused = exemptions.require(id);
        assertThat(refused.ledgerEntryId()).as("nothing credited").isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(refused.processInstanceId()).count())
                .as("the case's process ended").isZero();
        calls.api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.statusLabel").value("未通过"))
                .andExpect(jsonPath("$.history[*].outcome").value(contains("SUBMITTED", "APPROVED", "APPROVED", "REJECTED")));
        calls.page("teacher", "/exemptions/" + id)
                .andExpect(content().string(containsString("未通过")))
                .andExpect(content().string(containsString("学历与任教学科无关")));
    }

    /**
     * Deploys degreeExemption with its forms straight through the engine (the model guard checks it
     * as any deployment). A stand-in: the console's publication (four-eyes, ADR 0012 increment 5) is
     * built apart, and this test deploys through it once that is merged.
     */
    private ProcessDefinition deployDirectlyUntilConsolePublicationIsMerged(String model, String name) {
        DeploymentBuilder deployment = repository.createDeployment().name(name).source("DegreeExemptionCityStepIT");
        for (Map.Entry<String, String> file : ModelerDeployment.degreeExemption(name, model).files().entrySet()) {
            deployment.addString(file.getKey(), file.getValue());
        }
        String deploymentId = deployment.deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DegreeExemptionProcess.PROCESS_ID)
                .latestVersion().singleResult();
    }

    private String modelOf(ProcessDefinition definition) {
        try (InputStream in = repository.getProcessModel(definition.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String definitionOf(long id) {
        return runtime.createProcessInstanceQuery().processInstanceId(exemptions.require(id).processInstanceId())
                .singleResult().getProcessDefinitionId();
    }
}
