package cn.shixun.exemption.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.ModelerDeployment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.AddedReviewStep;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

/**
 * A process owner adds a review step to degreeExemption — the city confirms after the county —
 * and it is deployed as Camunda Modeler does (since ADR 0012 increment 5 a system administrator's
 * break-glass: process owners publish through the console); nothing else changes. A new application then goes
 * through the city's step with the status, the open step and its level on the API and the
 * teacher's pages as the model names them, is returned by the city and amended, and is credited
 * once the city approves. Same context as {@code ProcessVersioningIT} (server on a random port,
 * demo data).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class ExtraCityReviewStepIT {

    private static final String CITY_REVIEW = "UserTask_CityReview";
    /** 市级复核 between the registration authority's approval and the credit step. */
    private static final AddedReviewStep CITY_REVIEW_ADDED = new AddedReviewStep("SequenceFlow_AuthorityApproved",
            CITY_REVIEW, "市级复核", "cityReview", "degreeExemptionReview", "UserTask_Amend", "EndEvent_Rejected");

    @LocalServerPort int port;
    @Autowired WebApplicationContext context;
    @Autowired UserDetailsService users;
    @Autowired ManagementService management;
    @Autowired DegreeExemptions exemptions;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;
    @Autowired ObjectMapper json;

    ExemptionCaseCalls calls;

    @BeforeEach
    void setUp() {
        calls = new ExemptionCaseCalls(context, users, evidence, accounts, json);
    }

    @AfterEach
    void putTheOriginalModelBack() throws Exception {
        // Later tests in this context start cases on the latest version: make it the model of the repository again.
        deploy(ModelerDeployment.degreeExemptionModel(), "degreeExemption original");
    }

    @Test
    void R04_R30_aCityReviewAddedInTheModelIsAStepOfItsOwnOnTheApiAndPages_andTheCaseIsCreditedAfterIt() throws Exception {
        deploy(CITY_REVIEW_ADDED.into(ModelerDeployment.degreeExemptionModel()), "degreeExemption with a city review");

        long id = calls.apply();
        calls.decide(id, "school.admin", "APPROVE", "材料齐全");
        calls.decide(id, "county.reviewer", "APPROVE", "同意");

        calls.api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("市级复核中"))
                .andExpect(jsonPath("$.openSteps[*].key").value(contains(CITY_REVIEW)))
                .andExpect(jsonPath("$.openSteps[0].name").value("市级复核"))
                .andExpect(jsonPath("$.openSteps[0].kind").value("REVIEW"))
                .andExpect(jsonPath("$.openSteps[0].level").value("CITY"))
                .andExpect(jsonPath("$.currentTask.candidateGroups[0]").value("city-reviewer:410100"));
        calls.page("teacher", "/exemptions/" + id).andExpect(content().string(containsString("市级复核中")));
        calls.page("teacher", "/my/exemptions").andExpect(content().string(containsString("市级复核中")));

        calls.decide(id, "city.reviewer", "RETURN", "请补充学位证书");
        calls.api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("待修改申请材料"))
                .andExpect(jsonPath("$.openSteps[0].kind").value("SUBMISSION"))
                .andExpect(jsonPath("$.openSteps[0].level").value("APPLICANT"));
        calls.page("teacher", "/exemptions/" + id)
                .andExpect(content().string(containsString("待修改申请材料")))
                .andExpect(content().string(containsString("请补充学位证书")));

        calls.api("teacher", post("/api/exemptions/" + id + "/amendments").contentType(MediaType.APPLICATION_JSON)
                .content(calls.diploma("CITY-STEP-" + System.nanoTime())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusLabel").value("学校审核中"));
        calls.decide(id, "school.admin", "APPROVE", null);
        calls.decide(id, "county.reviewer", "APPROVE", null);
        calls.decide(id, "city.reviewer", "APPROVE", "同意");
        calls.api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("处理中"))
                .andExpect(jsonPath("$.openSteps").isEmpty());

        // The job executor does this in the running application; it is off in tests.
        Job credit = management.createJobQuery().activityId(DegreeExemptionProcess.CREDIT_HOURS)
                .processInstanceId(exemptions.require(id).processInstanceId()).singleResult();
        management.executeJob(credit.getId());
        calls.api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("EXEMPTED"))
                .andExpect(jsonPath("$.statusLabel").value("已免修登记"))
                .andExpect(jsonPath("$.ledgerEntryId").isNumber())
                .andExpect(jsonPath("$.history[*].taskKey").value(contains(null, "UserTask_SchoolReview",
                        "UserTask_AuthorityReview", CITY_REVIEW, "UserTask_Amend", "UserTask_Amend", "UserTask_SchoolReview",
                        "UserTask_AuthorityReview", CITY_REVIEW, "ServiceTask_CreditHours")))
                .andExpect(jsonPath("$.history[*].outcome").value(contains("SUBMITTED", "APPROVED", "APPROVED",
                        "RETURNED", "SUBMITTED", "RESUBMITTED", "APPROVED", "APPROVED", "APPROVED", "COMPLETED")));
        calls.page("teacher", "/my/exemptions").andExpect(content().string(containsString("已免修登记")))
                .andExpect(content().string(not(containsString("市级复核中"))));
    }

    private void deploy(String model, String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(ModelerDeployment.degreeExemption(name, model)
                        .request(URI.create("http://localhost:" + port), "Basic " + Base64.getEncoder()
                                .encodeToString(("sysadmin:" + ExemptionCaseCalls.PASSWORD).getBytes(StandardCharsets.UTF_8))),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
