package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.KeycloakTest;
import cn.shixun.KeycloakTestRealm;
import cn.shixun.teacher.Teachers;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in through Keycloak's own login page in a browser (profile {@code keycloak}, ADR 0006),
 * on the same Spring context as {@link KeycloakApiIT}.
 */
@KeycloakTest
class KeycloakBrowserIT extends BrowserTestSupport {

    private static KeycloakTestRealm keycloak;

    @Autowired Teachers teachers;

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
    void onlyTheSystemAdministratorOpensTheCamundaWebapps() {
        open("/camunda/app/cockpit/default/");
        waitUntil(() -> browser.getCurrentUrl().startsWith(keycloak.url()));
        signInOnKeycloak("sysadmin");
        waitUntil(() -> !browser.getCurrentUrl().startsWith(keycloak.url()));
        assertThat(byTest("home-links").getText()).contains("流程引擎控制台");
        open("/camunda/app/cockpit/default/");
        waitUntil(() -> browser.getPageSource().contains("系统管理员"));
        assertThat(browser.findElements(By.cssSelector("input[type='password']"))).as("no second login").isEmpty();
        screenshot("keycloak-04-cockpit-sysadmin");

        open("/");
        byTest("logout").click();
        waitUntil(() -> currentPath().startsWith("/login?logout"));
        open("/camunda/app/cockpit/default/");
        waitUntil(() -> browser.getCurrentUrl().startsWith(keycloak.url()));
        signInOnKeycloak("process.owner");
        waitUntil(() -> !browser.getCurrentUrl().startsWith(keycloak.url()));
        assertThat(byTest("home-links").getText()).as("no link to a page that refuses").doesNotContain("流程引擎控制台");
        open("/camunda/app/cockpit/default/");
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("页面无法显示");
        assertThat(browser.getPageSource()).contains("您没有访问此页面的权限");
        screenshot("keycloak-05-cockpit-refused");
    }

    @Test
    void someoneWithAKeycloakUserButNoAccountHereIsToldWhy() {
        open("/");
        waitUntil(() -> browser.getCurrentUrl().startsWith(keycloak.url()));
        signInOnKeycloak(KeycloakTestRealm.STRANGER);

        waitUntil(() -> currentPath().startsWith("/login?error"));
        assertThat(byTest("login-error").getText()).contains("在本系统中没有对应的有效账号");
        screenshot("keycloak-06-no-account-here");
        // Keycloak still knows the person and sends them straight back, where they are refused again.
        open("/");
        assertThat(currentPath()).as("not signed in").startsWith("/login?error");
        assertThat(browser.findElements(By.cssSelector("[data-test='who-name']"))).isEmpty();
    }

    private void signInOnKeycloak(String username) {
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(KeycloakTestRealm.PASSWORD);
        find(By.id("kc-login")).click();
    }
}
