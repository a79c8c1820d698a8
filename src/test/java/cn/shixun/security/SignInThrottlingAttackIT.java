package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teachers;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10: 30 wrong passwords in a row were all checked, on the login form, on HTTP Basic and on
 * the Camunda webapps' login, so a password could be guessed without limit. Now, with the default
 * figures, the fifth failure of a name blocks it for a minute on every channel, right password or
 * not, and 30 failures from one address block that address for every name. The clock is the
 * test's, so waiting out a block takes no time.
 *
 * <p>Each test plays one client address through {@code X-Forwarded-For}, trusted from 127.0.0.1
 * as from a load balancer ({@code server.forward-headers-strategy=native}, docs/operations.md §7).
 */
// An engine of its own name: this context's clock makes it a context of its own, and Camunda's engine
// REST and webapps find engines by name in one static registry, where a second "default" would replace
// the engine of the ITs that share the demo context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=native", "camunda.bpm.process-engine-name=" + SignInThrottlingAttackIT.ENGINE})
@Import(SignInThrottlingAttackIT.TestClock.class)
class SignInThrottlingAttackIT {

    static final String ENGINE = "signInThrottling";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-12-06T02:00:00Z"));
        }
    }

    @LocalServerPort int port;
    @Autowired MovableClock clock;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    SecurityTestData data;
    String reviewer;
    String bystander;
    /** This test's attacker, and a client elsewhere. */
    String attacker;
    String elsewhere;

    @BeforeEach
    void setUp() {
        // Every test starts after the blocks of the ones before have ended.
        clock.moveOn(Duration.ofHours(1));
        data = new SecurityTestData(organisations, teachers);
        reviewer = data.username("reviewer");
        bystander = data.username("bystander");
        accounts.createAccount(reviewer, SecurityTestData.PASSWORD, "赵审核", Role.COUNTY_REVIEWER, data.countyA.getId());
        accounts.createAccount(bystander, SecurityTestData.PASSWORD, "钱审核", Role.COUNTY_REVIEWER, data.countyB.getId());
        attacker = "203.0.113." + ADDRESSES.incrementAndGet();
        elsewhere = "198.51.100." + ADDRESSES.incrementAndGet();
    }

    @Test
    void thirtyWrongPasswordsOnTheLoginForm_blockTheName_andTheRightPasswordIsRefusedUntilTheMinuteIsOver() throws Exception {
        for (int i = 1; i <= 30; i++) {
            assertThat(formLogin(reviewer, "guess-" + i, attacker).redirect()).as("guess %d", i).isEqualTo("/login?error");
        }
        FormAnswer refused = formLogin(reviewer, SecurityTestData.PASSWORD, attacker);
        assertThat(refused.redirect()).isEqualTo("/login?error");
        assertThat(refused.page()).contains("登录失败次数过多，已暂停登录至 " + beijing(inAMinute()) + "（北京时间）")
                .doesNotContain("用户名或密码不正确");

        assertThat(formLogin(bystander, SecurityTestData.PASSWORD, elsewhere).redirect())
                .as("another name from another address").isEqualTo("/");

        clock.moveOn(Duration.ofSeconds(59));
        assertThat(formLogin(reviewer, SecurityTestData.PASSWORD, attacker).redirect()).isEqualTo("/login?error");
        clock.moveOn(Duration.ofSeconds(1));
        assertThat(formLogin(reviewer, SecurityTestData.PASSWORD, attacker).redirect()).as("the minute is over").isEqualTo("/");

        assertOneAuditLinePerAttempt(reviewer, 5, 30 - 5 + 2);
        assertThat(outcomes(reviewer, "SUCCESS")).isEqualTo(1);
    }

    @Test
    void thirtyWrongPasswordsOnBasic_get429WithRetryAfter_andAnUnknownNameGetsExactlyTheSameAnswer() throws Exception {
        String unknown = data.username("nobody");
        Instant until = inAMinute();
        for (int i = 1; i <= 30; i++) {
            int expected = i <= 5 ? 401 : 429;
            assertThat(basic("/api/me", reviewer, "guess-" + i, attacker).statusCode()).as("guess %d", i).isEqualTo(expected);
            assertThat(basic("/api/me", unknown, "guess-" + i, elsewhere).statusCode()).as("guess %d", i).isEqualTo(expected);
        }
        HttpResponse<String> refused = basic("/api/me", reviewer, SecurityTestData.PASSWORD, attacker);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("60");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:shixun:problem:sign-in-blocked");
        assertThat(problem.get("detail").asText()).isEqualTo("登录失败次数过多，已暂停登录至 " + beijing(until) + "（北京时间），请到时再试。");
        assertThat(problem.get("blockedUntil").asText()).isEqualTo(until.toString());
        HttpResponse<String> unknownRefused = basic("/api/me", unknown, SecurityTestData.PASSWORD, elsewhere);
        assertThat(unknownRefused.statusCode()).isEqualTo(429);
        assertThat(unknownRefused.headers().firstValue("Retry-After")).contains("60");
        assertThat(unknownRefused.body()).as("nothing tells whether the name exists").isEqualTo(refused.body());

        assertThat(basic("/engine-rest/engine", reviewer, SecurityTestData.PASSWORD, attacker).statusCode())
                .as("the engine's REST API is the same Basic sign-in").isEqualTo(429);
        assertThat(basic("/api/me", bystander, SecurityTestData.PASSWORD, elsewhere).statusCode())
                .as("another name, even from the address that tried the unknown one").isEqualTo(200);

        clock.moveOn(Duration.ofMinutes(1));
        assertThat(basic("/api/me", reviewer, SecurityTestData.PASSWORD, attacker).statusCode()).isEqualTo(200);
        assertThat(basic("/api/me", reviewer, "guess-again", attacker).statusCode())
                .as("the success forgot the failures: one more wrong password is a plain 401").isEqualTo(401);

        assertOneAuditLinePerAttempt(reviewer, 5 + 1, 30 - 5 + 2);
        assertOneAuditLinePerAttempt(unknown, 5, 30 - 5 + 1);
    }

    @Test
    void thirtyWrongPasswordsOnTheWebappLogin_blockTheNameThere_withTheReason_andOnTheOtherChannelsToo() throws Exception {
        for (int i = 1; i <= 30; i++) {
            assertThat(webappLogin(reviewer, "guess-" + i, attacker).statusCode()).as("guess %d", i).isEqualTo(401);
        }
        HttpResponse<String> refused = webappLogin(reviewer, SecurityTestData.PASSWORD, attacker);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Retry-After")).contains("60");
        assertThat(json.readTree(refused.body()).get("message").asText())
                .as("what the webapp's login page shows").contains("已暂停登录至 " + beijing(inAMinute()) + "（北京时间）");
        assertThat(formLogin(reviewer, SecurityTestData.PASSWORD, elsewhere).page())
                .as("one count for every channel").contains("已暂停登录至");
        assertThat(webappLogin(bystander, SecurityTestData.PASSWORD, elsewhere).statusCode()).isEqualTo(200);

        clock.moveOn(Duration.ofMinutes(1));
        assertThat(webappLogin(reviewer, SecurityTestData.PASSWORD, attacker).statusCode()).isEqualTo(200);

        // The webapp's own failures are counted in the engine's password check; the blocked attempts are audited here.
        assertThat(outcomes(reviewer, "BLOCKED")).isEqualTo(30 - 5 + 2);
        assertNoFailureRecordedAfterTheBlock(reviewer);
    }

    @Test
    void aSprayOfOneGuessEachOverThirtyNamesFromOneAddress_blocksThatAddressForEveryName_butNoOtherAddress() throws Exception {
        for (int i = 1; i <= 30; i++) {
            assertThat(basic("/api/me", data.username("spray" + i), "123456", attacker).statusCode()).isEqualTo(401);
        }
        assertThat(basic("/api/me", reviewer, SecurityTestData.PASSWORD, attacker).statusCode())
                .as("the address is blocked, whoever's name and password it sends").isEqualTo(429);
        assertThat(formLogin(bystander, SecurityTestData.PASSWORD, attacker).page()).contains("已暂停登录至");
        assertThat(webappLogin(bystander, SecurityTestData.PASSWORD, attacker).statusCode()).isEqualTo(401);
        assertThat(basic("/api/me", reviewer, SecurityTestData.PASSWORD, elsewhere).statusCode())
                .as("the same name from another address").isEqualTo(200);
        assertThat(outcomes(reviewer, "BLOCKED")).isEqualTo(1);
        assertThat(outcomes(reviewer, "FAILED")).isZero();

        clock.moveOn(Duration.ofMinutes(15));
        assertThat(basic("/api/me", reviewer, SecurityTestData.PASSWORD, attacker).statusCode()).isEqualTo(200);
    }

    /** When a block that begins now ends (the clock stands still until a test moves it). */
    private Instant inAMinute() {
        return clock.instant().plus(Duration.ofMinutes(1));
    }

    private static String beijing(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai")).format(instant);
    }

    // --- channels, as a client at `address` uses them ---

    record FormAnswer(String redirect, String page) {
    }

    /** Our login form: the page for its CSRF token, the POST, and the page it redirects to. */
    private FormAnswer formLogin(String username, String password, String address) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher token = CSRF.matcher(send(browser, request("/login", address).GET()).body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> posted = send(browser, request("/login", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", username, "password", password,
                        "_csrf", token.group(1)))));
        String location = URI.create(posted.headers().firstValue("Location").orElseThrow()).getRawPath();
        String query = URI.create(posted.headers().firstValue("Location").orElseThrow()).getRawQuery();
        String redirect = query == null ? location : location + "?" + query;
        String page = redirect.startsWith("/login") ? send(browser, request(redirect, address).GET()).body() : "";
        return new FormAnswer(redirect, page);
    }

    private HttpResponse<String> basic(String path, String username, String password, String address) throws Exception {
        return send(HttpClient.newHttpClient(), request(path, address).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))).GET());
    }

    /** The webapps' own login, as their JavaScript posts it: CSRF cookie first, then the header. */
    private HttpResponse<String> webappLogin(String username, String password, String address) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(browser, request("/camunda/app/tasklist/" + ENGINE + "/", address).GET());
        String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
        return send(browser, request("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist", address)
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form("username", username, "password", password))));
    }

    private HttpRequest.Builder request(String path, String address) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", address);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    // --- the audit trail ---

    /** One line per attempt: {@code failed} wrong passwords checked, {@code blocked} attempts refused unchecked. */
    private void assertOneAuditLinePerAttempt(String username, int failed, int blocked) {
        assertThat(outcomes(username, "FAILED")).as("failed sign-ins of %s", username).isEqualTo(failed);
        assertThat(outcomes(username, "BLOCKED")).as("blocked sign-ins of %s", username).isEqualTo(blocked);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and outcome = 'BLOCKED'"
                + " and action = 'auth.sign-in-failed' and detail like '登录失败次数过多，暂停登录至%'", Integer.class, username))
                .isEqualTo(blocked);
    }

    /** A blocked attempt is one BLOCKED line, not also a failed one. */
    private void assertNoFailureRecordedAfterTheBlock(String username) {
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and outcome = 'FAILED' and id >"
                + " (select min(id) from audit_event where actor = ? and outcome = 'BLOCKED')", Integer.class,
                username, username)).isZero();
    }

    private int outcomes(String username, String outcome) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ? and outcome = ?", Integer.class,
                username, outcome);
    }
}
