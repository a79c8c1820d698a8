package cn.shixun.exemption.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.ModelerDeployment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.AddedReviewStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
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

    private static final String PASSWORD = "shixun123";
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

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void putTheOriginalModelBack() throws Exception {
        // Later tests in this context start cases on the latest version: make it the model of the repository again.
        deploy(ModelerDeployment.degreeExemptionModel(), "degreeExemption original");
    }

    @Test
    void R04_R30_aCityReviewAddedInTheModelIsAStepOfItsOwnOnTheApiAndPages_andTheCaseIsCreditedAfterIt() throws Exception {
        deploy(CITY_REVIEW_ADDED.into(ModelerDeployment.degreeExemptionModel()), "degreeExemption with a city review");

        long id = body(api("teacher", post("/api/exemptions").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("CITY-STEP-" + System.nanoTime())))
                .andExpect(status().isCreated())).get("id").asLong();
        decide(id, "school.admin", "APPROVE", "材料齐全");
        decide(id, "county.reviewer", "APPROVE", "同意");

        api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("市级复核中"))
                .andExpect(jsonPath("$.openSteps[*].key").value(contains(CITY_REVIEW)))
                .andExpect(jsonPath("$.openSteps[0].name").value("市级复核"))
                .andExpect(jsonPath("$.openSteps[0].kind").value("REVIEW"))
                .andExpect(jsonPath("$.openSteps[0].level").value("CITY"))
                .andExpect(jsonPath("$.currentTask.candidateGroups[0]").value("city-reviewer:410100"));
        page("teacher", "/exemptions/" + id).andExpect(content().string(containsString("市级复核中")));
        page("teacher", "/my/exemptions").andExpect(content().string(containsString("市级复核中")));

        decide(id, "city.reviewer", "RETURN", "请补充学位证书");
        api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("待修改申请材料"))
                .andExpect(jsonPath("$.openSteps[0].kind").value("SUBMISSION"))
                .andExpect(jsonPath("$.openSteps[0].level").value("APPLICANT"));
        page("teacher", "/exemptions/" + id)
                .andExpect(content().string(containsString("待修改申请材料")))
                .andExpect(content().string(containsString("请补充学位证书")));

        api("teacher", post("/api/exemptions/" + id + "/amendments").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("CITY-STEP-" + System.nanoTime())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusLabel").value("学校审核中"));
        decide(id, "school.admin", "APPROVE", null);
        decide(id, "county.reviewer", "APPROVE", null);
        decide(id, "city.reviewer", "APPROVE", "同意");
        api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("处理中"))
                .andExpect(jsonPath("$.openSteps").isEmpty());

        // The job executor does this in the running application; it is off in tests.
        Job credit = management.createJobQuery().activityId(DegreeExemptionProcess.CREDIT_HOURS)
                .processInstanceId(exemptions.require(id).processInstanceId()).singleResult();
        management.executeJob(credit.getId());
        api("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("EXEMPTED"))
                .andExpect(jsonPath("$.statusLabel").value("已免修登记"))
                .andExpect(jsonPath("$.ledgerEntryId").isNumber())
                .andExpect(jsonPath("$.history[*].taskKey").value(contains(null, "UserTask_SchoolReview",
                        "UserTask_AuthorityReview", CITY_REVIEW, "UserTask_Amend", "UserTask_Amend", "UserTask_SchoolReview",
                        "UserTask_AuthorityReview", CITY_REVIEW, "ServiceTask_CreditHours")))
                .andExpect(jsonPath("$.history[*].outcome").value(contains("SUBMITTED", "APPROVED", "APPROVED",
                        "RETURNED", "SUBMITTED", "RESUBMITTED", "APPROVED", "APPROVED", "APPROVED", "COMPLETED")));
        page("teacher", "/my/exemptions").andExpect(content().string(containsString("已免修登记")))
                .andExpect(content().string(not(containsString("市级复核中"))));
    }

    /** The reviewer decides the application's open task through the task API, as the workbench does. */
    private void decide(long id, String reviewer, String outcome, String comment) throws Exception {
        String taskId = body(api(reviewer, get("/api/exemptions/" + id))).get("currentTask").get("id").asText();
        api(reviewer, post("/api/tasks/" + taskId + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(comment == null ? Map.of("outcome", outcome)
                        : Map.of("outcome", outcome, "comment", comment))))
                .andExpect(status().isOk());
    }

    private void deploy(String model, String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(ModelerDeployment.degreeExemption(name, model)
                        .request(URI.create("http://localhost:" + port), "Basic " + Base64.getEncoder()
                                .encodeToString(("sysadmin:" + PASSWORD).getBytes(StandardCharsets.UTF_8))),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private ResultActions api(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }

    private ResultActions page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private String diploma(String certificateNumber) {
        String scan = StoredEvidence.of(evidence, accounts.find("teacher").orElseThrow().teacherId());
        return """
                {"institution":"河南师范大学","degreeLevel":"POSTGRADUATE","major":"教育管理","educationRelated":true,
                 "studyStart":"2024-09-01","studyEnd":"2026-06-30","certificateNumber":"%s",
                 "diplomaFile":"%s"}""".formatted(certificateNumber, scan);
    }
}
