package cn.shixun.exemption.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.security.Accounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A degree-exemption case worked by the demo accounts as they do it, for the ITs that run cases
 * through a changed model: the teacher applies through the API, reviewers decide through the task
 * API (as the workbench does), and pages are read as the signed-in person.
 */
public final class ExemptionCaseCalls {

    static final String PASSWORD = "shixun123";

    private final MockMvc mvc;
    private final UserDetailsService users;
    private final EvidenceFiles evidence;
    private final Accounts accounts;
    private final ObjectMapper json;

    public ExemptionCaseCalls(WebApplicationContext context, UserDetailsService users, EvidenceFiles evidence, Accounts accounts,
                       ObjectMapper json) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        this.users = users;
        this.evidence = evidence;
        this.accounts = accounts;
        this.json = json;
    }

    /** The demo teacher applies with a diploma of a new certificate number; the application's id. */
    public long apply() throws Exception {
        return body(api("teacher", post("/api/exemptions").contentType(MediaType.APPLICATION_JSON)
                .content(diploma("CITY-STEP-" + System.nanoTime())))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    /** The reviewer decides the application's open task through the task API, as the workbench does. */
    public void decide(long id, String reviewer, String outcome, String comment) throws Exception {
        String taskId = body(api(reviewer, get("/api/exemptions/" + id))).get("currentTask").get("id").asText();
        api(reviewer, post("/api/tasks/" + taskId + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(comment == null ? Map.of("outcome", outcome)
                        : Map.of("outcome", outcome, "comment", comment))))
                .andExpect(status().isOk());
    }

    /** The job executor is off in the tests: the credit step (asynchronous) runs as the executor would run it. */
    public static void runCreditStep(ManagementService management, DegreeExemptions exemptions, long id) {
        management.executeJob(management.createJobQuery().activityId(DegreeExemptionProcess.CREDIT_HOURS)
                .processInstanceId(exemptions.require(id).processInstanceId()).singleResult().getId());
    }

    public ResultActions api(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }

    /** A page as the signed-in {@code username} sees it (200 expected). */
    ResultActions page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
    }

    public JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    String diploma(String certificateNumber) {
        String scan = StoredEvidence.of(evidence, accounts.find("teacher").orElseThrow().teacherId());
        return """
                {"institution":"河南师范大学","degreeLevel":"POSTGRADUATE","major":"教育管理","educationRelated":true,
                 "studyStart":"2024-09-01","studyEnd":"2026-06-30","certificateNumber":"%s",
                 "diplomaFile":"%s"}""".formatted(certificateNumber, scan);
    }
}
