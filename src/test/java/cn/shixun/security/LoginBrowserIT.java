package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teachers;
import org.junit.jupiter.api.Test;
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
        assertThat(find(org.openqa.selenium.By.tagName("h1")).getText()).isEqualTo("登录师训");
        screenshot("01-login");

        submitLogin(username, "wrong-password");
        assertThat(byTest("login-error").getText()).contains("用户名或密码不正确");
        screenshot("02-login-wrong-password");

        submitLogin(username, SecurityTestData.PASSWORD);
        assertThat(currentPath()).as("back where the teacher wanted to go").matches("/(\\?continue)?");
        assertThat(byTest("greeting").getText()).isEqualTo("李春梅，您好！");
        assertThat(byTest("who-name").getText()).isEqualTo("李春梅");
        assertThat(byTest("who-role").getText()).isEqualTo("教师");
        assertThat(byTest("who-org").getText()).isEqualTo("甲区第一小学");
        assertThat(byTest("teacher-school").getText()).isEqualTo("甲区第一小学");
        screenshot("03-home-teacher");

        signOut();
        assertThat(currentPath()).isEqualTo("/login?logout");
        assertThat(byTest("logged-out").getText()).contains("已退出");
        screenshot("04-logged-out");

        open("/");
        assertThat(currentPath()).as("signed out for real").startsWith("/login");
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
    }
}
