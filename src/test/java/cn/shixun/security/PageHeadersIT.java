package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers our pages answer with, on the real server (the session cookie is written by the
 * servlet container, which MockMvc does not run). Same context as {@link EngineRestScopeIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class PageHeadersIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void pagesCarryTheContentSecurityPolicyAndTheSessionCookieIsSameSiteLax() throws Exception {
        HttpResponse<String> login = browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(PageHeaders.CONTENT_SECURITY_POLICY);
        assertThat(sessionCookies(login)).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax"));

        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).as("the login form's CSRF token").isTrue();
        HttpResponse<String> signedIn = browser.send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=teacher&password=shixun123&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(sessionCookies(signedIn)).as("the new session after signing in").isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax"));

        HttpResponse<String> hours = browser.send(request("/my/hours").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hours.statusCode()).isEqualTo(200);
        assertThat(hours.headers().firstValue("Content-Security-Policy")).hasValue(PageHeaders.CONTENT_SECURITY_POLICY);
        assertThat(hours.body()).as("no inline script or style left for the policy to block")
                .doesNotContain("<script>").doesNotContain("<style").doesNotContain(" style=\"");
    }

    @Test
    void theCamundaWebappsKeepTheirOwnPolicy() throws Exception {
        HttpResponse<String> tasklist = browser.send(request("/camunda/app/tasklist/default/").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().allValues("Content-Security-Policy"))
                .doesNotContain(PageHeaders.CONTENT_SECURITY_POLICY);
    }

    @Test
    void inTheDemoProfileSwaggerUiAndTheApiDescriptionNeedNoSignIn() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        assertThat(anonymous.send(request("/v3/api-docs").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(anonymous.send(request("/swagger-ui/index.html").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
    }

    private static List<String> sessionCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .toList();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
