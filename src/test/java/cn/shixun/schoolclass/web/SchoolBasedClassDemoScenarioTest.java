package cn.shixun.schoolclass.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.SamplePdf;
import cn.shixun.ledger.Ledger;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
 * R-35 as the demo accounts do it through the API: {@code school.admin} of 文化路第一小学 proposes a
 * course, plans the class, enrols and grades its teachers; {@code county.reviewer} of 金水区
 * approves each step through the worklist (the last one as a batch); every learner who passed
 * ends with the hours the calculator gives for the course.
 */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class SchoolBasedClassDemoScenarioTest {

    private static final String PASSWORD = "shixun123";

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired ObjectMapper json;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void R35_R04_schoolAdminRunsAClassThroughTheCountyAndTheLearnersLedgersShowTheHours() throws Exception {
        Long schoolId = organisations.findByCode("4101050001").orElseThrow().getId();
        // The design document is uploaded first, as the school's own evidence file; the course names its id.
        String designFile = body(as("school.admin", multipart("/api/organisations/" + schoolId + "/evidence")
                .file(new MockMultipartFile("file", "reading-course.pdf", "application/pdf",
                        SamplePdf.withText("Reading course design"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.organisationId").value(schoolId))
                .andExpect(jsonPath("$.teacherId").doesNotExist()))
                .get("id").asText();
        // A made-up reference is refused at its field, nothing started.
        as("school.admin", post("/api/school-classes").contentType(MediaType.APPLICATION_JSON).content("""
                {"schoolId": %d, "course": {"courseName": "整本书阅读教学研讨", "courseType": "SCHOOL_TRAINING",
                 "designedHours": 8, "outline": "两次集体备课", "designFile": "files/reading-course.pdf"}}"""
                .formatted(schoolId)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-40")).andExpect(jsonPath("$.field").value("designFile"));
        JsonNode proposed = body(as("school.admin", post("/api/school-classes").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"schoolId": %d, "course": {"courseName": "整本书阅读教学研讨", "courseType": "SCHOOL_TRAINING",
                         "designedHours": 8, "outline": "围绕整本书阅读开展两次集体备课与一次展示课。",
                         "designFile": "%s"}}""".formatted(schoolId, designFile)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.openSteps[*].key").value(contains("UserTask_SchoolCourseReview")))
                .andExpect(jsonPath("$.currentTask.candidateGroups[0]").value("school-admin:4101050001"))
                .andExpect(jsonPath("$.authorityGroup").value("county-reviewer:410105")));
        long id = proposed.get("id").asLong();

        // The county cannot act on the school's own review: to the county it is no task at all (ADR 0009).
        as("county.reviewer", post("/api/tasks/" + taskOf(id, "school.admin") + "/decisions")
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isNotFound());
        approve(id, "school.admin", "课程设计合理");
        approve(id, "county.reviewer", null);

        LocalDate today = LocalDate.now(clock);
        as("school.admin", post("/api/school-classes/" + id + "/class-plan").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"className": "整本书阅读研修一班", "organiser": "教导处", "address": "学校阶梯教室",
                         "lecturer": "王老师", "headTeacher": "李老师", "headTeacherPhone": "0371-65550000",
                         "enrolmentStart": "%s", "enrolmentEnd": "%s", "studyStart": "%s", "studyEnd": "%s",
                         "headcount": 20, "classTime": "周四下午"}""".formatted(today, today, today, today)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.openSteps[*].key").value(contains("UserTask_CountyOpeningReview")));
        approve(id, "county.reviewer", "同意开班");

        // Teacher 001 is the demo account's; the demo-data tests sharing this context count its hours.
        List<Teacher> learners = teachers.atSchool(schoolId).stream().filter(Teacher::isRegistrable)
                .filter(teacher -> !teacher.staffNumber().endsWith("001")).limit(10).toList();
        ArrayNode ids = json.createArrayNode();
        learners.forEach(teacher -> ids.add(teacher.getId()));
        as("school.admin", post("/api/school-classes/" + id + "/learners").contentType(MediaType.APPLICATION_JSON)
                .content("{\"teacherIds\":" + ids + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.learners.length()").value(learners.size()));
        approve(id, "county.reviewer", null);

        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                .processDefinitionKey("schoolBasedClass").singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("IntermediateCatchEvent_StudyEnded").singleResult().getId());

        ArrayNode grades = json.createArrayNode();
        for (int i = 0; i < learners.size(); i++) {
            ObjectNode line = grades.addObject();
            line.put("teacherId", learners.get(i).getId());
            line.put("grade", i == learners.size() - 1 ? "FAIL" : "PASS");
        }
        as("school.admin", post("/api/school-classes/" + id + "/grades").contentType(MediaType.APPLICATION_JSON)
                .content("{\"grades\":" + grades + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.openSteps[*].key").value(contains("UserTask_SchoolGradeReview")));
        approve(id, "school.admin", null);

        // What the calculator would give each learner now: the ledger must show exactly that.
        Map<Long, BigDecimal> expected = new HashMap<>();
        for (Teacher learner : learners.subList(0, learners.size() - 1)) {
            expected.put(learner.getId(), ledger.preview(learner.getId(), Claim.of(ClaimKind.SCHOOL_BASED, today)
                    .from(today).title("校本研修：整本书阅读教学研讨").hours("8").build()).hours());
        }
        String countyTask = taskOf(id, "county.reviewer");
        as("county.reviewer", post("/api/tasks/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[\"" + countyTask + "\"],\"outcome\":\"APPROVE\",\"comment\":\"批量审核通过\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decided").value(1));
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());

        JsonNode done = body(as("county.reviewer", get("/api/school-classes/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CREDITED")));
        assertThat(done.get("currentTask").isNull()).isTrue();
        for (Teacher learner : learners.subList(0, learners.size() - 1)) {
            JsonNode entries = body(as("county.reviewer", get("/api/teachers/" + learner.getId() + "/ledger"))
                    .andExpect(status().isOk()));
            JsonNode entry = null;
            for (JsonNode candidate : entries) {
                if (("schoolBasedClass/" + id).equals(candidate.path("sourceRef").asText())) {
                    entry = candidate;
                }
            }
            assertThat(entry).as("ledger entry of %s", learner.name()).isNotNull();
            assertThat(new BigDecimal(entry.get("hours").asText())).isEqualByComparingTo(expected.get(learner.getId()));
            assertThat(entry.get("decidedBy").asText()).isEqualTo("county.reviewer");
        }
        Teacher failed = learners.get(learners.size() - 1);
        assertThat(ledger.entriesOf(failed.getId())).noneMatch(e -> ("schoolBasedClass/" + id).equals(e.sourceRef()));
    }

    @Test
    void R35_theDemoDataLeavesClassesInFlightForTheSchoolAndTheCounty() throws Exception {
        assertThat(summaries("school.admin")).anyMatch(summary -> summary.contains("信息技术与语文教学融合"));
        assertThat(summaries("county.reviewer")).anySatisfy(summary -> assertThat(summary).contains("课堂观察与议课"))
                .anySatisfy(summary -> assertThat(summary).contains("整本书阅读教学研讨"));
    }

    private List<String> summaries(String username) throws Exception {
        JsonNode worklist = body(as(username, get("/api/tasks").param("process", "schoolBasedClass").param("size", "200"))
                .andExpect(status().isOk()));
        List<String> summaries = new java.util.ArrayList<>();
        worklist.get("tasks").forEach(task -> summaries.add(task.get("name").asText() + " " + task.get("summary").asText()));
        return summaries;
    }

    private void approve(long id, String username, String comment) throws Exception {
        as(username, post("/api/tasks/" + taskOf(id, username) + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(comment == null ? "{\"outcome\":\"APPROVE\"}"
                        : "{\"outcome\":\"APPROVE\",\"comment\":\"" + comment + "\"}"))
                .andExpect(status().isOk());
    }

    /** The id of the class's task in {@code username}'s worklist. */
    private String taskOf(long id, String username) throws Exception {
        JsonNode worklist = body(as(username, get("/api/tasks").param("process", "schoolBasedClass").param("size", "200"))
                .andExpect(status().isOk()));
        for (JsonNode task : worklist.get("tasks")) {
            if (task.get("caseId").asText().equals(String.valueOf(id))) {
                return task.get("id").asText();
            }
        }
        // Not in this account's worklist: take the open task from the class itself (to try acting on it).
        return body(as("school.admin", get("/api/school-classes/" + id))).get("currentTask").get("id").asText();
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PASSWORD)));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
