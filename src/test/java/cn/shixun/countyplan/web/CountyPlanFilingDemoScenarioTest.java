package cn.shixun.countyplan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.countyplan.DemoCountyPlans;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.organisation.Organisations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * R-32 as the demo accounts do it through the API, on the demo data's two plans of 金水区: this
 * year's (filed, waiting for the summary) and next year's (waiting for the city's review).
 * {@code city.reviewer} returns next year's plan, {@code county.reviewer} amends it, the city
 * rejects it, the county files a new one, the city approves and records the HR filing; then the
 * county reports this year's training with the demo teacher, the city audits it, and the
 * teacher's own ledger shows the hours with the city reviewer as decider.
 */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class CountyPlanFilingDemoScenarioTest {

    private static final String PASSWORD = "shixun123";
    private static final String DEMO_TEACHER = "4101050001001";

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired ObjectMapper json;
    @Autowired Organisations organisations;

    MockMvc mvc;
    int year;

    @BeforeEach
    void setUp() {
        year = LocalDate.now(clock).getYear();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        DemoCountyPlans.file(context);
    }

    @Test
    void R32_R05_R04_cityReturnsRejectsAndFiles_countyAmendsFilesAndReports_andTheTeachersLedgerShowsTheHours()
            throws Exception {
        long countyId = countyId();
        JsonNode list = body(as("county.reviewer", get("/api/county-plans").param("countyId", String.valueOf(countyId)))
                .andExpect(status().isOk()));
        JsonNode thisYear = planOf(list, year);
        JsonNode nextYear = planOf(list, year + 1);
        // Where each plan stands is its process's open step; that this year's is filed is its record's.
        assertThat(thisYear.get("status").asText()).isEqualTo("OPEN");
        assertThat(thisYear.get("filedAt").isNull()).isFalse();
        assertThat(thisYear.get("statusLabel").asText()).isEqualTo("待报送培训总结");
        assertThat(thisYear.get("openSteps").get(0).get("level").asText()).isEqualTo("COUNTY");
        assertThat(thisYear.get("openTasks").get(0).get("key").asText()).isEqualTo("UserTask_SubmitSummary");
        assertThat(nextYear.get("status").asText()).isEqualTo("OPEN");
        assertThat(nextYear.get("filedAt").isNull()).isTrue();
        assertThat(nextYear.get("statusLabel").asText()).isEqualTo("市教育局审核培训计划中");
        assertThat(nextYear.get("openSteps").get(0).get("level").asText()).isEqualTo("CITY");
        assertThat(nextYear.get("filedLate").asBoolean()).isFalse();
        assertThat(taskOf("county.reviewer", thisYear.get("id").asLong())).isNotNull();

        // Next year's plan: returned, amended, rejected; a new filing is approved and filed with HR.
        long nextId = nextYear.get("id").asLong();
        as("county.reviewer", put("/api/county-plans/" + nextId).contentType(MediaType.APPLICATION_JSON)
                .content(projects("小学数学教师培训", "PRIMARY", false, 50)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("不在此环节")));
        // The city's review of the county's own plan is no task of the county's: answered like an unknown one (ADR 0009).
        as("county.reviewer", post("/api/tasks/" + taskOf("city.reviewer", nextId) + "/decisions")
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isNotFound());
        as("city.reviewer", post("/api/tasks/" + taskOf("city.reviewer", nextId) + "/decisions")
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"RETURN\",\"comment\":\"请细化课程安排\"}"))
                .andExpect(status().isOk());
        as("county.reviewer", put("/api/county-plans/" + nextId).contentType(MediaType.APPLICATION_JSON)
                .content(projects("小学数学教师培训", "PRIMARY", false, 50)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("市教育局审核培训计划中"))
                .andExpect(jsonPath("$.projects[0].name").value("小学数学教师培训"));
        as("city.reviewer", post("/api/tasks/" + taskOf("city.reviewer", nextId) + "/decisions")
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"REJECT\",\"comment\":\"与市级项目重复\"}"))
                .andExpect(status().isOk());
        as("county.reviewer", get("/api/county-plans/" + nextId))
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.statusLabel").value("计划未通过"))
                .andExpect(jsonPath("$.openSteps").isEmpty())
                .andExpect(jsonPath("$.outcomeReason").value("与市级项目重复"))
                .andExpect(jsonPath("$.history[*].outcome").value(hasItem("RETURNED")));

        as("county.reviewer", post("/api/county-plans").contentType(MediaType.APPLICATION_JSON)
                .content(plan(countyId, year + 1, "[]")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("projects"))
                .andExpect(jsonPath("$.ruleId").value("R-32"));
        as("county.reviewer", post("/api/county-plans").contentType(MediaType.APPLICATION_JSON)
                .content(plan(countyId, year + 1, project("高中物理教师培训", "SENIOR_HIGH", false, 30))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-05"))
                .andExpect(jsonPath("$.field").value("projects[0].stage"));
        as("county.reviewer.km", post("/api/county-plans").contentType(MediaType.APPLICATION_JSON)
                .content(plan(countyId, year + 1, project("小学科学教师培训", "PRIMARY", false, 30))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.ruleId").value("R-04"));
        long refiled = body(as("county.reviewer", post("/api/county-plans").contentType(MediaType.APPLICATION_JSON)
                .content(plan(countyId, year + 1, project("县级初中名师培养", "JUNIOR_MIDDLE", true, 20))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.cityGroup").value("city-reviewer:410100"))
                .andExpect(jsonPath("$.openTasks[0].candidateGroups[0]").value("city-reviewer:410100")))
                .get("id").asLong();
        as("county.reviewer", post("/api/county-plans").contentType(MediaType.APPLICATION_JSON)
                .content(plan(countyId, year + 1, project("小学科学教师培训", "PRIMARY", false, 30))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("year"));
        as("city.reviewer", post("/api/tasks/" + taskOf("city.reviewer", refiled) + "/decisions")
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isOk());
        as("city.reviewer", post("/api/county-plans/" + refiled + "/hr-filing").contentType(MediaType.APPLICATION_JSON)
                .content("{\"hrBureau\":\"郑州市人力资源和社会保障局\",\"receiptNumber\":\"ZZRS-77\",\"filedOn\":\""
                        + LocalDate.now(clock) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.filedAt").isNotEmpty())
                .andExpect(jsonPath("$.statusLabel").value("待报送培训总结"))
                .andExpect(jsonPath("$.hrFiling.receiptNumber").value("ZZRS-77"));

        // This year's plan: the county reports, the city audits, the hours reach the teacher's ledger.
        long thisId = thisYear.get("id").asLong();
        List<String> reports = new ArrayList<>();
        for (JsonNode project : thisYear.get("projects")) {
            // Each sign-in sheet is uploaded first as the county's own file; the report names its id.
            String sheet = body(as("county.reviewer", multipart("/api/organisations/" + countyId + "/evidence")
                    .file(new MockMultipartFile("file", "sign-in-" + project.get("seq").asInt() + ".pdf",
                            "application/pdf", SamplePdf.withText("Sign-in sheet " + project.get("seq").asInt()))))
                    .andExpect(status().isCreated())).get("id").asText();
            reports.add("""
                    {"projectId":%d,"deliveredHours":24,"trainingStart":"%d-01-01","trainingEnd":"%d-01-01",
                     "signInSheet":"%s","participants":["%s"]}"""
                    .formatted(project.get("id").asLong(), year, year, sheet, DEMO_TEACHER));
        }
        // A typed reference instead of an uploaded sheet is refused at its field, nothing written.
        as("county.reviewer", post("/api/county-plans/" + thisId + "/summary").contentType(MediaType.APPLICATION_JSON)
                .content("{\"summary\":\"按计划完成\",\"projects\":["
                        + reports.get(0).replaceFirst("\"signInSheet\":\"[^\"]+\"", "\"signInSheet\":\"uploads/sign-in-1.pdf\"")
                        + "]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-40"))
                .andExpect(jsonPath("$.field").value("projects[0].signInSheet"));
        JsonNode reported = body(as("county.reviewer", post("/api/county-plans/" + thisId + "/summary")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"summary\":\"三个项目均按计划完成\",\"projects\":[" + String.join(",", reports) + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusLabel").value("市教育局审核培训总结中")));
        long teacherId = reported.get("projects").get(0).get("participants").get(0).get("teacherId").asLong();
        as("city.reviewer", post("/api/tasks/" + taskOf("city.reviewer", thisId) + "/decisions")
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"APPROVE\",\"comment\":\"学时核实无误\"}"))
                .andExpect(status().isOk());
        // The job executor does this in the running application; it is off in tests.
        Job register = management.createJobQuery().processInstanceId(processInstanceOf(thisId)).executable()
                .singleResult();
        management.executeJob(register.getId());

        as("county.reviewer", get("/api/county-plans/" + thisId))
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.openTasks").isEmpty())
                .andExpect(jsonPath("$.history[-1].step").value("登记学时"));
        String source = "countyPlanFiling/" + thisId;
        as("teacher", get("/api/teachers/" + teacherId + "/ledger"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.sourceRef == '" + source + "')].decidedBy").value(hasItem("city.reviewer")))
                .andExpect(jsonPath("$[?(@.sourceRef == '" + source + "')].evidenceNumber").value(hasItem("CP" + thisId + "-1")));
        JsonNode ledger = body(as("teacher", get("/api/teachers/" + teacherId + "/ledger")));
        int entries = 0;
        for (JsonNode entry : ledger) {
            if (source.equals(entry.get("sourceRef").asText())) {
                entries++;
            }
        }
        assertThat(entries).isEqualTo(thisYear.get("projects").size());
        as("teacher", get("/api/county-plans/" + thisId)).andExpect(status().isNotFound());
    }

    private long countyId() {
        return organisations.findByCode("410105").orElseThrow().getId();
    }

    /** The id of the open task of the plan on the account's worklist ({@code GET /api/tasks}). */
    private String taskOf(String username, long planId) throws Exception {
        JsonNode worklist = body(as(username, get("/api/tasks").param("process", "countyPlanFiling"))
                .andExpect(status().isOk()));
        for (JsonNode task : worklist.get("tasks")) {
            if (task.get("caseId").asText().equals(String.valueOf(planId))) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("no task of plan " + planId + " for " + username + " in " + worklist);
    }

    private JsonNode planOf(JsonNode list, int planYear) {
        for (JsonNode plan : list) {
            if (plan.get("year").asInt() == planYear) {
                return plan;
            }
        }
        throw new AssertionError("no plan for " + planYear + " in " + list);
    }

    private String processInstanceOf(long planId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(planId))
                .processDefinitionKey("countyPlanFiling").singleResult().getId();
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static String project(String name, String stage, boolean keyTeacher, int headcount) {
        return """
                [{"name":"%s","mode":"IN_PERSON","stage":"%s","keyTeacher":%s,"headcount":%d,
                  "courseSchedule":"9月：专题讲座；10月：跟岗实践"}]""".formatted(name, stage, keyTeacher, headcount);
    }

    private static String projects(String name, String stage, boolean keyTeacher, int headcount) {
        return "{\"projects\":" + project(name, stage, keyTeacher, headcount) + "}";
    }

    private static String plan(long countyId, int planYear, String projects) {
        return "{\"countyId\":%d,\"year\":%d,\"projects\":%s}".formatted(countyId, planYear, projects);
    }
}
