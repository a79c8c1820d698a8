package cn.shixun.cycleverification.web;

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

import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * as the demo accounts do it through the API (same context as the other demo
 * scenarios): {@code school.admin} declares the teachers of 文化路第一小学 whose cycle ended in
 * 2022 (R-08: each teacher's own cycle, from the last certificate) in one step; the school
 * registers the hours one of them lacked; {@code county.reviewer} approves both at once, which
 * refuses the other one short of hours and lets the first go on; the county returns the
 * second for evidence, the school adds it and resubmits; {@code city.reviewer} and
 * {@code province.reviewer} approve both at once; both get certificates, the teachers' ledgers
 * show the cycle met and a new cycle from the certificate, and a stranger verifies a certificate
 * without signing in while a wrong check code is refused.
 */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class CycleVerificationDemoScenarioTest {

    private static final String PASSWORD = "shixun123";

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired ObjectMapper json;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void R34_R36_R07_R08_aDemoSchoolsTeachersAreVerifiedThroughFourLevelsAndGetVerifiableCertificates() throws Exception {
        Long schoolId = organisations.findByCode("4101050001").orElseThrow().getId();
        Teacher first = teachers.findByStaffNumber("4101050001006").orElseThrow();
        Teacher second = teachers.findByStaffNumber("4101050001009").orElseThrow();

        JsonNode batch = body(as("school.admin", post("/api/cycle-verifications/batches").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"schoolId":%d,"periodFrom":"2022-01-01","periodTo":"2022-12-31","requestId":"scenario-2022"}"""
                        .formatted(schoolId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.counts[*].statusLabel").value(contains("县级复查中")))
                .andExpect(jsonPath("$.counts[0].status").value("OPEN"))
                .andExpect(jsonPath("$.counts[0].level").value("COUNTY"))
                .andExpect(jsonPath("$.counts[0].count").value(2))
                .andExpect(jsonPath("$.verifications[0].statusLabel").value("县级复查中"))
                .andExpect(jsonPath("$.verifications[0].openSteps[0].key").value("UserTask_CountyRecheck"))
                .andExpect(jsonPath("$.verifications[0].staffNumber").value("4101050001006"))
                .andExpect(jsonPath("$.verifications[1].staffNumber").value("4101050001009"))
                .andExpect(jsonPath("$.verifications[0].hoursMet").value(false))
                .andExpect(jsonPath("$.verifications[0].missing").value(containsString("还差")))
                .andExpect(jsonPath("$.verifications[0].currentTask.candidateGroups[0]").value("county-reviewer:410105")));
        assertThat(batch.get("skipped").findValuesAsText("reason")).anyMatch(reason -> reason.contains("已经核准"));
        long firstId = batch.at("/verifications/0/id").asLong();
        long secondId = batch.at("/verifications/1/id").asLong();
        String cycleEnd = batch.at("/verifications/0/cycleEnd").asText();
        assertThat(cycleEnd).isEqualTo(first.lastCertificateIssuedOn().plusYears(5).minusDays(1).toString());
        // The same request again declares nothing new.
        as("school.admin", post("/api/cycle-verifications/batches").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"schoolId":%d,"periodFrom":"2022-01-01","periodTo":"2022-12-31","requestId":"scenario-2022"}"""
                        .formatted(schoolId)))
                .andExpect(jsonPath("$.id").value(batch.get("id").asLong()))
                .andExpect(jsonPath("$.total").value(2));

        // The school registers what the first teacher's cycle lacked (certificates it holds), before the re-check.
        topUp(first, cycleEnd);
        List<String> countyTasks = taskIdsOf("county.reviewer", firstId, secondId);
        as("county.reviewer", post("/api/tasks/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(decisions(countyTasks, "APPROVE", "复查通过")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decided").value(1))
                .andExpect(jsonPath("$.refused").value(1))
                .andExpect(jsonPath("$.outcomes[1].ruleId").value("R-07"))
                .andExpect(jsonPath("$.outcomes[1].message").value(containsString("学时未达到要求")));
        as("county.reviewer", post("/api/tasks/" + countyTasks.get(1) + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"RETURN\",\"comment\":\"请补登本周期的培训学时并附证书\"}"))
                .andExpect(status().isOk());
        as("school.admin", get("/api/cycle-verifications/" + secondId))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("待学校补充材料"))
                .andExpect(jsonPath("$.openSteps[0].kind").value("SUBMISSION"))
                .andExpect(jsonPath("$.openSteps[0].level").value("SCHOOL"))
                .andExpect(jsonPath("$.currentTask.key").value("UserTask_SchoolAmend"));
        as("school.admin", get("/api/cycle-verifications/" + firstId))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("市级确认中"))
                .andExpect(jsonPath("$.openSteps[0].key").value("UserTask_CityConfirm"))
                .andExpect(jsonPath("$.openSteps[0].level").value("CITY"))
                .andExpect(jsonPath("$.hoursMet").value(true));

        topUp(second, cycleOf(secondId));
        as("school.admin", post("/api/cycle-verifications/" + secondId + "/amendments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"已补登省级培训与校本研修学时，附结业证书\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("县级复查中"))
                .andExpect(jsonPath("$.hoursMet").value(true));
        as("county.reviewer", post("/api/tasks/" + taskIdsOf("county.reviewer", secondId).get(0) + "/decisions")
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isOk());

        as("city.reviewer", post("/api/tasks/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(decisions(taskIdsOf("city.reviewer", firstId, secondId), "APPROVE", "确认")))
                .andExpect(jsonPath("$.decided").value(2));
        as("province.reviewer", post("/api/tasks/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(decisions(taskIdsOf("province.reviewer", firstId, secondId), "APPROVE", "备案")))
                .andExpect(jsonPath("$.decided").value(2));
        // The job executor issues the certificates in the running application; it is off in tests.
        for (long id : List.of(firstId, secondId)) {
            String instance = runtime.createProcessInstanceQuery().processDefinitionKey("cycleVerification")
                    .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();
            management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        }

        as("school.admin", get("/api/cycle-verifications/batches/" + batch.get("id").asLong()))
                .andExpect(jsonPath("$.counts[*].status").value(contains("CERTIFIED")))
                .andExpect(jsonPath("$.counts[0].statusLabel").value("已核准发证"))
                .andExpect(jsonPath("$.counts[0].count").value(2));
        JsonNode certified = body(as("school.admin", get("/api/cycle-verifications/" + firstId))
                .andExpect(jsonPath("$.status").value("CERTIFIED"))
                .andExpect(jsonPath("$.certificate.validUntil").value(
                        LocalDate.now(clock).plusYears(5).minusDays(1).toString()))
                .andExpect(jsonPath("$.history[*].actor").value(org.hamcrest.Matchers.contains(
                        "school.admin", "county.reviewer", "city.reviewer", "province.reviewer", "system"))));
        JsonNode certificate = certified.get("certificate");

        // The teacher's ledger: the verified cycle met, and a new cycle from the certificate.
        as("school.admin", get("/api/teachers/" + first.getId() + "/status").param("date", cycleEnd))
                .andExpect(jsonPath("$.requirements[?(@.code == 'CYCLE_TOTAL')].met").value(org.hamcrest.Matchers.hasItem(true)))
                .andExpect(jsonPath("$.requirements[?(@.code == 'CYCLE_SCHOOL_BASED')].met").value(org.hamcrest.Matchers.hasItem(true)));
        as("school.admin", get("/api/teachers/" + first.getId() + "/status"))
                .andExpect(jsonPath("$.cycle.start").value(LocalDate.now(clock).toString()));

        // Anyone verifies it without signing in; a wrong check code finds nothing.
        mvc.perform(get("/verify").param("number", certificate.get("number").asText())
                        .param("check", certificate.get("checkCode").asText()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("证书真实")))
                .andExpect(content().string(containsString(first.name().substring(0, 1) + "*")))
                .andExpect(content().string(not(containsString(first.name()))))
                .andExpect(content().string(containsString("郑州市金水区文化路第一小学")))
                .andExpect(content().string(containsString("在有效期内")));
        mvc.perform(get("/verify").param("number", certificate.get("number").asText()).param("check", "WRONG234"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到")))
                .andExpect(content().string(not(containsString("郑州市金水区文化路第一小学"))));
        mvc.perform(get(certificate.get("verifyPath").asText())).andExpect(status().isOk());

        // The printable certificate is for the authorities over the school and its holder, not other teachers.
        mvc.perform(get("/certificates/" + certificate.get("number").asText()).with(user("school.admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first.name())))
                .andExpect(content().string(containsString(certificate.get("checkCode").asText())));
        mvc.perform(get("/certificates/" + certificate.get("number").asText()).with(user("teacher")))
                .andExpect(status().isForbidden());
    }

    @Test
    void R34_refusalsAreProblemDetailsNamingFieldAndRule() throws Exception {
        Long schoolId = organisations.findByCode("4101050001").orElseThrow().getId();
        Long otherSchool = organisations.findByCode("4101000001").orElseThrow().getId();
        as("school.admin", post("/api/cycle-verifications/batches").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schoolId\":%d,\"periodFrom\":\"2022-01-01\",\"periodTo\":\"2022-12-31\"}".formatted(otherSchool)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.ruleId").value("R-04"))
                .andExpect(jsonPath("$.field").value("schoolId"));
        as("teacher", post("/api/cycle-verifications/batches").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schoolId\":%d,\"periodFrom\":\"2022-01-01\",\"periodTo\":\"2022-12-31\"}".formatted(schoolId)))
                .andExpect(status().isForbidden());
        as("school.admin", post("/api/cycle-verifications/batches").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schoolId\":%d,\"periodFrom\":\"2026-01-01\",\"periodTo\":\"%s\"}".formatted(schoolId,
                        LocalDate.now(clock).plusDays(30))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("periodTo"))
                .andExpect(jsonPath("$.detail").value(containsString("尚未期满")));
        Long teacherId = teachers.findByStaffNumber("4101050001003").orElseThrow().getId();
        as("school.admin", post("/api/cycle-verifications/batches").contentType(MediaType.APPLICATION_JSON)
                .content("{\"schoolId\":%d,\"periodFrom\":\"2023-01-01\",\"periodTo\":\"2023-12-31\",\"teacherIds\":[%d,%d]}"
                        .formatted(schoolId, teacherId, teacherId)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-34"))
                .andExpect(jsonPath("$.field").value("teacherIds[0]"));
    }

    private void topUp(Teacher teacher, String cycleEnd) throws Exception {
        register(teacher, cycleEnd, "CYCLE_SCHOOL_BASED", "SCHOOL_BASED", "校本研修");
        register(teacher, cycleEnd, "CYCLE_TOTAL", "PROGRAMME_CERTIFIED", "省级骨干教师培训");
    }

    /** Registers what one cycle requirement still misses, dated in the cycle's last months, as the school does. */
    private void register(Teacher teacher, String cycleEnd, String requirement, String kind, String title)
            throws Exception {
        JsonNode status = body(as("school.admin", get("/api/teachers/" + teacher.getId() + "/status").param("date", cycleEnd)));
        for (JsonNode r : status.get("requirements")) {
            if (r.get("code").asText().equals(requirement) && r.get("missing").decimalValue().signum() > 0) {
                as("school.admin", post("/api/teachers/" + teacher.getId() + "/ledger").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"claim":{"kind":"%s","title":"%s","endDate":"%s","hours":%s},"sourceType":"PROJECT",
                                 "sourceRef":"SCENARIO-CV","evidenceNumber":"SCENARIO-CV-%s-%s"}"""
                                .formatted(kind, title, java.time.LocalDate.parse(cycleEnd).minusMonths(3),
                                        r.get("missing").decimalValue().toPlainString(), teacher.staffNumber(), kind)))
                        .andExpect(status().isCreated());
            }
        }
    }

    private String cycleOf(long verificationId) throws Exception {
        return body(as("school.admin", get("/api/cycle-verifications/" + verificationId))).get("cycleEnd").asText();
    }

    /** The account's open cycle-verification tasks of these cases, in the cases' order. */
    private List<String> taskIdsOf(String username, long... caseIds) throws Exception {
        JsonNode worklist = body(as(username, get("/api/tasks").param("process", "cycleVerification").param("size", "200")));
        List<String> ids = new ArrayList<>();
        for (long caseId : caseIds) {
            for (JsonNode task : worklist.get("tasks")) {
                if (task.get("caseId").asText().equals(String.valueOf(caseId))) {
                    ids.add(task.get("id").asText());
                }
            }
        }
        assertThat(ids).as("%s's tasks for cases %s", username, caseIds).hasSize(caseIds.length);
        return ids;
    }

    private static String decisions(List<String> taskIds, String outcome, String comment) {
        return "{\"taskIds\":[" + String.join(",", taskIds.stream().map(id -> "\"" + id + "\"").toList())
                + "],\"outcome\":\"" + outcome + "\",\"comment\":\"" + comment + "\"}";
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
