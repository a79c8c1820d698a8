package cn.shixun.exemption.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.security.Accounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * R-30 as the demo accounts do it through the API (same context as the demo-data tests): the
 * teacher of 文化路第一小学 applies, {@code school.admin} and then {@code county.reviewer} of
 * 金水区 approve, and the teacher's ledger and status show the cycle met by the exemption
 * . Along the way, the engine REST API lists each reviewer's own tasks (ADR 0004).
 */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class DegreeExemptionDemoScenarioTest {

    private static final String PASSWORD = "shixun123";

    @Autowired WebApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ObjectMapper json;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void R30_R04_R16_teacherAppliesSchoolAndCountyApproveAndTheLedgerShowsTheCycleMetByExemption() throws Exception {
        JsonNode applied = body(as("teacher", post("/api/exemptions").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("DEMO-DIPLOMA-0001", scanOf("teacher"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("学校审核中"))
                .andExpect(jsonPath("$.openSteps[*].key").value(contains("UserTask_SchoolReview")))
                .andExpect(jsonPath("$.openSteps[0].kind").value("REVIEW"))
                .andExpect(jsonPath("$.openSteps[0].level").value("SCHOOL"))
                .andExpect(jsonPath("$.currentTask.key").value("UserTask_SchoolReview"))
                .andExpect(jsonPath("$.currentTask.candidateGroups[0]").value("school-admin:4101050001"))
                .andExpect(jsonPath("$.authorityGroup").value("county-reviewer:410105")));
        long id = applied.get("id").asLong();
        long teacherId = applied.get("teacherId").asLong();
        String instance = processInstanceOf(id);

        assertThat(tasksOf("school.admin")).contains(instance);
        assertThat(tasksOf("county.reviewer")).doesNotContain(instance);
        String schoolReview = applied.get("currentTask").get("id").asText();
        as("school.admin", get("/api/tasks").param("process", "degreeExemption"))
                .andExpect(jsonPath("$.tasks[?(@.id == '" + schoolReview + "')].summary").value(
                        hasItem(containsString("河南师范大学 教育管理"))));
        as("county.reviewer", post("/api/tasks/" + schoolReview + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("找不到待办任务")));

        as("school.admin", post("/api/tasks/" + schoolReview + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\",\"comment\":\"学历证书原件已核验\"}"))
                .andExpect(status().isOk());
        JsonNode atAuthority = body(as("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("登记机构审核中"))
                .andExpect(jsonPath("$.openSteps[*].key").value(contains("UserTask_AuthorityReview")))
                .andExpect(jsonPath("$.openSteps[0].kind").value("REVIEW"))
                .andExpect(jsonPath("$.openSteps[0].level").value("COUNTY"))
                .andExpect(jsonPath("$.currentTask.candidateGroups[0]").value("county-reviewer:410105")));
        assertThat(tasksOf("county.reviewer")).contains(instance);
        assertThat(tasksOf("school.admin")).doesNotContain(instance);

        String authorityReview = atAuthority.get("currentTask").get("id").asText();
        as("county.reviewer", post("/api/tasks/" + authorityReview + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\",\"comment\":\"同意登记\"}"))
                .andExpect(status().isOk());
        as("teacher", get("/api/exemptions/" + id)).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("处理中"))
                .andExpect(jsonPath("$.openSteps").isEmpty());
        // The job executor does this in the running application; it is off in tests.
        Job credit = management.createJobQuery().processInstanceId(instance).singleResult();
        management.executeJob(credit.getId());

        as("teacher", get("/api/exemptions/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXEMPTED"))
                .andExpect(jsonPath("$.currentTask").doesNotExist())
                .andExpect(jsonPath("$.history[*].actor").value(contains(
                        "teacher", "school.admin", "county.reviewer", "system")))
                .andExpect(jsonPath("$.history[1].comment").value("学历证书原件已核验"));
        as("teacher", get("/api/teachers/" + teacherId + "/ledger"))
                .andExpect(jsonPath("$[?(@.sourceRef == 'degreeExemption/" + id + "')].category").value(
                        hasItem("DEGREE_EXEMPTION")))
                .andExpect(jsonPath("$[?(@.sourceRef == 'degreeExemption/" + id + "')].decidedBy").value(
                        hasItem("county.reviewer")));
        as("teacher", get("/api/teachers/" + teacherId + "/status").param("date", "2026-07-01"))
                .andExpect(jsonPath("$.cycleExemptByDegree").value(true))
                .andExpect(jsonPath("$.requirements[?(@.code == 'CYCLE_TOTAL')].metByExemption").value(hasItem(true)));
    }

    @Test
    void R30_refusalsAreProblemDetailsNamingFieldAndRule() throws Exception {
        as("teacher", post("/api/exemptions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution\":\"河南大学\",\"degreeLevel\":\"BACHELOR\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("major"))
                .andExpect(jsonPath("$.ruleId").value("R-30"));
        as("teacher", post("/api/exemptions").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .content(diploma("DEMO-DIPLOMA-0002", scanOf("teacher")).replace("\"educationRelated\":true", "\"educationRelated\":false")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-16"))
                .andExpect(jsonPath("$.detail").value(containsString("Only an education-related degree exempts")));
        as("school.admin", post("/api/exemptions").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("DEMO-DIPLOMA-0003", scanOf("teacher"))))
                .andExpect(status().isForbidden());
        long id = body(as("teacher.km", post("/api/exemptions").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("DEMO-DIPLOMA-0004", scanOf("teacher.km"))))
                .andExpect(status().isCreated())).get("id").asLong();
        as("teacher", get("/api/exemptions/" + id)).andExpect(status().isNotFound());
        as("county.reviewer", post("/api/exemptions/" + id + "/amendments").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("DEMO-DIPLOMA-0005", scanOf("teacher"))))
                .andExpect(status().isNotFound());
        as("county.reviewer.km", get("/api/exemptions/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authorityGroup").value("county-reviewer:530102"));
    }

    @Test
    void R30_R40_schoolAdminReturnsAndTheTeacherAmendsThroughTheApi() throws Exception {
        String scan = scanOf("teacher");
        JsonNode applied = body(as("teacher", post("/api/exemptions").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("DEMO-DIPLOMA-0006", scan))).andExpect(status().isCreated()));
        long id = applied.get("id").asLong();
        String review = applied.get("currentTask").get("id").asText();
        as("teacher", post("/api/exemptions/" + id + "/amendments").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("DEMO-DIPLOMA-0006", scan)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.ruleId").value("R-30"));

        as("school.admin", post("/api/tasks/" + review + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"RETURN\",\"comment\":\"扫描件不清晰\"}"))
                .andExpect(status().isOk());
        as("teacher", get("/api/exemptions/" + id))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("待修改申请材料"))
                .andExpect(jsonPath("$.openSteps[*].key").value(contains("UserTask_Amend")))
                .andExpect(jsonPath("$.openSteps[0].kind").value("SUBMISSION"))
                .andExpect(jsonPath("$.openSteps[0].level").value("APPLICANT"))
                .andExpect(jsonPath("$.currentTask.key").value("UserTask_Amend"))
                .andExpect(jsonPath("$.currentTask.assignee").value("teacher"));
        as("teacher", get("/api/tasks")).andExpect(jsonPath("$.tasks[*].caseId").value(hasItem(String.valueOf(id))));

        // a made-up reference or another teacher's file is refused, the case stays returned.
        for (String notTheirs : List.of("uploads/clear-DEMO-DIPLOMA-0006.pdf", scanOf("teacher.km"))) {
            as("teacher", post("/api/exemptions/" + id + "/amendments").contentType(MediaType.APPLICATION_JSON)
                    .content(diploma("DEMO-DIPLOMA-0006", notTheirs)))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.field").value("diplomaFile"))
                    .andExpect(jsonPath("$.ruleId").value("R-40"));
        }
        as("teacher", get("/api/exemptions/" + id)).andExpect(jsonPath("$.openSteps[*].key").value(contains("UserTask_Amend")))
                .andExpect(jsonPath("$.diploma.diplomaFile").value(scan));

        String clearScan = scanOf("teacher");
        as("teacher", post("/api/exemptions/" + id + "/amendments").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("DEMO-DIPLOMA-0006", clearScan)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openSteps[*].key").value(contains("UserTask_SchoolReview")))
                .andExpect(jsonPath("$.diploma.diplomaFile").value(clearScan))
                .andExpect(jsonPath("$.history[*].outcome").value(contains(
                        "SUBMITTED", "RETURNED", "SUBMITTED", "RESUBMITTED")))
                .andExpect(jsonPath("$.history[2].comment").value(containsString(scan)));
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /**
     * The query behind {@code GET /engine-rest/task?candidateUser=…} (a servlet of its own that
     * MockMvc does not reach; LoginBrowserIT calls it on the real server): the process
     * instances with a task for the account, resolved through its candidate groups.
     */
    private List<String> tasksOf(String username) {
        // The other procedures' demo cases are in the same worklists; this scenario looks at its own.
        return tasks.createTaskQuery().processDefinitionKey("degreeExemption").taskCandidateUser(username).list().stream()
                .map(org.camunda.bpm.engine.task.Task::getProcessInstanceId).toList();
    }

    private String processInstanceOf(long id) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                .processDefinitionKey("degreeExemption").singleResult().getId();
    }

    /** A stored evidence file of the demo teacher signed in as {@code username}. */
    private String scanOf(String username) {
        return StoredEvidence.of(evidence, accounts.find(username).orElseThrow().teacherId());
    }

    private static String diploma(String certificateNumber, String scan) {
        return """
                {"institution":"河南师范大学","degreeLevel":"POSTGRADUATE","major":"教育管理","educationRelated":true,
                 "studyStart":"2024-09-01","studyEnd":"2026-06-30","certificateNumber":"%s",
                 "diplomaFile":"%s"}""".formatted(certificateNumber, scan);
    }
}
