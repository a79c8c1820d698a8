package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The site menu's 中文 / English switch is kept on the account (issue 14, item 4): chosen once, it follows the
 * person to another browser (a fresh session whose Accept-Language is Chinese), on pages, in a page's refusal
 * and in the problem details of the API.
 */
class LanguageSwitchBrowserIT extends BrowserTestSupport {

    @Autowired Accounts accounts;
    @Autowired MessageSource messages;

    @AfterEach
    void backToTheBrowsersLanguage() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        accounts.languageOf("teacher").ifPresent(chosen -> accounts.chooseLanguage("teacher", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aTeacherSwitchesToEnglishAndFindsItAgainInAnotherBrowserThenSwitchesBack() throws Exception {
        signIn("teacher", DEMO_PASSWORD);
        open("/my/hours/preview");
        assertThat(byTest("who-role").getText()).isEqualTo(text("role.TEACHER", Locale.SIMPLIFIED_CHINESE));
        assertThat(byTest("language-switch").getText()).isEqualTo("English");

        byTest("language-switch").click();
        waitUntil(() -> byTest("who-role").getText().equals(text("role.TEACHER", Locale.ENGLISH)));
        assertThat(currentPath()).as("back on the page the switch was pressed on").isEqualTo("/my/hours/preview");
        assertThat(byTest("language-switch").getText()).isEqualTo("中文");
        assertThat(find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");

        // Another browser: no cookie of this session, and a browser that still asks for Chinese.
        browser.manage().deleteAllCookies();
        signIn("teacher", DEMO_PASSWORD);
        open("/my/hours/preview");
        assertThat(byTest("who-role").getText()).isEqualTo(text("role.TEACHER", Locale.ENGLISH));
        byTest("preview-submit").click();
        assertThat(byTest("error-kind").getText()).as("a refusal on a page")
                .isEqualTo(text("policy.invalid.kind-required", Locale.ENGLISH));
        browser.manage().window().setSize(new Dimension(1440, 900));
        screenshot("language-01-english-1440");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scroll on a phone").isEqualTo(true);
        screenshot("language-02-english-390");

        HttpResponse<String> refusal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/api/evidence/999999999")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("teacher:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "zh-CN,zh").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refusal.statusCode()).isEqualTo(404);
        assertThat(refusal.body()).as("problem details in the account's language, not the client's")
                .contains(text("evidence.not-found", Locale.ENGLISH))
                .doesNotContain(text("evidence.not-found", Locale.SIMPLIFIED_CHINESE));

        byTest("language-switch").click();
        waitUntil(() -> byTest("who-role").getText().equals(text("role.TEACHER", Locale.SIMPLIFIED_CHINESE)));
        assertThat(accounts.languageOf("teacher")).contains(Locale.SIMPLIFIED_CHINESE);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
