package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ModelerDeployment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ADR 0005 on the real server (the engine REST API and the webapps are servlets of their own that
 * MockMvc does not reach), as the demo accounts: engine authorization limits {@code /engine-rest}
 * to the caller's tasks, and the webapps' own login lets each role into its applications only.
 * Same context as the browser tests (same annotations), so no extra start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class EngineRestScopeIT {

    private static final String PASSWORD = EngineRestCalls.DEMO_PASSWORD;
    private static final AtomicInteger CERTIFICATES = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    @Autowired ObjectMapper json;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;

    private final EngineRestCalls rest = new EngineRestCalls(() -> port);

    /** A task of 金水区's county review (candidate group county-reviewer:410105). */
    Task jinshuiTask;
    /** A task of 昆明市五华区武成小学's school review (candidate group school-admin:5301020001). */
    Task kunmingTask;

    @BeforeEach
    void twoApplicationsInTwoProvinces() throws Exception {
        long jinshui = apply("teacher");
        decide("school.admin", jinshui);
        jinshuiTask = openTask(jinshui);
        assertThat(groupsOf(jinshuiTask)).containsExactly("county-reviewer:410105");
        kunmingTask = openTask(apply("teacher.km"));
        assertThat(groupsOf(kunmingTask)).containsExactly("school-admin:5301020001");
    }

    @Test
    void countyReviewerListsOnlyTheTasksOfTheirCounty() throws Exception {
        JsonNode tasks = rest.body(rest.call("county.reviewer", "GET", "/engine-rest/task?maxResults=1000", null), 200);
        List<String> ids = ids(tasks);
        assertThat(ids).contains(jinshuiTask.getId()).doesNotContain(kunmingTask.getId());
        for (String id : ids) {
            assertThat(groupsOf(taskService.createTaskQuery().taskId(id).singleResult()))
                    .as("task %s", id).containsExactly("county-reviewer:410105");
        }
        JsonNode count = rest.body(rest.call("county.reviewer", "GET", "/engine-rest/task/count", null), 200);
        assertThat(count.get("count").asInt()).isEqualTo(ids.size());
    }

    @Test
    void sqlMetacharactersInEngineFilters_stayWithinTheScope() throws Exception {
        for (String query : List.of("nameLike=%25", "nameLike=_", "candidateGroup=%27%20OR%201%3D1%20--",
                "processInstanceBusinessKeyLike=%25", "taskDefinitionKeyLike=%25")) {
            HttpResponse<String> answer = rest.call("county.reviewer", "GET", "/engine-rest/task?maxResults=1000&" + query, null);
            assertThat(answer.statusCode()).as(query).isEqualTo(200);
            assertThat(ids(json.readTree(answer.body()))).as(query).doesNotContain(kunmingTask.getId());
        }
        assertThat(ids(rest.body(rest.call("county.reviewer", "GET",
                "/engine-rest/task?candidateGroup=%27%20OR%201%3D1%20--", null), 200))).isEmpty();
    }

    @Test
    void anotherOrganisationsTaskById_isRefused() throws Exception {
        assertThat(rest.call("county.reviewer", "GET", "/engine-rest/task/" + kunmingTask.getId(), null).statusCode())
                .isEqualTo(404);
        assertThat(rest.call("county.reviewer", "GET", "/engine-rest/task/" + kunmingTask.getId() + "/variables", null)
                .statusCode()).isIn(403, 404);
        assertThat(rest.call("county.reviewer", "GET", "/engine-rest/task/" + jinshuiTask.getId(), null).statusCode())
                .as("their own task").isEqualTo(200);
    }

    @Test
    void completingAnotherCountysTask_isRefused() throws Exception {
        // Answered as for an unknown task (ADR 0009): someone else's task does not exist for the caller.
        HttpResponse<String> complete = rest.call("county.reviewer.km", "POST",
                "/engine-rest/task/" + jinshuiTask.getId() + "/complete", "{}");
        assertThat(complete.statusCode()).isEqualTo(404);
        assertThat(rest.call("county.reviewer.km", "POST", "/engine-rest/task/" + jinshuiTask.getId() + "/claim",
                "{\"userId\":\"county.reviewer.km\"}").statusCode()).isEqualTo(404);
        assertThat(rest.call("county.reviewer", "POST", "/engine-rest/task/" + kunmingTask.getId() + "/complete", "{}")
                .statusCode()).isEqualTo(404);
        Task still = taskService.createTaskQuery().taskId(jinshuiTask.getId()).singleResult();
        assertThat(still).as("the task is still open").isNotNull();
        assertThat(still.getAssignee()).isNull();
    }

    @Test
    void anotherOrganisationsCase_processInstanceHistoryAndVariables_areNotShown() throws Exception {
        String kunmingCase = kunmingTask.getProcessInstanceId();
        for (String path : List.of("/engine-rest/process-instance?maxResults=1000",
                "/engine-rest/history/process-instance?maxResults=1000",
                "/engine-rest/history/task?maxResults=1000",
                "/engine-rest/history/activity-instance?maxResults=1000",
                "/engine-rest/variable-instance?maxResults=1000",
                "/engine-rest/history/variable-instance?maxResults=1000")) {
            String answer = rest.call("county.reviewer", "GET", path, null).body();
            assertThat(answer).as(path).startsWith("[").doesNotContain(kunmingCase);
        }
        assertThat(rest.call("county.reviewer", "GET", "/engine-rest/process-instance/" + kunmingCase, null).statusCode())
                .isIn(403, 404);
        assertThat(rest.call("county.reviewer", "GET", "/engine-rest/process-instance/" + kunmingCase + "/variables", null)
                .statusCode()).isIn(403, 404);
        assertThat(rest.call("county.reviewer", "DELETE", "/engine-rest/process-instance/" + kunmingCase, null).statusCode())
                .isIn(403, 404);
        assertThat(taskService.createTaskQuery().processInstanceId(kunmingCase).count()).isEqualTo(1);
    }

    /** ADR 0012 increment 5: process owners publish through the console's four-eyes approval; the break-glass is the administrator's. */
    @Test
    void onlySystemAdministratorsMayDeploy() throws Exception {
        for (String refused : List.of("county.reviewer", "teacher", "process.owner")) {
            assertThat(deploy(refused).statusCode()).as(refused).isEqualTo(403);
        }
        HttpResponse<String> deployed = deploy("sysadmin");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        repositoryService.deleteDeployment(json.readTree(deployed.body()).get("id").asText(), true);
    }

    @Test
    void processOwnerReadsCasesButCannotDecide_systemAdministratorSeesEverything() throws Exception {
        assertThat(rest.call("process.owner", "GET", "/engine-rest/process-instance/" + kunmingTask.getProcessInstanceId(), null)
                .statusCode()).isEqualTo(200);
        assertThat(rest.call("process.owner", "POST", "/engine-rest/task/" + kunmingTask.getId() + "/complete", "{}")
                .statusCode()).isIn(403, 404);
        List<String> all = ids(rest.body(rest.call("sysadmin", "GET", "/engine-rest/task?maxResults=1000", null), 200));
        assertThat(all).contains(jinshuiTask.getId(), kunmingTask.getId());
    }

    @Test
    void teacherSeesNoReviewTasks() throws Exception {
        List<String> ids = ids(rest.body(rest.call("teacher", "GET", "/engine-rest/task?maxResults=1000", null), 200));
        assertThat(ids).doesNotContain(jinshuiTask.getId(), kunmingTask.getId());
    }

    @Test
    void theEnginesPasswordCheckIsClosed_soNoAccountCanTestAnotherAccountsPassword() throws Exception {
        HttpResponse<String> guess = rest.call("teacher", "POST", "/engine-rest/identity/verify",
                "{\"username\":\"county.reviewer\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(guess.statusCode()).as(guess.body()).isEqualTo(403);
        assertThat(guess.body()).doesNotContain("authenticated");
    }

    // --- the identity directory: who works where is not public ---

    @Test
    void engineDirectory_teacherSeesOnlyItself() throws Exception {
        assertThat(userIds("teacher", "/engine-rest/user?maxResults=1000")).containsExactly("teacher");
        assertThat(rest.body(rest.call("teacher", "GET", "/engine-rest/user/count", null), 200).get("count").asInt()).isEqualTo(1);
        assertThat(rest.call("teacher", "GET", "/engine-rest/user/teacher/profile", null).statusCode()).isEqualTo(200);
        assertThat(rest.call("teacher", "GET", "/engine-rest/user/county.reviewer/profile", null).statusCode()).isEqualTo(404);
        assertThat(userIds("teacher", "/engine-rest/user?memberOfGroup=county-reviewer:410105")).isEmpty();
        assertThat(rest.body(rest.call("teacher", "GET", "/engine-rest/group?member=county.reviewer", null), 200)).isEmpty();
        JsonNode identity = rest.body(rest.call("teacher", "GET", "/engine-rest/identity/groups?userId=county.reviewer", null), 200);
        assertThat(identity.get("groups")).isEmpty();
        assertThat(identity.get("groupUsers")).isEmpty();
        // Group names stay reference data.
        assertThat(rest.body(rest.call("teacher", "GET", "/engine-rest/group/county-reviewer:410105", null), 200)
                .get("name").asText()).contains("金水区");
    }

    @Test
    void engineDirectory_reviewerSeesTheAccountsOfItsScopeOnly() throws Exception {
        List<String> seen = userIds("county.reviewer", "/engine-rest/user?maxResults=1000");
        assertThat(seen).contains("county.reviewer", "school.admin", "teacher")
                .doesNotContain("county.reviewer.km", "teacher.km", "teacher.smx", "city.reviewer", "province.reviewer",
                        "process.owner", "manager", "sysadmin");
        assertThat(rest.body(rest.call("county.reviewer", "GET", "/engine-rest/user/count", null), 200).get("count").asInt())
                .isEqualTo(seen.size());
        assertThat(rest.call("county.reviewer", "GET", "/engine-rest/user/teacher/profile", null).statusCode()).isEqualTo(200);
        assertThat(rest.call("county.reviewer", "GET", "/engine-rest/user/county.reviewer.km/profile", null).statusCode())
                .isEqualTo(404);
        assertThat(userIds("county.reviewer", "/engine-rest/user?memberOfGroup=county-reviewer:530102")).isEmpty();
        assertThat(userIds("county.reviewer", "/engine-rest/user?id=province.reviewer")).isEmpty();
        assertThat(rest.body(rest.call("county.reviewer", "GET", "/engine-rest/group?member=county.reviewer.km", null), 200)).isEmpty();
        assertThat(rest.body(rest.call("county.reviewer", "GET", "/engine-rest/group?member=school.admin", null), 200)).isNotEmpty();
        assertThat(userIds("county.reviewer.km", "/engine-rest/user?maxResults=1000"))
                .contains("county.reviewer.km", "teacher.km").doesNotContain("county.reviewer", "teacher");
    }

    @Test
    void engineDirectory_systemAdministratorListsEveryone() throws Exception {
        assertThat(userIds("sysadmin", "/engine-rest/user?maxResults=1000")).containsAll(DemoAccounts.USERNAMES);
        assertThat(rest.call("sysadmin", "GET", "/engine-rest/user/teacher.km/profile", null).statusCode()).isEqualTo(200);
        assertThat(rest.body(rest.call("sysadmin", "GET", "/engine-rest/group?member=county.reviewer.km", null), 200)).isNotEmpty();
    }

    @Test
    void engineDirectory_tasklistsUserLookUpsFollowTheSameRule() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(webappLogin(browser, "county.reviewer", "tasklist", PASSWORD)).isEqualTo(200);
        HttpResponse<String> users = browser.send(HttpRequest.newBuilder(URI.create(rest.url(
                        "/camunda/api/engine/engine/default/user?maxResults=1000")))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ids(json.readTree(users.body()))).contains("county.reviewer", "teacher")
                .doesNotContain("county.reviewer.km", "sysadmin");
    }

    // --- the Camunda webapps ---

    @Test
    void webappsLetEachRoleIntoItsApplicationsOnly() throws Exception {
        assertThat(webappLogin("county.reviewer", "tasklist")).isEqualTo(200);
        assertThat(webappLogin("school.admin", "tasklist")).isEqualTo(200);
        assertThat(webappLogin("county.reviewer", "cockpit")).isEqualTo(403);
        assertThat(webappLogin("county.reviewer", "admin")).isEqualTo(403);
        assertThat(webappLogin("teacher", "tasklist")).isEqualTo(403);
        assertThat(webappLogin("teacher", "cockpit")).isEqualTo(403);
        assertThat(webappLogin("process.owner", "cockpit")).isEqualTo(200);
        assertThat(webappLogin("process.owner", "admin")).isEqualTo(403);
        assertThat(webappLogin("manager", "cockpit")).isEqualTo(403);
        for (String app : List.of("cockpit", "admin", "tasklist")) {
            assertThat(webappLogin("sysadmin", app)).as(app).isEqualTo(200);
        }
        assertThat(webappLogin("county.reviewer", "tasklist", "wrong-password")).isEqualTo(401);
    }

    @Test
    void tasklistShowsAReviewerTheirTasksOnly() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(webappLogin(browser, "county.reviewer", "tasklist", PASSWORD)).isEqualTo(200);
        HttpResponse<String> filters = browser.send(HttpRequest.newBuilder(
                URI.create(rest.url("/camunda/api/engine/engine/default/filter?resourceType=Task"))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode filter = json.readTree(filters.body()).get(0);
        assertThat(filter.get("name").asText()).isEqualTo(EngineAuthorizations.TASKLIST_FILTER);
        HttpResponse<String> tasks = browser.send(HttpRequest.newBuilder(URI.create(rest.url(
                        "/camunda/api/engine/engine/default/filter/" + filter.get("id").asText() + "/list?maxResults=1000")))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ids(json.readTree(tasks.body()))).contains(jinshuiTask.getId()).doesNotContain(kunmingTask.getId());
    }

    // --- helpers ---

    private int webappLogin(String username, String app) throws Exception {
        return webappLogin(username, app, PASSWORD);
    }

    private int webappLogin(String username, String app, String password) throws Exception {
        return webappLogin(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), username, app, password);
    }

    /** The webapps' own login form, as their JavaScript posts it: CSRF cookie first, then the header. */
    private int webappLogin(HttpClient browser, String username, String app, String password) throws Exception {
        browser.send(HttpRequest.newBuilder(URI.create(rest.url("/camunda/app/" + app + "/default/"))).build(),
                HttpResponse.BodyHandlers.discarding());
        String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(rest.url("/camunda/api/admin/auth/user/default/login/" + app)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A new version of one of our procedures (the model guard refuses any other process), as Camunda Modeler sends it. */
    private HttpResponse<String> deploy(String username) throws Exception {
        return rest.send(ModelerDeployment.degreeExemption("scope test by " + username,
                ModelerDeployment.degreeExemptionModel()).request(URI.create(rest.url("")), EngineRestCalls.basic(username)));
    }

    private long apply(String teacher) throws Exception {
        int n = CERTIFICATES.incrementAndGet();
        String certificate = "SCOPE-IT-" + ProcessHandle.current().pid() + "-" + n;
        String diploma = """
                {"institution":"河南师范大学","degreeLevel":"POSTGRADUATE","major":"教育管理","educationRelated":true,
                 "studyStart":"2024-09-01","studyEnd":"2026-06-30","certificateNumber":"%s",
                 "diplomaFile":"%s"}""".formatted(certificate,
                StoredEvidence.of(evidence, accounts.find(teacher).orElseThrow().teacherId()));
        return rest.body(rest.call(teacher, "POST", "/api/exemptions", diploma), 201).get("id").asLong();
    }

    private void decide(String reviewer, long id) throws Exception {
        String taskId = rest.body(rest.call(reviewer, "GET", "/api/exemptions/" + id, null), 200).get("currentTask").get("id").asText();
        rest.body(rest.call(reviewer, "POST", "/api/tasks/" + taskId + "/decisions", "{\"outcome\":\"APPROVE\"}"), 200);
    }

    private Task openTask(long exemptionId) {
        return taskService.createTaskQuery().processDefinitionKey("degreeExemption")
                .processInstanceBusinessKey(String.valueOf(exemptionId)).singleResult();
    }

    private List<String> groupsOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private List<String> userIds(String username, String path) throws IOException, InterruptedException {
        return ids(rest.body(rest.call(username, "GET", path, null), 200));
    }

    private static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

}
