package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.IntSupplier;

/** The engine REST API as the ITs call it: a demo account's HTTP Basic, JSON in and out, on the test's server. */
final class EngineRestCalls {

    /** Every demo account's password (README). */
    static final String DEMO_PASSWORD = "shixun123";

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final IntSupplier port;

    /** {@code port}: the test's {@code @LocalServerPort}, read on each call since it is injected after construction. */
    EngineRestCalls(IntSupplier port) {
        this.port = port;
    }

    HttpResponse<String> call(String username, String method, String path, String jsonBody)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(username))
                .header("Accept", "application/json");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any other request, e.g. a multipart deployment, with the body read as text. */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's JSON, after checking its status (the body is shown when it is not the one expected). */
    JsonNode body(HttpResponse<String> response, int expectedStatus) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    String url(String path) {
        return "http://localhost:" + port.getAsInt() + path;
    }
}
