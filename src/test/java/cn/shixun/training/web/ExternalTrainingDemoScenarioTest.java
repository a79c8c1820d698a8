package cn.shixun.training.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.Accounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * R-31 as the demo accounts do it through the API (same context as the other demo scenarios):
 * {@code teacher} of 文化路第一小学 applies before the training, {@code school.admin} consents,
 * after the training the teacher submits the certificate, {@code school.admin} and
 * {@code county.reviewer} of 金水区 approve it in the casework, and the teacher's ledger
 * shows the hours the Henan profile credits.
 */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class ExternalTrainingDemoScenarioTest {

    private static final String PASSWORD = "shixun123";

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired ManagementService management;
    @Autowired TrainingProviders providers;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void R31_R04_R21_teacherAppliesBeforehand_schoolConsents_evidenceApprovedTwice_andTheLedgerShowsTheHours()
            throws Exception {
        JsonNode applied = body(as("teacher", post("/api/trainings").contentType(MediaType.APPLICATION_JSON)
                .content(application(scanOf("teacher"), provider("河南师范大学"), "班主任工作能力提升研修", 20)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("学校事先审核中"))
                .andExpect(jsonPath("$.openSteps[0].key").value("UserTask_SchoolConsent"))
                .andExpect(jsonPath("$.openSteps[0].kind").value("REVIEW"))
                .andExpect(jsonPath("$.openSteps[0].level").value("SCHOOL"))
                .andExpect(jsonPath("$.consentedAt").doesNotExist())
                .andExpect(jsonPath("$.providerName").value("河南师范大学"))
                .andExpect(jsonPath("$.currentTask.key").value("UserTask_SchoolConsent"))
                .andExpect(jsonPath("$.currentTask.candidateGroups[0]").value("school-admin:4101050001"))
                .andExpect(jsonPath("$.authorityGroup").value("county-reviewer:410105")));
        long id = applied.get("id").asLong();
        long teacherId = applied.get("teacherId").asLong();

        String consent = applied.at("/currentTask/id").asText();
        as("county.reviewer", post("/api/tasks/" + consent + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\"}"))
                // Another organisation's task is answered like an unknown one (R-04, ADR 0009).
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(not(containsString("school-admin"))));
        as("school.admin", get("/api/tasks").param("processKey", "externalTrainingApproval"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks[*].caseId").value(hasItem(String.valueOf(id))));
        decide("school.admin", consent, "APPROVE", "同意参训");
        as("teacher", get("/api/trainings/" + id))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("学校已同意，待培训结束"))
                .andExpect(jsonPath("$.openSteps").isEmpty())
                .andExpect(jsonPath("$.consentedAt").isString())
                .andExpect(jsonPath("$.currentTask").doesNotExist());
        // Too early: the completion evidence only comes after the training.
        as("teacher", post("/api/trainings/" + id + "/completion").contentType(MediaType.APPLICATION_JSON)
                .content(certificate("DEMO-EXT-CERT-0001", scanOf("teacher"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.ruleId").value("R-31"));

        // The training takes place (the test cannot wait for the days); the timer fires (job executor off in tests).
        // It lies in last year: the demo teacher's hours of this year are asserted by the ledger's demo-data tests
        // sharing this context.
        LocalDate end = LocalDate.now(clock).minusYears(1);
        jdbc.update("UPDATE external_training SET start_date = ?, end_date = ? WHERE id = ?", end.minusDays(2), end, id);
        management.executeJob(jobAt(id, "TimerEvent_TrainingEnded").getId());

        JsonNode submitted = body(as("teacher", post("/api/trainings/" + id + "/completion")
                .contentType(MediaType.APPLICATION_JSON).content(certificate("DEMO-EXT-CERT-0001", scanOf("teacher"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("学校审核结业材料中"))
                .andExpect(jsonPath("$.evidence.certificateNumber").value("DEMO-EXT-CERT-0001")));
        decide("school.admin", submitted.at("/currentTask/id").asText(), "APPROVE", "证书已核验");
        JsonNode atAuthority = body(as("county.reviewer", get("/api/trainings/" + id))
                .andExpect(jsonPath("$.statusLabel").value("登记机构审核中"))
                .andExpect(jsonPath("$.openSteps[0].level").value("COUNTY")));
        decide("county.reviewer", atAuthority.at("/currentTask/id").asText(), "APPROVE", "同意登记");
        management.executeJob(jobAt(id, "ServiceTask_CheckProvider").getId());

        as("teacher", get("/api/trainings/" + id))
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.statusLabel").value("学时已登记"))
                .andExpect(jsonPath("$.history[*].actor").value(contains(
                        "teacher", "school.admin", "teacher", "school.admin", "county.reviewer", "system")))
                .andExpect(jsonPath("$.history[1].comment").value("同意参训"));
        String entries = "$[?(@.sourceRef == 'externalTrainingApproval/" + id + "')]";
        as("teacher", get("/api/teachers/" + teacherId + "/ledger"))
                .andExpect(jsonPath(entries + ".hours").value(hasItem(24.0)))
                .andExpect(jsonPath(entries + ".claimKind").value(hasItem("PROFESSIONAL_CERTIFICATE")))
                .andExpect(jsonPath(entries + ".decidedBy").value(hasItem("county.reviewer")));
    }

    @Test
    void R31_R06_refusalsAreProblemDetailsNamingFieldAndRule_andOthersCannotSeeTheCase() throws Exception {
        as("teacher", post("/api/trainings").contentType(MediaType.APPLICATION_JSON)
                .content(application(scanOf("teacher"), provider("郑州启航教育咨询有限公司"), "沟通技巧培训", 20)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("providerId"))
                .andExpect(jsonPath("$.ruleId").value("R-06"));
        as("teacher", post("/api/trainings").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .content(application(scanOf("teacher"), provider("河南大学"), "已经开始的培训", 0)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("startDate"))
                .andExpect(jsonPath("$.ruleId").value("R-31"))
                .andExpect(jsonPath("$.detail").value(containsString("must consent before it starts")));
        as("county.reviewer", post("/api/trainings").contentType(MediaType.APPLICATION_JSON)
                .content(application(scanOf("teacher"), provider("河南大学"), "代为申请", 20)))
                .andExpect(status().isForbidden());

        long id = body(as("teacher.km", post("/api/trainings").contentType(MediaType.APPLICATION_JSON)
                .content(application(scanOf("teacher.km"), provider("云南师范大学"), "民族地区教育研修", 25)))
                .andExpect(status().isCreated())).get("id").asLong();
        as("teacher", get("/api/trainings/" + id)).andExpect(status().isNotFound());
        as("county.reviewer", get("/api/trainings/" + id)).andExpect(status().isNotFound());
        as("county.reviewer.km", get("/api/trainings/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authorityGroup").value("county-reviewer:530102"));
        as("teacher.km", post("/api/trainings/" + id + "/application").contentType(MediaType.APPLICATION_JSON)
                .content(application(scanOf("teacher.km"), provider("云南师范大学"), "民族地区教育研修", 25)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("没有退回修改")));
    }

    private void decide(String username, String taskId, String outcome, String comment) throws Exception {
        as(username, post("/api/tasks/" + taskId + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"%s\",\"comment\":\"%s\"}".formatted(outcome, comment)))
                .andExpect(status().isOk());
    }

    /** The job the case waits on at {@code activity}: a timer, or the asynchronous continuation before a service task. */
    private Job jobAt(long id, String activity) {
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM external_training WHERE id = ?",
                String.class, id);
        return management.createJobQuery().processInstanceId(instance).activityId(activity).singleResult();
    }

    private long provider(String name) {
        return providers.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().getId();
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** A stored evidence file of the demo teacher signed in as {@code username}. */
    private String scanOf(String username) {
        return StoredEvidence.of(evidence, accounts.find(username).orElseThrow().teacherId());
    }

    private String application(String notice, long providerId, String project, int startsInDays) {
        LocalDate start = LocalDate.now(clock).plusDays(startsInDays);
        return """
                {"providerId":%d,"projectName":"%s","startDate":"%s","endDate":"%s","place":"郑州市",
                 "plannedContent":"专题讲座与案例研讨","planFile":"%s"}"""
                .formatted(providerId, project, start, start.plusDays(2), notice);
    }

    private static String certificate(String number, String scan) {
        return """
                {"certificateNumber":"%s","certificateKind":"EDUCATION_DEPARTMENT_NOTICE","statedHours":24,
                 "certificateFile":"%s"}""".formatted(number, scan);
    }
}
