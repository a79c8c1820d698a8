package cn.shixun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The realm {@code shixun} on the test Keycloak, as the tests use it. The realm itself is
 * {@code docs/keycloak/shixun-realm.json}, exactly as shipped; for the tests this class adds,
 * once per run through Keycloak's admin API (partial import), what a production realm must not
 * have:
 * <ul>
 *   <li>{@value #CLIENT}: a public client with the password grant, so a test can get a token for
 *       a demo user without a browser; its claims come from the same mappers as {@code shixun-web}'s;</li>
 *   <li>{@value #EXPIRING_CLIENT}: the same, but its access tokens live {@value #EXPIRING_LIFESPAN_S} s;</li>
 *   <li>{@value #OTHER_AUDIENCE_CLIENT}: the same mappers less the audience, i.e. tokens for another API;</li>
 *   <li>user {@value #STRANGER}: a county reviewer of 金水区 in Keycloak with no account in Shixun;</li>
 *   <li>user {@value #GUESSED}: a teacher whose password one test guesses at, to see the realm's brute-force
 *       detection block it (no other test uses it).</li>
 * </ul>
 */
public final class KeycloakTestRealm {

    static final String PROPERTIES = "target/keycloak/it.properties";
    private static final Path REALM_FILE = Path.of("docs/keycloak/shixun-realm.json");
    private static final String REALM = "shixun";

    public static final String CLIENT = "shixun-tests";
    public static final String EXPIRING_CLIENT = "shixun-tests-expiring";
    public static final int EXPIRING_LIFESPAN_S = 3;
    public static final String OTHER_AUDIENCE_CLIENT = "shixun-tests-other-audience";
    public static final String STRANGER = "stranger";
    public static final String GUESSED = "guessed";
    public static final String PASSWORD = "shixun123";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakTestRealm instance;

    private final Properties properties;
    private final HttpClient http = HttpClient.newHttpClient();

    private KeycloakTestRealm(Properties properties) {
        this.properties = properties;
    }

    /** The realm of this run, with the test clients and user in place. */
    public static synchronized KeycloakTestRealm get() {
        if (instance == null) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(PROPERTIES))) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("no " + PROPERTIES + ": is the test Keycloak running (scripts/keycloak.sh start)?", e);
            }
            KeycloakTestRealm realm = new KeycloakTestRealm(properties);
            realm.addTestFixtures();
            instance = realm;
        }
        return instance;
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:18080}. */
    public String url() {
        return properties.getProperty("shixun.it.keycloak.url");
    }

    public String issuer() {
        return properties.getProperty("shixun.it.keycloak.issuer");
    }

    /** An access token for {@code username} (password {@value #PASSWORD}) from client {@value #CLIENT}. */
    public String accessToken(String username) {
        return accessToken(CLIENT, username);
    }

    /** An access token for {@code username} (password {@value #PASSWORD}) from {@code clientId}, by the password grant. */
    public String accessToken(String clientId, String username) {
        JsonNode tokens = postForm(issuer() + "/protocol/openid-connect/token", null, Map.of(
                "grant_type", "password", "client_id", clientId, "username", username, "password", PASSWORD));
        return tokens.get("access_token").asText();
    }

    /** The status of a password grant for {@code username} from {@value #CLIENT}: 200 with a token, 4xx without. */
    public int passwordGrant(String username, String password) {
        String body = form(Map.of("grant_type", "password", "client_id", CLIENT, "username", username, "password", password));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The realm as the running server has it (admin API), e.g. its brute-force settings. */
    public JsonNode realmSettings() {
        return send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + adminToken()).GET());
    }

    private void addTestFixtures() {
        JsonNode realm = read(REALM_FILE);
        JsonNode web = null;
        for (JsonNode client : realm.get("clients")) {
            if ("shixun-web".equals(client.get("clientId").asText())) {
                web = client;
            }
        }
        if (web == null) {
            throw new IllegalStateException("no client shixun-web in " + REALM_FILE);
        }
        ArrayNode allMappers = (ArrayNode) web.get("protocolMappers");
        ArrayNode withoutAudience = JSON.createArrayNode();
        allMappers.forEach(mapper -> {
            if (!"oidc-audience-mapper".equals(mapper.get("protocolMapper").asText())) {
                withoutAudience.add(mapper);
            }
        });
        ObjectNode fixtures = JSON.createObjectNode();
        fixtures.put("ifResourceExists", "OVERWRITE");
        ArrayNode clients = fixtures.putArray("clients");
        clients.add(passwordClient(CLIENT, allMappers));
        ObjectNode expiring = passwordClient(EXPIRING_CLIENT, allMappers);
        expiring.putObject("attributes").put("access.token.lifespan", String.valueOf(EXPIRING_LIFESPAN_S));
        clients.add(expiring);
        clients.add(passwordClient(OTHER_AUDIENCE_CLIENT, withoutAudience));
        ObjectNode stranger = fixtures.putArray("users").addObject();
        stranger.put("username", STRANGER).put("enabled", true).put("firstName", "陌生").put("lastName", "人");
        stranger.putArray("realmRoles").add("county-reviewer");
        stranger.putObject("attributes").putArray("organisation_code").add("410105");
        stranger.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        ObjectNode guessed = ((ArrayNode) fixtures.get("users")).addObject();
        guessed.put("username", GUESSED).put("enabled", true).put("firstName", "被猜").put("lastName", "密码");
        guessed.putArray("realmRoles").add("teacher");
        guessed.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);

        send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + "/partialImport"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(fixtures.toString())));
    }

    private String adminToken() {
        return postForm(url() + "/realms/master/protocol/openid-connect/token", null, Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", properties.getProperty("shixun.it.keycloak.admin-username"),
                "password", properties.getProperty("shixun.it.keycloak.admin-password"))).get("access_token").asText();
    }

    private static ObjectNode passwordClient(String clientId, ArrayNode mappers) {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", clientId).put("enabled", true).put("protocol", "openid-connect")
                .put("publicClient", true).put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false);
        client.set("protocolMappers", mappers.deepCopy());
        return client;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode postForm(String url, String bearer, Map<String, String> form) {
        String body = form(form);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
