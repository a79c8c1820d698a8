package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teachers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A teacher's first visit, as a person does it in a browser. */
class LoginBrowserIT extends BrowserTestSupport {

    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;

    @Test
    void teacherSignsInSeesTheirSchoolAndSignsOut() {
        SecurityTestData data = new SecurityTestData(organisations, teachers);
        String username = data.username("teacher");
        accounts.createTeacherAccount(username, SecurityTestData.PASSWORD, data.teacher.getId());

        open("/");
        assertThat(currentPath()).startsWith("/login");
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("登录师训");
        screenshot("01-login");

        submitLogin(username, "wrong-password");
        assertThat(byTest("login-error").getText()).contains("用户名或密码不正确");
        assertThat(find(By.id("username")).getDomProperty("value")).as("only the password needs retyping").isEqualTo(username);
        screenshot("02-login-wrong-password");

        submitLogin(username, SecurityTestData.PASSWORD);
        assertThat(currentPath()).as("back where the teacher wanted to go").matches("/(\\?continue)?");
        assertThat(byTest("greeting").getText()).isEqualTo("李春梅，您好！");
        assertThat(byTest("who-name").getText()).isEqualTo("李春梅");
        assertThat(byTest("who-role").getText()).isEqualTo("教师");
        assertThat(byTest("who-org").getText()).isEqualTo("甲区第一小学");
        assertThat(byTest("teacher-school").getText()).isEqualTo("甲区第一小学");
        screenshot("03-home-teacher");
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof htmx")).as("htmx served locally").isEqualTo("object");

        signOut();
        assertThat(currentPath()).isEqualTo("/login?logout");
        assertThat(byTest("logged-out").getText()).contains("已退出");
        screenshot("04-logged-out");

        open("/");
        assertThat(currentPath()).as("signed out for real").startsWith("/login");
    }

    /** The demo path a visitor takes: the login page lists the demo accounts, and {@code teacher} signs in. */
    @Test
    void loginPageListsTheDemoAccountsAndTheDemoTeacherSignsIn() {
        SecurityTestData.DemoJinshui demo = SecurityTestData.demoJinshui(organisations, teachers);
        new DemoAccounts(accounts, organisations, teachers).run(null);
        String teacherName = teachers.findByStaffNumber("4101050001001").orElseThrow().name();

        open("/login");
        assertThat(byTest("demo-accounts").getText()).contains("teacher", "county.reviewer", "sysadmin", "shixun123");
        screenshot("09-login-demo-accounts");

        signIn("teacher", DEMO_PASSWORD);
        assertThat(byTest("who-name").getText()).isEqualTo(teacherName);
        assertThat(byTest("who-org").getText()).isEqualTo(demo.school().name());
    }

    @Test
    void camundaCockpitKeepsItsOwnLoginAndAcceptsOurProcessOwnerAccount() {
        SecurityTestData data = new SecurityTestData(organisations, teachers);
        String username = data.username("owner");
        accounts.createAccount(username, SecurityTestData.PASSWORD, "周涛", Role.PROCESS_OWNER, data.province.getId());

        open("/camunda/app/cockpit/default/");
        assertThat(currentPath()).as("not sent to our login page").startsWith("/camunda/app/cockpit/");
        WebElement password = find(By.cssSelector("input[type='password']"));
        screenshot("07-camunda-cockpit-login");

        find(By.cssSelector("form input[type='text']")).sendKeys(username);
        password.sendKeys(SecurityTestData.PASSWORD);
        find(By.cssSelector("form button[type='submit']")).click();
        waitUntil(() -> browser.findElements(By.cssSelector("input[type='password']")).isEmpty());
        waitUntil(() -> browser.getPageSource().contains("周涛"));
        screenshot("08-camunda-cockpit-signed-in");
    }

    /** The engine REST API is its own servlet: check on the real server that it sits behind the API chain. */
    @Test
    void apiAndEngineRestAnswer401ProblemDetailsOnTheRealServer() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/api/me", "/engine-rest/engine"}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(response.body()).contains("需要登录");
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString("sysadmin-nobody:x".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(url("/engine-rest/engine")))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    /** ADR 0004 on the real server: the engine REST API resolves a demo reviewer's candidate groups from our accounts. */
    @Test
    void engineRestListsTasksAndGroupsOfADemoReviewer() throws Exception {
        SecurityTestData.demoJinshui(organisations, teachers);
        new DemoAccounts(accounts, organisations, teachers).run(null);
        HttpClient client = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("county.reviewer:" + DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tasks = client.send(HttpRequest.newBuilder(
                        URI.create(url("/engine-rest/task?candidateUser=county.reviewer"))).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).startsWith("[");
        HttpResponse<String> groups = client.send(HttpRequest.newBuilder(
                        URI.create(url("/engine-rest/group?member=county.reviewer"))).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat(groups.body()).contains("county-reviewer:410105");
    }

    @Test
    void processOwnerSeesTheEngineConsoleLink() {
        SecurityTestData data = new SecurityTestData(organisations, teachers);
        String username = data.username("owner");
        accounts.createAccount(username, SecurityTestData.PASSWORD, "周涛", Role.PROCESS_OWNER, data.province.getId());

        signIn(username, SecurityTestData.PASSWORD);

        assertThat(byTest("home-links").getText()).contains("流程引擎控制台", "接口文档");
        assertThat(byTest("who-role").getText()).isEqualTo("流程管理员");
        screenshot("05-home-process-owner");

        open("/no-such-page");
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("页面无法显示");
        assertThat(byTest("who-name").getText()).as("layout still knows who is signed in").isEqualTo("周涛");
        screenshot("06-not-found");
    }
}
