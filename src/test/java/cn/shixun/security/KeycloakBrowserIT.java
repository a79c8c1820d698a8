package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.KeycloakTest;
import cn.shixun.KeycloakTestRealm;
import cn.shixun.ModelerDeployment;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in through Keycloak's own login page in a browser (profile {@code keycloak}, ADR 0006),
 * on the same Spring context as {@link KeycloakApiIT}; the Camunda webapps open through the same
 * session for exactly the roles of ADR 0005, with engine authorization on.
 */
@KeycloakTest
class KeycloakBrowserIT extends BrowserTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakTestRealm keycloak;

    @Autowired Teachers teachers;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void realm() {
        keycloak = KeycloakTestRealm.get();
    }

    /**
     * Every test starts without a Keycloak session too. All the browser's cookies are cleared through
     * the DevTools protocol from a blank page: clearing them from Keycloak's account console raced with
     * the console's own script, which could set the session cookie again and sign the next test in.
     */
    @BeforeEach
    void signedOutOfKeycloak() {
        browser.get("about:blank");
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void teacherSignsInOnKeycloaksPageGetsToMyHoursAndSignsOutOfBoth() {
        open("/my/hours");
        waitUntil(() -> browser.getCurrentUrl().startsWith(keycloak.issuer() + "/protocol/openid-connect/auth"));
        screenshot("keycloak-01-login-page");

        signInOnKeycloak("teacher");
        waitUntil(() -> currentPath().startsWith("/my/hours"));
        assertThat(byTest("hours-heading").getText()).isEqualTo("我的学时");
        assertThat(byTest("who-name").getText())
                .isEqualTo(teachers.findByStaffNumber("4101050001001").orElseThrow().name());
        assertThat(byTest("who-role").getText()).isEqualTo("教师");
        assertThat(browser.findElements(By.cssSelector("[data-test='requirement']"))).isNotEmpty();
        screenshot("keycloak-02-my-hours");
        open("/v3/api-docs");
        assertThat(browser.getPageSource()).as("signed in, the API description asks for a bearer token")
                .contains("\"bearerAuth\"").doesNotContain("\"basicAuth\"");
        open("/my/hours");

        byTest("logout").click();
        waitUntil(() -> currentPath().startsWith("/login?logout"));
        assertThat(byTest("logged-out").getText()).contains("已退出");
        assertThat(byTest("sso-login").getText()).isEqualTo("通过统一身份认证登录");
        assertThat(browser.findElements(By.id("password"))).as("no password form of our own").isEmpty();
        screenshot("keycloak-03-signed-out");

        byTest("sso-login").click();
        waitUntil(() -> browser.getCurrentUrl().startsWith(keycloak.url()));
        assertThat(find(By.id("password")).isDisplayed()).as("signed out at Keycloak too: the password is asked again")
                .isTrue();
    }

    @Test
    void systemAdministratorOpensEveryCamundaWebappWithoutASecondLogin() {
        signInThroughTheWebapps("sysadmin");
        assertThat(byTest("home-links").getText()).contains("流程引擎控制台");
        for (String app : List.of("cockpit", "admin", "tasklist")) {
            open("/camunda/app/" + app + "/default/");
            try {
                waitUntil(WEBAPP_LOAD, () -> browser.getPageSource().contains("系统管理员"));
            } catch (TimeoutException notShown) {
                // Timed out once in a fresh-clone CI run (stop 9), cause not found yet: keep what the browser showed.
                screenshot("keycloak-04-sysadmin-" + app + "-not-shown");
                throw new AssertionError(app + " did not show the signed-in system administrator; at "
                        + browser.getCurrentUrl() + " titled " + browser.getTitle(), notShown);
            }
            assertThat(browser.findElements(By.cssSelector("input[type='password']"))).as(app + ": no second login")
                    .isEmpty();
        }
        screenshot("keycloak-04-tasklist-sysadmin");
    }

    /**
     * ADR 0005 under Keycloak: Tasklist through the OIDC session, with engine authorization on, lists
     * exactly the tasks of the reviewer's candidate group (金水区's county reviews), as with a password.
     */
    @Test
    void R04_countyReviewerSeesExactlyJinshuisTasksInTasklist_andNoOtherWebapp() throws Exception {
        List<String> jinshui = openTasksOf("county-reviewer:410105", "county.reviewer");
        assertThat(jinshui).as("demo data: 金水区's county reviews are waiting").isNotEmpty();
        assertThat(taskService.createTaskQuery().count()).as("other organisations have open tasks too")
                .isGreaterThan(jinshui.size());

        signInThroughTheWebapps("county.reviewer");
        assertThat(byTest("home-links").getText()).contains("任务列表").doesNotContain("流程引擎控制台");
        open("/camunda/app/tasklist/default/");
        waitUntil(WEBAPP_LOAD, () -> browser.getPageSource().contains("赵明")
                && browser.getPageSource().contains(EngineAuthorizations.TASKLIST_FILTER));
        assertThat(browser.findElements(By.cssSelector("input[type='password']"))).as("no second login").isEmpty();
        screenshot("keycloak-05-tasklist-county-reviewer");

        // What Tasklist lists: its filters and the tasks of the filter, through the webapp's own API in this session.
        JsonNode filters = JSON.readTree(fetch("GET", "/camunda/api/engine/engine/default/filter?resourceType=Task", null)
                .get("body").asText());
        assertThat(filters.findValuesAsText("name")).containsExactly(EngineAuthorizations.TASKLIST_FILTER);
        JsonNode listed = JSON.readTree(fetch("GET", "/camunda/api/engine/engine/default/filter/"
                + filters.get(0).get("id").asText() + "/list?maxResults=1000", null).get("body").asText());
        assertThat(listed.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(jinshui);

        assertRefused("/camunda/app/cockpit/default/");
        assertRefused("/camunda/app/admin/default/");
        // The webapps' password login would let a signed-in reviewer become another account: closed under Keycloak.
        JsonNode login = fetch("POST", "/camunda/api/admin/auth/user/default/login/admin",
                "username=sysadmin&password=" + KeycloakTestRealm.PASSWORD);
        assertThat(login.get("status").asInt()).isEqualTo(403);
        JsonNode who = JSON.readTree(fetch("GET", "/camunda/api/admin/auth/user/default", null).get("body").asText());
        assertThat(who.get("userId").asText()).isEqualTo("county.reviewer");
        List<String> apps = new ArrayList<>();
        who.get("authorizedApps").forEach(app -> apps.add(app.asText()));
        assertThat(apps).contains("tasklist").doesNotContain("cockpit", "admin");
    }

    /**
     * Issue 3 under Keycloak: the process owner watches the models in Cockpit (same OIDC session); a
     * deployment with their bearer token, as Camunda Modeler sends it, is refused (ADR 0012: they publish
     * through the console's four-eyes approval); a system administrator's token deploys a new version
     * (the audited break-glass) and running cases stay on theirs.
     */
    @Test
    void processOwnerOpensCockpit_theirBearerDeploymentIsRefused_aSystemAdministratorsDeploysANewVersion() throws Exception {
        signInThroughTheWebapps("process.owner");
        assertThat(byTest("home-links").getText()).contains("流程引擎控制台").doesNotContain("任务列表");
        open("/camunda/app/cockpit/default/#/processes");
        waitUntil(WEBAPP_LOAD, () -> browser.getPageSource().contains("周涛") && browser.getPageSource().contains("学历提升免修申请（R-30）"));
        assertThat(browser.findElements(By.cssSelector("input[type='password']"))).as("no second login").isEmpty();
        screenshot("keycloak-06-cockpit-process-owner");
        assertRefused("/camunda/app/admin/default/");
        assertRefused("/camunda/app/tasklist/default/");

        ProcessDefinition before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("degreeExemption")
                .latestVersion().singleResult();
        List<ProcessInstance> runningCases = runtimeService.createProcessInstanceQuery()
                .processDefinitionId(before.getId()).list();
        assertThat(runningCases).as("demo data: exemptions in review").isNotEmpty();
        String running = runningCases.get(0).getId();
        HttpResponse<String> refused = http.send(ModelerDeployment.degreeExemption("degreeExemption by the owner's token",
                ModelerDeployment.degreeExemptionModel()).request(URI.create(url("")),
                "Bearer " + keycloak.accessToken("process.owner")), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("degreeExemption")
                .latestVersion().singleResult().getId()).isEqualTo(before.getId());
        String token = "Bearer " + keycloak.accessToken("sysadmin");
        HttpResponse<String> deployed = http.send(ModelerDeployment.degreeExemption("degreeExemption by token",
                ModelerDeployment.degreeExemptionModel()).request(URI.create(url("")), token),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String deployment = JSON.readTree(deployed.body()).get("id").asText();
        try {
            JsonNode latest = JSON.readTree(engineRest("/engine-rest/process-definition/key/degreeExemption", token));
            assertThat(latest.get("version").asInt()).isEqualTo(before.getVersion() + 1);
            assertThat(latest.get("deploymentId").asText()).isEqualTo(deployment);
            JsonNode instance = JSON.readTree(engineRest("/engine-rest/process-instance/" + running, token));
            assertThat(instance.get("definitionId").asText()).as("a running case stays on its version")
                    .isEqualTo(before.getId());
        } finally {
            // Later tests in this context start cases on the repository's model again.
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void teachersAndManagersAreRefusedTheCamundaWebapps() {
        for (String username : List.of("teacher", "manager")) {
            signedOutOfKeycloak();
            signInThroughTheWebapps(username);
            assertThat(browser.getPageSource()).as(username + ": no link to a page that refuses")
                    .doesNotContain("/camunda/app/");
            assertRefused("/camunda/app/tasklist/default/");
            assertRefused("/camunda/app/cockpit/default/");
        }
        screenshot("keycloak-07-camunda-refused");
    }

    @Test
    void someoneWithAKeycloakUserButNoAccountHereIsToldWhy() {
        open("/");
        waitUntil(() -> browser.getCurrentUrl().startsWith(keycloak.url()));
        signInOnKeycloak(KeycloakTestRealm.STRANGER);

        waitUntil(() -> currentPath().startsWith("/login?error"));
        assertThat(byTest("login-error").getText()).contains("在本系统中没有对应的有效账号");
        screenshot("keycloak-08-no-account-here");
        // Keycloak still knows the person and sends them straight back, where they are refused again.
        open("/");
        assertThat(currentPath()).as("not signed in").startsWith("/login?error");
        assertThat(browser.findElements(By.cssSelector("[data-test='who-name']"))).isEmpty();
    }

    /** Opens a webapp, signs in at Keycloak on the way and lands on our home page. */
    private void signInThroughTheWebapps(String username) {
        open("/camunda/app/");
        waitUntil(() -> browser.getCurrentUrl().startsWith(keycloak.url()));
        signInOnKeycloak(username);
        waitUntil(() -> !browser.getCurrentUrl().startsWith(keycloak.url()));
    }

    private void assertRefused(String path) {
        open(path);
        assertThat(find(By.tagName("h1")).getText()).as(path).isEqualTo("页面无法显示");
        assertThat(browser.getPageSource()).as(path).contains("您没有访问此页面的权限");
    }

    /** A request from the page in the browser's session (cookies, no token): {"status": …, "body": "…"}. */
    private JsonNode fetch(String method, String path, String form) throws Exception {
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const init = {method: arguments[0], headers: {'Accept': 'application/json'}};
                if (arguments[2] !== null) {
                  init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
                  init.body = arguments[2];
                }
                fetch(arguments[1], init)
                  .then(r => r.text().then(body => done(JSON.stringify({status: r.status, body: body}))))
                  .catch(e => done(JSON.stringify({status: -1, body: String(e)})));""", method, path, form);
        return JSON.readTree((String) answer);
    }

    private String engineRest(String path, String authorization) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", authorization).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** Open tasks that {@code username}, a member of {@code group}, may read: the group's, or assigned to them. */
    private List<String> openTasksOf(String group, String username) {
        return taskService.createTaskQuery().list().stream()
                .filter(task -> username.equals(task.getAssignee()) || taskService.getIdentityLinksForTask(task.getId())
                        .stream().anyMatch(link -> "candidate".equals(link.getType()) && group.equals(link.getGroupId())))
                .map(Task::getId).toList();
    }

    private void signInOnKeycloak(String username) {
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(KeycloakTestRealm.PASSWORD);
        find(By.id("kc-login")).click();
    }
}
