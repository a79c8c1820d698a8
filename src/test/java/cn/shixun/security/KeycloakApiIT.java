package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.KeycloakTest;
import cn.shixun.KeycloakTestRealm;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code keycloak} profile on the real server with real Keycloak tokens (ADR 0006): every demo
 * user of the realm file is the same account here, tokens reach our API and the engine REST API
 * with the same scope checks as passwords, and every token that must not pass gets a 401 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shixun.demo-data.enabled=true")
@KeycloakTest
class KeycloakApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakTestRealm keycloak;

    @LocalServerPort int port;
    @Autowired Teachers teachers;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void realm() {
        keycloak = KeycloakTestRealm.get();
    }

    @Test
    void everyDemoUserOfTheRealmFileSignsInAsTheDemoAccountOfTheSameName() throws Exception {
        JsonNode realm = JSON.readTree(java.nio.file.Path.of("docs/keycloak/shixun-realm.json").toFile());
        List<String> realmUsers = new java.util.ArrayList<>();
        realm.get("users").forEach(user -> realmUsers.add(user.get("username").asText()));
        assertThat(realmUsers).as("the README's demo accounts").containsExactlyInAnyOrderElementsOf(DemoAccounts.USERNAMES);

        for (String username : realmUsers) {
            HttpResponse<String> me = get("/api/me", keycloak.accessToken(username));
            assertThat(me.statusCode()).as(username).isEqualTo(200);
            assertThat(JSON.readTree(me.body()).get("username").asText()).isEqualTo(username);
        }
    }

    /** Issue 10: under Keycloak, password guessing is Keycloak's to throttle, and the shipped realm does. */
    @Test
    void theRealmBlocksAUserAfterFiveWrongPasswords_evenForTheRightOne() {
        JsonNode realm = keycloak.realmSettings();
        assertThat(realm.get("bruteForceProtected").asBoolean()).as("brute-force detection on").isTrue();
        assertThat(realm.get("permanentLockout").asBoolean()).as("blocks end by themselves").isFalse();
        assertThat(realm.get("failureFactor").asInt()).isEqualTo(5);
        assertThat(realm.get("waitIncrementSeconds").asInt()).isEqualTo(60);
        assertThat(realm.get("maxFailureWaitSeconds").asInt()).isEqualTo(900);

        assertThat(keycloak.passwordGrant(KeycloakTestRealm.GUESSED, KeycloakTestRealm.PASSWORD)).isEqualTo(200);
        for (int i = 1; i <= 5; i++) {
            assertThat(keycloak.passwordGrant(KeycloakTestRealm.GUESSED, "guess-" + i)).as("guess %d", i).isIn(400, 401);
        }
        assertThat(keycloak.passwordGrant(KeycloakTestRealm.GUESSED, KeycloakTestRealm.PASSWORD))
                .as("the right password while blocked").isNotEqualTo(200);
    }

    @Test
    void teacherReadsTheirStatusButNotAnotherTeachers() throws Exception {
        String token = keycloak.accessToken("teacher");
        long own = teachers.findByStaffNumber("4101050001001").orElseThrow().getId();
        long other = teachers.findByStaffNumber("5301020001001").orElseThrow().getId();

        HttpResponse<String> status = get("/api/teachers/" + own + "/status?date=2026-07-01", token);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).get("requirements").isArray()).isTrue();
        HttpResponse<String> me = get("/api/me", token);
        assertThat(JSON.readTree(me.body()).get("teacherId").asLong()).isEqualTo(own);
        assertThat(post("/api/teachers/" + other + "/ledger", token, "{}").statusCode())
                .as("teachers never write hours (R-40), with a token as with a password").isEqualTo(403);
    }

    /** R-04 and ADR 0004 with tokens: the exemption reaches the county reviewer's task list on the engine REST API. */
    @Test
    void R04_countyReviewerListsTheirTasksOnTheEngineRestApiWithAToken() throws Exception {
        String scan = StoredEvidence.of(evidence, accounts.find("teacher").orElseThrow().teacherId());
        HttpResponse<String> applied = post("/api/exemptions", keycloak.accessToken("teacher"), """
                {"institution":"河南师范大学","degreeLevel":"POSTGRADUATE","major":"教育管理","educationRelated":true,
                 "studyStart":"2024-09-01","studyEnd":"2026-06-30","certificateNumber":"KC-DIPLOMA-0001",
                 "diplomaFile":"%s"}""".formatted(scan));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        long id = JSON.readTree(applied.body()).get("id").asLong();
        String schoolAdmin = keycloak.accessToken("school.admin");
        String taskId = JSON.readTree(get("/api/exemptions/" + id, schoolAdmin).body()).get("currentTask").get("id").asText();
        HttpResponse<String> schoolApproved = post("/api/tasks/" + taskId + "/decisions", schoolAdmin,
                "{\"outcome\":\"APPROVE\"}");
        assertThat(schoolApproved.statusCode()).as(schoolApproved.body()).isEqualTo(200);

        String reviewer = keycloak.accessToken("county.reviewer");
        HttpResponse<String> tasks = get("/engine-rest/task?candidateUser=county.reviewer", reviewer);
        assertThat(tasks.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(tasks.body());
        assertThat(list).isNotEmpty();
        assertThat(list.findValuesAsText("taskDefinitionKey")).contains("UserTask_AuthorityReview");
        HttpResponse<String> others = get("/engine-rest/task?candidateUser=county.reviewer.km",
                keycloak.accessToken("county.reviewer.km"));
        assertThat(JSON.readTree(others.body()).findValuesAsText("name")).as("五华区 has none of 金水区's tasks")
                .doesNotContainAnyElementsOf(list.findValuesAsText("name"));
    }

    @Test
    void noTokenOrAPasswordIsNotEnough() throws Exception {
        HttpResponse<String> none = get("/api/me", null);
        assertUnauthorized(none);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"Shixun\"");
        String basic = "Basic " + Base64.getEncoder().encodeToString("sysadmin:shixun123".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> password = send(HttpRequest.newBuilder(uri("/engine-rest/engine")).header("Authorization", basic));
        assertThat(password.statusCode()).as("local passwords do not open the API under Keycloak").isEqualTo(401);
    }

    /** Outside the demo profile the API description is behind sign-in; signed in, it asks for a bearer token (KeycloakBrowserIT). */
    @Test
    void apiDocumentationIsBehindSignIn() throws Exception {
        for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isIn(302, 401);
            assertThat(anonymous.body()).as(path).doesNotContain("securitySchemes");
        }
    }

    @Test
    void forgedTokensAre401() throws Exception {
        String[] parts = keycloak.accessToken("teacher").split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((com.fasterxml.jackson.databind.node.ObjectNode) claims).put("preferred_username", "sysadmin")
                .putArray("roles").add("system-admin");
        String escalated = parts[0] + "." + base64(JSON.writeValueAsBytes(claims)) + "." + parts[2];
        assertInvalidToken(get("/api/me", escalated));

        // Signed, but with a key of our own under the realm key's id.
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign((RSAPrivateKey) keys.generateKeyPair().getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertInvalidToken(get("/api/me", parts[0] + "." + parts[1] + "." + base64(rs256.sign())));

        String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertInvalidToken(get("/api/me", none + "." + parts[1] + "."));
        assertInvalidToken(get("/engine-rest/task", "not-a-jwt"));
    }

    @Test
    void expiredTokenIs401() throws Exception {
        String token = keycloak.accessToken(KeycloakTestRealm.EXPIRING_CLIENT, "county.reviewer");
        long expiry = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("exp").asLong();
        assertThat(get("/api/me", token).statusCode()).as("still valid").isEqualTo(200);

        // Past the expiry and the test's 1 s clock skew.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), Instant.ofEpochSecond(expiry + 2)).toMillis()));

        assertInvalidToken(get("/api/me", token));
        assertInvalidToken(get("/engine-rest/task?candidateUser=county.reviewer", token));
    }

    @Test
    void tokenForAnotherAudienceIs401() throws Exception {
        String token = keycloak.accessToken(KeycloakTestRealm.OTHER_AUDIENCE_CLIENT, "sysadmin");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("aud").toString()).doesNotContain("shixun-api");
        assertThat(claims.get("preferred_username").asText()).as("otherwise a good token").isEqualTo("sysadmin");

        assertInvalidToken(get("/api/accounts", token));
        assertInvalidToken(get("/engine-rest/engine", token));
    }

    @Test
    void tokenForSomeoneWithNoAccountHereIs401() throws Exception {
        String token = keycloak.accessToken(KeycloakTestRealm.STRANGER);

        assertInvalidToken(get("/api/me", token));
        assertInvalidToken(get("/engine-rest/task?candidateUser=county.reviewer", token));
    }

    private void assertInvalidToken(HttpResponse<String> response) throws Exception {
        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
        assertThat(JSON.readTree(response.body()).get("title").asText()).isEqualTo("令牌无效");
    }

    private static void assertUnauthorized(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
