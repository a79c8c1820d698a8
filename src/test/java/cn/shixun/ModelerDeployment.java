package cn.shixun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment as Camunda Modeler's deploy button sends it: a multipart
 * {@code POST /engine-rest/deployment/create} with the model and the forms it references
 * (formRef binding {@code deployment}, docs/processes/versioning.md). For tests that deploy a
 * new version of a process as a process owner, with a password or a token.
 */
public record ModelerDeployment(String name, Map<String, String> files) {

    public static final Path DEGREE_EXEMPTION = Path.of("processes/degreeExemption.bpmn");
    private static final List<Path> DEGREE_EXEMPTION_FORMS = List.of(Path.of("forms/degreeExemptionApply.form"),
            Path.of("forms/degreeExemptionReview.form"), Path.of("forms/degreeExemptionAmend.form"));

    /** degreeExemption with {@code model} as its BPMN (the repository's file or a changed copy) and its three forms. */
    public static ModelerDeployment degreeExemption(String name, String model) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DEGREE_EXEMPTION.getFileName().toString(), model);
        for (Path form : DEGREE_EXEMPTION_FORMS) {
            files.put(form.getFileName().toString(), read(form));
        }
        return new ModelerDeployment(name, files);
    }

    /** The repository's own degreeExemption model. */
    public static String degreeExemptionModel() {
        return read(DEGREE_EXEMPTION);
    }

    /** The request to the server at {@code server} (e.g. {@code http://localhost:8080}) with an {@code Authorization} header. */
    public HttpRequest request(URI server, String authorization) {
        String boundary = "----shixun" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", name);
        fields.put("deployment-source", "Camunda Modeler");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                    + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue().getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(server.resolve("/engine-rest/deployment/create"))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
