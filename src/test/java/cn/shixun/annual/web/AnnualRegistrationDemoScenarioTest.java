package cn.shixun.annual.web;

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
import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.SourceType;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * R-33 as the demo accounts do it through the API (same context as the other demo-data tests):
 * {@code school.admin} declares all of 文化路第一小学 for 2026 in one step, approves the cards
 * at once — the one without its scan is refused and returned, then amended — and
 * {@code county.reviewer} of 金水区 registers them all at once. Each teacher's published
 * year is what the ledger says of it, and the ledger itself is unchanged: annual registration
 * registers the year, it credits no hours.
 */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class AnnualRegistrationDemoScenarioTest {

    private static final String PASSWORD = "shixun123";
    private static final int YEAR = 2026;
    /** The tests' business date (shixun.clock.fixed). */
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);

    @Autowired WebApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired TeacherStatusQuery statusQuery;
    @Autowired ObjectMapper json;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void R33_R04_aWholeDemoSchoolIsDeclared_checked_registeredAtOnce_andEachTeachersYearIsPublishedFromTheLedger()
            throws Exception {
        long schoolId = organisations.findByCode("4101050001").orElseThrow().getId();
        List<Teacher> registrable = teachers.atSchool(schoolId).stream().filter(Teacher::isRegistrable).toList();
        long unregistrable = teachers.atSchool(schoolId).size() - registrable.size();
        // One teacher's own application without a scan: the school must return that card.
        Teacher withoutScan = registrable.get(registrable.size() - 1);
        LedgerEntry unproven = ledger.register(withoutScan.getId(), Claim.of(ClaimKind.SCHOOL_BASED,
                LocalDate.of(YEAR, 5, 1)).title("校本研修（个人申请）").hours("8").build(),
                new Evidence(SourceType.APPLICATION, "scenario", "SCN-" + System.nanoTime(), List.of()), "scenario");
        int ledgerEntriesBefore = ledger.entriesOf(withoutScan.getId()).size();

        JsonNode batch = body(as("school.admin", post("/api/annual-batches").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schoolId\":" + schoolId + ",\"year\":" + YEAR + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.finished").value(true))
                .andExpect(jsonPath("$.items.STARTED").value(registrable.size()))
                .andExpect(jsonPath("$.registrations.OPEN").value(registrable.size()))
                .andExpect(jsonPath("$.openSteps[*].key").value(contains("UserTask_SchoolReview")))
                .andExpect(jsonPath("$.openSteps[0].name").value("学校逐项审查"))
                .andExpect(jsonPath("$.openSteps[0].level").value("SCHOOL"))
                .andExpect(jsonPath("$.openSteps[0].registrations").value(registrable.size())));
        if (unregistrable > 0) {
            assertThat(batch.get("items").get("NOT_REGISTRABLE").asLong()).isEqualTo(unregistrable);
        }
        long batchId = batch.get("id").asLong();
        // Declaring again creates nothing new.
        as("school.admin", post("/api/annual-batches").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schoolId\":" + schoolId + ",\"year\":" + YEAR + "}"))
                .andExpect(jsonPath("$.id").value(batchId))
                .andExpect(jsonPath("$.items.STARTED").value(registrable.size()));
        // The teacher was declared by the school: an own card for the same year is refused.
        as("teacher", post("/api/annual-registrations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":" + YEAR + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.ruleId").value("R-33"));
        // The county may not declare or see another county's school, nor decide the school's step.
        as("county.reviewer.km", get("/api/annual-batches/" + batchId)).andExpect(status().isNotFound());

        Map<Long, Long> registrationOfTeacher = new java.util.HashMap<>();
        for (JsonNode item : batch.get("teacherItems")) {
            if (item.get("outcome").asText().equals("STARTED")) {
                registrationOfTeacher.put(item.get("teacherId").asLong(), item.get("registrationId").asLong());
            }
        }
        long unprovenId = registrationOfTeacher.get(withoutScan.getId());

        // school.admin approves every card at once; the card without its scan is refused and stays.
        List<String> schoolTasks = worklist("school.admin");
        assertThat(schoolTasks).hasSize(registrable.size());
        as("county.reviewer", post("/api/tasks/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(decisions(schoolTasks, "APPROVE", null)))
                .andExpect(jsonPath("$.decided").value(0));
        JsonNode schoolDecisions = body(as("school.admin", post("/api/tasks/decisions")
                .contentType(MediaType.APPLICATION_JSON).content(decisions(schoolTasks, "APPROVE", "逐项核对无误")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decided").value(registrable.size() - 1))
                .andExpect(jsonPath("$.refused").value(1)));
        List<String> refusedRules = new ArrayList<>();
        schoolDecisions.get("outcomes").forEach(outcome -> {
            if (!outcome.get("done").asBoolean()) {
                refusedRules.add(outcome.get("ruleId").asText() + " " + outcome.get("message").asText());
            }
        });
        assertThat(refusedRules).singleElement().asString().startsWith("R-33").contains("缺少证明材料");
        String unprovenTask = openTaskId(unprovenId);
        as("school.admin", post("/api/tasks/" + unprovenTask + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"RETURN\",\"comment\":\"校本研修缺学时证明，请补交\"}"))
                .andExpect(status().isOk());
        // A typed file name is not evidence: refused at its field, the card unchanged.
        as("school.admin", post("/api/annual-registrations/" + unprovenId + "/amendments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"attachments\":[{\"entryId\":" + unproven.getId() + ",\"files\":[\"scans/xbyx-2026.pdf\"]}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-40"))
                .andExpect(jsonPath("$.field").value("attachments[0].files"));
        // The school uploads the scan as the teacher's evidence file, then attaches its id.
        String scan = body(as("school.admin", multipart("/api/teachers/" + unproven.teacherId() + "/evidence")
                .file(new MockMultipartFile("file", "xbyx-2026.pdf", "application/pdf",
                        SamplePdf.withText("School-based training 2026")))))
                .get("id").asText();
        as("school.admin", post("/api/annual-registrations/" + unprovenId + "/amendments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"attachments\":[{\"entryId\":" + unproven.getId() + ",\"files\":[\"" + scan + "\"]}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("学校逐项审查中"))
                .andExpect(jsonPath("$.cardVersion").value(2))
                .andExpect(jsonPath("$.evidenceComplete").value(true));
        as("school.admin", post("/api/tasks/" + openTaskId(unprovenId) + "/decisions")
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isOk());

        // county.reviewer sees the year's status from the ledger with each card, then registers all at once.
        long anyId = registrationOfTeacher.values().iterator().next();
        as("county.reviewer", get("/api/annual-registrations/" + anyId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("登记机构审核登记中"))
                .andExpect(jsonPath("$.openSteps[0].key").value("UserTask_AuthorityReview"))
                .andExpect(jsonPath("$.openSteps[0].kind").value("REVIEW"))
                .andExpect(jsonPath("$.openSteps[0].level").value("COUNTY"))
                .andExpect(jsonPath("$.openTasks[0].candidateGroups[0]").value("county-reviewer:410105"))
                .andExpect(jsonPath("$.yearStatus.registered").value(false))
                .andExpect(jsonPath("$.deadlines.registration").value("2026-12-31"));
        List<String> countyTasks = worklist("county.reviewer");
        assertThat(countyTasks).hasSize(registrable.size());
        as("county.reviewer", post("/api/tasks/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(decisions(countyTasks, "APPROVE", "同意登记")))
                .andExpect(jsonPath("$.decided").value(registrable.size()));
        // The job executor does this in the running application; it is off in tests.
        for (long id : registrationOfTeacher.values()) {
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                    .processDefinitionKey("annualRegistration").singleResult().getId();
            for (Job job : management.createJobQuery().processInstanceId(instance).messages().list()) {
                management.executeJob(job.getId());
            }
        }

        as("school.admin", get("/api/annual-batches/" + batchId))
                .andExpect(jsonPath("$.registrations.PUBLISHED").value(registrable.size()))
                .andExpect(jsonPath("$.openSteps").isEmpty());
        for (Teacher teacher : registrable) {
            long id = registrationOfTeacher.get(teacher.getId());
            TeacherStatus ledgerSays = statusQuery.statusOf(teacher.getId(), TODAY);
            JsonNode published = body(as("county.reviewer", get("/api/annual-registrations/" + id))
                    .andExpect(jsonPath("$.status").value("PUBLISHED"))
                    .andExpect(jsonPath("$.statusLabel").value("已登记并发布"))
                    .andExpect(jsonPath("$.openSteps").isEmpty())
                    .andExpect(jsonPath("$.yearStatus.registered").value(true))
                    .andExpect(jsonPath("$.yearStatus.asOf").value(TODAY.toString())));
            assertThat(new BigDecimal(published.get("yearStatus").get("yearTotal").asText()))
                    .as("teacher %s", teacher.staffNumber()).isEqualByComparingTo(ledgerSays.yearTotal());
            List<String> lines = new ArrayList<>();
            published.get("yearStatus").get("requirements").forEach(line -> lines.add(line.get("code").asText()
                    + "=" + new BigDecimal(line.get("credited").asText()).stripTrailingZeros().toPlainString()));
            assertThat(lines).containsExactlyElementsOf(ledgerSays.requirements().stream()
                    .map(line -> line.code() + "=" + line.credited().stripTrailingZeros().toPlainString()).toList());
            assertThat(published.get("history").findValuesAsText("actor"))
                    .contains("school.admin", "county.reviewer", "system");
        }
        // The teacher reads their own published year; the ledger has no entry more than before.
        Teacher demoTeacher = teachers.findByStaffNumber("4101050001001").orElseThrow();
        as("teacher", get("/api/annual-registrations/" + registrationOfTeacher.get(demoTeacher.getId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.staffNumber").value("4101050001001"))
                .andExpect(jsonPath("$.statusLabel").value("已登记并发布"));
        assertThat(ledger.entriesOf(withoutScan.getId())).hasSize(ledgerEntriesBefore);
    }

    @Test
    void R33_refusalsAreProblemDetailsNamingFieldAndRule() throws Exception {
        long schoolId = organisations.findByCode("4101050002").orElseThrow().getId();
        as("school.admin", post("/api/annual-batches").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schoolId\":" + schoolId + ",\"year\":" + YEAR + "}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.field").value("schoolId"));
        as("teacher.km", post("/api/annual-registrations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2027}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("year"))
                .andExpect(jsonPath("$.ruleId").value("R-33"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("2027年度尚未开始，不能登记")));
        as("teacher.km", post("/api/annual-registrations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2025}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2025-10-31")));
    }

    private List<String> worklist(String username) throws Exception {
        JsonNode page = body(as(username, get("/api/tasks").param("process", "annualRegistration").param("size", "200"))
                .andExpect(status().isOk()));
        return page.get("tasks").findValuesAsText("id");
    }

    private String openTaskId(long registrationId) throws Exception {
        return body(as("school.admin", get("/api/annual-registrations/" + registrationId)))
                .get("openTasks").get(0).get("id").asText();
    }

    private String decisions(List<String> taskIds, String outcome, String comment) throws Exception {
        return json.writeValueAsString(Map.of("taskIds", taskIds, "outcome", outcome,
                "comment", comment == null ? "" : comment));
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PASSWORD)));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
