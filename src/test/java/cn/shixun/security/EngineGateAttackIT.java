package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ModelerDeployment;
import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.annual.DemoAnnualCases;
import cn.shixun.annual.AnnualStanding;
import cn.shixun.annual.RegistrationProgress;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.ExemptionStanding;
import cn.shixun.exemption.ExemptionStatus;
import cn.shixun.tasks.CaseHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine gate (ADR 0009) on the real server, as the demo accounts, through {@code /engine-rest}
 * and Camunda Tasklist's engine API: the attacks of issue 10 that worked before it, each refused
 * with nothing changed (no ledger entry, the case record's status, no new case-history line) and
 * the refusal in the audit trail; the legitimate decision still moves the case. Same context as
 * {@link EngineRestScopeIT} (same annotations), so no extra start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class EngineGateAttackIT {

    private static final String PASSWORD = EngineRestCalls.DEMO_PASSWORD;
    private static final AtomicInteger CERTIFICATES = new AtomicInteger();
    private static final String KUNMING_COUNTY_GROUP = "county-reviewer:530102";

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired ManagementService managementService;
    @Autowired ObjectMapper json;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;
    @Autowired DegreeExemptions exemptions;
    @Autowired AnnualRegistrations registrations;
    @Autowired RegistrationProgress caseProgress;
    @Autowired CaseHistory history;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;

    private final EngineRestCalls rest = new EngineRestCalls(() -> port);

    @Test
    void R40_schoolAdminRoutesTheAuthorityReviewToItself_isRefused_andNothingIsCredited() throws Exception {
        long id = apply("teacher");
        Snapshot before = Snapshot.of(this, id);
        String taskId = openTask(id).getId();

        HttpResponse<String> answer = rest.call("school.admin", "POST", "/engine-rest/task/" + taskId + "/complete",
                completion(Map.of("decision", "APPROVE", "authorityReviewGroup", "school-admin:4101050001")));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("field").asText()).isEqualTo("authorityReviewGroup");
        assertThat(problem.get("ruleId").asText()).isEqualTo("R-40");
        assertThat(problem.get("detail").asText()).contains("authorityReviewGroup", "decision", "comment");
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        before.assertUnchanged(this, id, "OPEN@UserTask_SchoolReview");
        assertThat(openTask(id).getId()).as("the school review is still open").isEqualTo(taskId);
        assertRefusalAudited("school.admin", taskId, "authorityReviewGroup");
    }

    @Test
    void R40_R04_foreignCountyReviewerRegistersAnotherProvincesCardThroughItsOwnTask_isRefused() throws Exception {
        DemoAnnualCases.declare(context, "5301020001");
        DemoAnnualCases.declare(context, "4101050002");
        Task kunmingReview = taskService.createTaskQuery().processDefinitionKey(AnnualRegistrations.PROCESS_KEY)
                .taskDefinitionKey("UserTask_AuthorityReview").taskCandidateGroup(KUNMING_COUNTY_GROUP).list().get(0);
        String kunmingCase = businessKey(kunmingReview);
        AnnualRegistration zhengzhou = zhengzhouRegistrationUnderReview();
        String zhengzhouStanding = AnnualStanding.of(registrations, caseProgress, zhengzhou.getId());
        int zhengzhouLedger = ledgerRows(zhengzhou.teacherId());
        int zhengzhouHistory = history.of(AnnualRegistrations.PROCESS_KEY, String.valueOf(zhengzhou.getId())).size();
        int kunmingHistory = history.of(AnnualRegistrations.PROCESS_KEY, kunmingCase).size();

        HttpResponse<String> answer = rest.call("county.reviewer.km", "POST", "/engine-rest/task/" + kunmingReview.getId()
                + "/complete", completion(Map.of("decision", "APPROVE", "registrationId", zhengzhou.getId())));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).get("field").asText()).isEqualTo("registrationId");
        assertThat(AnnualStanding.of(registrations, caseProgress, zhengzhou.getId())).isEqualTo(zhengzhouStanding);
        assertThat(ledgerRows(zhengzhou.teacherId())).isEqualTo(zhengzhouLedger);
        assertThat(history.of(AnnualRegistrations.PROCESS_KEY, String.valueOf(zhengzhou.getId()))).hasSize(zhengzhouHistory);
        assertThat(history.of(AnnualRegistrations.PROCESS_KEY, kunmingCase)).hasSize(kunmingHistory);
        assertThat(AnnualStanding.of(registrations, caseProgress, Long.valueOf(kunmingCase)))
                .isEqualTo("OPEN@UserTask_AuthorityReview");
        assertThat(taskService.createTaskQuery().taskId(kunmingReview.getId()).count()).isEqualTo(1);
        assertRefusalAudited("county.reviewer.km", kunmingReview.getId(), "registrationId");
    }

    @Test
    void R40_teacherReroutesItsAmendedApplicationToAForeignReviewer_isRefused() throws Exception {
        long id = apply("teacher");
        decideThroughApi("school.admin", id, "RETURN", "请补充证书扫描件");
        Snapshot before = Snapshot.of(this, id);
        String amend = openTask(id).getId();

        HttpResponse<String> answer = rest.call("teacher", "POST", "/engine-rest/task/" + amend + "/complete",
                completion(Map.of("schoolReviewGroup", KUNMING_COUNTY_GROUP, "authorityReviewGroup", KUNMING_COUNTY_GROUP)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).get("field").asText()).isEqualTo("authorityReviewGroup");
        before.assertUnchanged(this, id, "OPEN@UserTask_Amend");
        assertThat(runtimeService.getVariable(openTask(id).getProcessInstanceId(), "authorityReviewGroup"))
                .isNotEqualTo(KUNMING_COUNTY_GROUP);
        assertRefusalAudited("teacher", amend, "authorityReviewGroup");
    }

    @Test
    void bpmnErrorOnACaseTask_isClosed_andTheCaseStaysWhereItWas() throws Exception {
        long id = apply("teacher");
        decideThroughApi("school.admin", id, "APPROVE", null);
        Snapshot before = Snapshot.of(this, id);
        Task review = openTask(id);

        HttpResponse<String> answer = rest.call("county.reviewer", "POST", "/engine-rest/task/" + review.getId() + "/bpmnError",
                "{\"errorCode\":\"Error_ProviderNotQualified\",\"errorMessage\":\"x\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(json.readTree(answer.body()).get("operation").asText()).isEqualTo("task.bpmn-error");
        before.assertUnchanged(this, id, "OPEN@UserTask_AuthorityReview");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId()).count())
                .as("the process still runs").isEqualTo(1);
        assertRefusalAudited("county.reviewer", review.getId(), "task.bpmn-error");
    }

    @Test
    void processOwnerDeletesOnlyAnUnusedDeployment_neverWithCascade_andDeploymentsAreAudited() throws Exception {
        String inUse = repositoryService.createProcessDefinitionQuery().processDefinitionKey("degreeExemption")
                .latestVersion().singleResult().getDeploymentId();
        long running = runtimeService.createProcessInstanceQuery().processDefinitionKey("degreeExemption").count();

        HttpResponse<String> cascade = rest.call("process.owner", "DELETE", "/engine-rest/deployment/" + inUse + "?cascade=true", null);
        assertThat(cascade.statusCode()).as(cascade.body()).isEqualTo(403);
        HttpResponse<String> used = rest.call("process.owner", "DELETE", "/engine-rest/deployment/" + inUse, null);
        assertThat(used.statusCode()).as(used.body()).isEqualTo(409);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(inUse).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("degreeExemption").count())
                .isEqualTo(running);
        assertThat(auditLines("process.owner", "engine.refused", "deployment.delete-cascade")).isPositive();

        // Deployed by a system administrator: process owners publish through the console (ADR 0012).
        HttpResponse<String> deployed = deploy("sysadmin");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String unused = json.readTree(deployed.body()).get("id").asText();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'engine.deployment.resource'"
                + " AND subject_id = ? AND actor = 'sysadmin' AND detail LIKE '%sha256=%'", Integer.class, unused))
                .as("one line per resource").isEqualTo(repositoryService.getDeploymentResourceNames(unused).size());
        HttpResponse<String> deleted = rest.call("process.owner", "DELETE", "/engine-rest/deployment/" + unused, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'engine.deployment.delete'"
                + " AND subject_id = ? AND actor = 'process.owner'", Integer.class, unused)).isEqualTo(1);
    }

    @Test
    void aForeignTaskAnswersExactlyLikeAnUnknownOne_404WithTheSameBody() throws Exception {
        long id = apply("teacher.km");
        String kunmingTask = openTask(id).getId();
        String unknown = "no-such-task-" + UUID.randomUUID();
        for (String[] call : List.of(new String[] {"GET", ""}, new String[] {"GET", "/variables"},
                new String[] {"GET", "/form-variables"}, new String[] {"POST", "/complete"},
                new String[] {"POST", "/submit-form"}, new String[] {"POST", "/claim"})) {
            String body = call[0].equals("POST") ? "{\"userId\":\"county.reviewer\"}" : null;
            if (call[1].equals("/complete") || call[1].equals("/submit-form")) {
                body = completion(Map.of("decision", "APPROVE"));
            }
            HttpResponse<String> foreign = rest.call("county.reviewer", call[0], "/engine-rest/task/" + kunmingTask + call[1], body);
            HttpResponse<String> none = rest.call("county.reviewer", call[0], "/engine-rest/task/" + unknown + call[1], body);
            assertThat(foreign.statusCode()).as(call[0] + call[1] + " " + foreign.body()).isEqualTo(404);
            assertThat(none.statusCode()).as(call[0] + call[1] + " " + none.body()).isEqualTo(404);
            assertThat(withoutInstance(foreign.body())).as(call[1]).isEqualTo(withoutInstance(none.body()));
            assertThat(foreign.body()).doesNotContain("school-admin:", "Exception", "org.camunda");
        }
        assertThat(openTask(id).getId()).isEqualTo(kunmingTask);
        assertThat(taskService.createTaskQuery().taskId(kunmingTask).singleResult().getAssignee()).isNull();
    }

    @Test
    void engineErrorsAreProblemDetailsWithoutJavaNames() throws Exception {
        HttpResponse<String> noBody = rest.send(HttpRequest.newBuilder(URI.create(rest.url("/engine-rest/deployment/create")))
                .header("Authorization", EngineRestCalls.basic("sysadmin")).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(noBody.statusCode()).as(noBody.body()).isEqualTo(400);
        assertThat(noBody.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> badJson = rest.call("county.reviewer", "POST", "/engine-rest/task", "{not json");
        assertThat(badJson.statusCode()).as(badJson.body()).isEqualTo(400);
        for (HttpResponse<String> answer : List.of(noBody, badJson)) {
            assertThat(answer.body()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)")
                    .doesNotContain("Exception", "org.camunda", "java.");
        }
    }

    @Test
    void twoDecisionsRacingThroughTheEngineRest_theLoserGets409() throws Exception {
        long id = apply("teacher");
        String taskId = openTask(id).getId();
        String decision = completion(Map.of("decision", "APPROVE", "comment", "同意"));
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() ->
                quietly("school.admin", "/engine-rest/task/" + taskId + "/complete", decision));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() ->
                quietly("school.admin", "/engine-rest/task/" + taskId + "/complete", decision));
        List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());
        assertThat(statuses).as(first.get().body() + " / " + second.get().body()).containsExactlyInAnyOrder(204, 409);
        assertThat(exemptions.history(id).stream().filter(event -> event.outcome().isDecision()).count()).isEqualTo(1);
        // A late second decision (after the first committed) is told the same.
        HttpResponse<String> late = rest.call("school.admin", "POST", "/engine-rest/task/" + taskId + "/complete", decision);
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    }

    /**
     * Issue 10, done when: a school administrator, a teacher, a foreign reviewer and a process
     * owner each try every engine call that could move a case or credit hours; none does; the
     * right reviewer's decision with decision and comment, through {@code /engine-rest} and
     * through Tasklist, still moves it.
     */
    @Test
    void noOneButTheRightReviewerMovesACaseThroughTheEngine_andTheRightReviewerStillDoes() throws Exception {
        long atSchool = apply("teacher");
        long atCounty = apply("teacher");
        decideThroughApi("school.admin", atCounty, "APPROVE", null);
        long returned = apply("teacher");
        decideThroughApi("school.admin", returned, "RETURN", "请补充");

        Map<String, Long> attackers = Map.of("school.admin", atSchool, "teacher", returned,
                "county.reviewer.km", atCounty, "process.owner", atCounty);
        for (Map.Entry<String, Long> attack : attackers.entrySet()) {
            String attacker = attack.getKey();
            long caseId = attack.getValue();
            Snapshot before = Snapshot.of(this, caseId);
            String standing = ExemptionStanding.of(exemptions, caseId);
            Task task = openTask(caseId);
            List<String> groups = groupsOf(task);
            String taskPath = "/engine-rest/task/" + task.getId();
            String instancePath = "/engine-rest/process-instance/" + task.getProcessInstanceId();
            String forged = completion(Map.of("decision", "APPROVE", "authorityReviewGroup", "school-admin:4101050001"));
            List<String[]> calls = new ArrayList<>(List.of(
                    new String[] {"POST", taskPath + "/complete", forged},
                    new String[] {"POST", taskPath + "/submit-form", forged},
                    new String[] {"POST", taskPath + "/resolve", forged},
                    new String[] {"POST", taskPath + "/bpmnError", "{\"errorCode\":\"x\"}"},
                    new String[] {"POST", taskPath + "/bpmnEscalation", "{\"escalationCode\":\"x\"}"},
                    new String[] {"PUT", taskPath + "/variables/decision", "{\"value\":\"APPROVE\",\"type\":\"String\"}"},
                    new String[] {"PUT", taskPath + "/localVariables/x", "{\"value\":\"1\",\"type\":\"String\"}"},
                    new String[] {"POST", taskPath + "/variables", "{\"modifications\":{\"authorityReviewGroup\":{\"value\":\"x\"}}}"},
                    new String[] {"DELETE", taskPath + "/variables/exemptionId", null},
                    new String[] {"PUT", instancePath + "/variables/authorityReviewGroup", "{\"value\":\"x\",\"type\":\"String\"}"},
                    new String[] {"POST", instancePath + "/variables", "{\"modifications\":{\"decision\":{\"value\":\"APPROVE\"}}}"},
                    new String[] {"DELETE", instancePath + "/variables/exemptionId", null},
                    new String[] {"DELETE", instancePath, null},
                    new String[] {"POST", instancePath + "/modification", "{\"instructions\":[{\"type\":\"startBeforeActivity\","
                            + "\"activityId\":\"ServiceTask_CreditHours\"}]}"},
                    new String[] {"PUT", instancePath + "/suspended", "{\"suspended\":true}"},
                    new String[] {"POST", "/engine-rest/message", "{\"messageName\":\"x\",\"processInstanceId\":\""
                            + task.getProcessInstanceId() + "\"}"},
                    new String[] {"POST", "/engine-rest/signal", "{\"name\":\"x\"}"},
                    new String[] {"POST", "/engine-rest/process-definition/key/degreeExemption/start",
                            "{\"businessKey\":\"" + caseId + "\",\"variables\":{\"exemptionId\":{\"value\":" + caseId
                                    + ",\"type\":\"Long\"}}}"},
                    new String[] {"POST", taskPath + "/identity-links", "{\"groupId\":\"" + groupOf(attacker)
                            + "\",\"type\":\"candidate\"}"},
                    new String[] {"POST", taskPath + "/assignee", "{\"userId\":\"" + attacker + "\"}"},
                    new String[] {"POST", taskPath + "/delegate", "{\"userId\":\"" + attacker + "\"}"},
                    new String[] {"PUT", taskPath, "{\"name\":\"x\",\"assignee\":\"" + attacker + "\"}"},
                    new String[] {"DELETE", taskPath, null}));
            if (!attacker.equals("school.admin") && !attacker.equals("teacher")) {
                calls.add(new String[] {"POST", taskPath + "/complete", completion(Map.of("decision", "APPROVE"))});
                calls.add(new String[] {"POST", taskPath + "/claim", "{\"userId\":\"" + attacker + "\"}"});
            }
            for (Job job : managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).list()) {
                calls.add(new String[] {"POST", "/engine-rest/job/" + job.getId() + "/execute", null});
                calls.add(new String[] {"PUT", "/engine-rest/job/" + job.getId() + "/duedate", "{\"duedate\":null}"});
            }
            for (String[] call : calls) {
                HttpResponse<String> answer = rest.call(attacker, call[0], call[1], call[2]);
                assertThat(answer.statusCode()).as("%s %s %s: %s", attacker, call[0], call[1], answer.body())
                        .isBetween(400, 499);
                assertThat(answer.body()).as("%s %s", call[0], call[1]).doesNotContain("Exception", "org.camunda");
            }
            before.assertUnchanged(this, caseId, standing);
            Task still = openTask(caseId);
            assertThat(still.getId()).as(attacker).isEqualTo(task.getId());
            assertThat(groupsOf(still)).as(attacker).isEqualTo(groups);
            assertThat(still.getAssignee()).as(attacker).isEqualTo(task.getAssignee());
            assertThat(still.isSuspended()).isFalse();
            assertThat(auditLines(attacker, "engine.refused", "")).as(attacker).isPositive();
        }

        // The right reviewer, through /engine-rest: decision and comment; the case moves and hours are credited.
        int ledgerBefore = ledgerRows(exemptions.require(atCounty).teacherId());
        String countyInstance = openTask(atCounty).getProcessInstanceId();
        HttpResponse<String> approved = rest.call("county.reviewer", "POST", "/engine-rest/task/" + openTask(atCounty).getId()
                + "/complete", completion(Map.of("decision", "APPROVE", "comment", "材料齐全")));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        // Crediting is an asynchronous step; the tests run the job executor's work themselves.
        managementService.createJobQuery().processInstanceId(countyInstance).list()
                .stream().filter(job -> job.getDuedate() == null || job.getDuedate().before(new java.util.Date()))
                .forEach(job -> managementService.executeJob(job.getId()));
        assertThat(exemptions.require(atCounty).status()).isEqualTo(ExemptionStatus.EXEMPTED);
        assertThat(ledgerRows(exemptions.require(atCounty).teacherId())).isEqualTo(ledgerBefore + 1);

        // And through Tasklist (its own session and XSRF token): a forged variable is refused there too,
        // the decision with decision and comment moves the school review on.
        TasklistSession tasklist = new TasklistSession("school.admin");
        String schoolReview = openTask(atSchool).getId();
        HttpResponse<String> forged = tasklist.post("/camunda/api/engine/engine/default/task/" + schoolReview
                + "/submit-form", "{\"variables\":" + variables(Map.of("decision", "APPROVE", "authorityReviewGroup", "x")) + "}");
        // The webapp wraps every failed form submission in a 500 of its own; the refusal's sentence is what Tasklist shows.
        assertThat(forged.statusCode()).as(forged.body()).isGreaterThanOrEqualTo(400);
        assertThat(forged.body()).contains("authorityReviewGroup", "只能提交 decision");
        assertThat(ExemptionStanding.of(exemptions, atSchool)).isEqualTo("OPEN@UserTask_SchoolReview");
        HttpResponse<String> submitted = tasklist.post("/camunda/api/engine/engine/default/task/" + schoolReview
                + "/submit-form", "{\"variables\":" + variables(Map.of("decision", "APPROVE", "comment", "同意")) + "}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        assertThat(ExemptionStanding.of(exemptions, atSchool)).isEqualTo("OPEN@UserTask_AuthorityReview");
        assertThat(exemptions.history(atSchool).get(exemptions.history(atSchool).size() - 1).actor()).isEqualTo("school.admin");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'case.approved' AND actor = 'school.admin'"
                + " AND subject_type = 'degreeExemption' AND subject_id = ?", Integer.class, String.valueOf(atSchool))).as("audited once, as who decided").isEqualTo(1);
    }

    @Test
    void webappSignInsAreAudited_goodAndBad() throws Exception {
        int good = auditLines("county.reviewer", "auth.sign-in", "Camunda tasklist");
        int bad = auditLines("county.reviewer", "auth.sign-in-failed", "Camunda tasklist");
        new TasklistSession("county.reviewer");
        assertThat(new TasklistSession().login("county.reviewer", "wrong-password")).isEqualTo(401);
        assertThat(auditLines("county.reviewer", "auth.sign-in", "Camunda tasklist")).isEqualTo(good + 1);
        assertThat(auditLines("county.reviewer", "auth.sign-in-failed", "Camunda tasklist")).isEqualTo(bad + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.sign-in-failed'"
                + " AND actor = 'county.reviewer' AND client_ip IS NOT NULL", Integer.class)).isPositive();
    }

    // --- helpers ---

    /** What an attempt must leave as it was: the case record, its history, the teacher's ledger. */
    private record Snapshot(int historyLines, int ledgerRows) {
        static Snapshot of(EngineGateAttackIT test, long exemptionId) {
            return new Snapshot(test.exemptions.history(exemptionId).size(),
                    test.ledgerRows(test.exemptions.require(exemptionId).teacherId()));
        }

        void assertUnchanged(EngineGateAttackIT test, long exemptionId, String standing) {
            assertThat(ExemptionStanding.of(test.exemptions, exemptionId)).as("status and open step").isEqualTo(standing);
            assertThat(test.exemptions.history(exemptionId)).as("case history").hasSize(historyLines);
            assertThat(test.ledgerRows(test.exemptions.require(exemptionId).teacherId())).as("ledger").isEqualTo(ledgerRows);
        }
    }

    private void assertRefusalAudited(String actor, String taskId, String mentioned) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'engine.refused' AND actor = ?"
                + " AND subject_id = ? AND outcome = 'DENIED' AND detail LIKE ?", Integer.class, actor, taskId,
                "%" + mentioned + "%")).as("refusal audited").isEqualTo(1);
    }

    private int auditLines(String actor, String action, String detailPart) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND actor = ? AND detail LIKE ?",
                Integer.class, action, actor, "%" + detailPart + "%");
    }

    int ledgerRows(Long teacherId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE teacher_id = ?", Integer.class, teacherId);
    }

    private AnnualRegistration zhengzhouRegistrationUnderReview() {
        Task review = taskService.createTaskQuery().processDefinitionKey(AnnualRegistrations.PROCESS_KEY)
                .taskDefinitionKey("UserTask_AuthorityReview").taskCandidateGroup("county-reviewer:410105").list().get(0);
        return registrations.require(Long.valueOf(businessKey(review)));
    }

    private String businessKey(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
    }

    private String groupOf(String username) {
        return switch (username) {
            case "school.admin" -> "school-admin:4101050001";
            case "county.reviewer.km" -> KUNMING_COUNTY_GROUP;
            default -> "process-owners";
        };
    }

    /** The body of a completion, a form submission or a resolution: {@code {"variables": {...}}}. */
    private String completion(Map<String, Object> values) throws IOException {
        return "{\"variables\":" + variables(values) + "}";
    }

    private String variables(Map<String, Object> values) throws IOException {
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value,
                "type", value instanceof Long ? "Long" : "String")));
        return json.writeValueAsString(typed);
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private long apply(String teacher) throws Exception {
        int n = CERTIFICATES.incrementAndGet();
        String certificate = "GATE-IT-" + ProcessHandle.current().pid() + "-" + n;
        String diploma = """
                {"institution":"河南师范大学","degreeLevel":"POSTGRADUATE","major":"教育管理","educationRelated":true,
                 "studyStart":"2024-09-01","studyEnd":"2026-06-30","certificateNumber":"%s",
                 "diplomaFile":"%s"}""".formatted(certificate,
                StoredEvidence.of(evidence, accounts.find(teacher).orElseThrow().teacherId()));
        return rest.body(rest.call(teacher, "POST", "/api/exemptions", diploma), 201).get("id").asLong();
    }

    private void decideThroughApi(String reviewer, long id, String outcome, String comment) throws Exception {
        String taskId = openTask(id).getId();
        rest.body(rest.call(reviewer, "POST", "/api/tasks/" + taskId + "/decisions", json.writeValueAsString(
                comment == null ? Map.of("outcome", outcome) : Map.of("outcome", outcome, "comment", comment))), 200);
    }

    private Task openTask(long exemptionId) {
        return taskService.createTaskQuery().processDefinitionKey("degreeExemption")
                .processInstanceBusinessKey(String.valueOf(exemptionId)).singleResult();
    }

    private List<String> groupsOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).sorted().toList();
    }

    /** A new version of one of our procedures (the model guard refuses any other process), as Camunda Modeler sends it. */
    private HttpResponse<String> deploy(String username) throws Exception {
        return rest.send(ModelerDeployment.degreeExemption("gate test by " + username,
                ModelerDeployment.degreeExemptionModel()).request(URI.create(rest.url("")), EngineRestCalls.basic(username)));
    }

    private HttpResponse<String> quietly(String username, String path, String jsonBody) {
        try {
            return rest.call(username, "POST", path, jsonBody);
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Camunda Tasklist as a browser uses it: its own login and session, the XSRF cookie echoed in a header. */
    private final class TasklistSession {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        TasklistSession() {
        }

        TasklistSession(String username) throws Exception {
            assertThat(login(username, PASSWORD)).isEqualTo(200);
            // The signed-in session's XSRF token comes with its first read, as in the browser.
            send(HttpRequest.newBuilder(URI.create(rest.url("/camunda/api/engine/engine/default/task/count"))).GET());
        }

        int login(String username, String password) throws Exception {
            browser.send(HttpRequest.newBuilder(URI.create(rest.url("/camunda/app/tasklist/default/"))).build(),
                    HttpResponse.BodyHandlers.discarding());
            return send(HttpRequest.newBuilder(URI.create(rest.url("/camunda/api/admin/auth/user/default/login/tasklist")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))).statusCode();
        }

        HttpResponse<String> post(String path, String jsonBody) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(rest.url(path))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return browser.send(request.header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
