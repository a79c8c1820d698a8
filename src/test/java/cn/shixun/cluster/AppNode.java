package cn.shixun.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One instance of the application as it runs in production: a JVM of its own started from the
 * jar that {@code mvn package} built, {@code mysql} profile, on 127.0.0.1 and a free port, job
 * executor on. Its output goes to {@code target/nodes/<name>.log}. Closing stops it (SIGTERM,
 * then SIGKILL after 30 s); a JVM shutdown hook does the same if the test JVM dies first.
 */
final class AppNode implements AutoCloseable {

    static final String PASSWORD = "shixun123";
    private static final Path LOGS = Path.of("target", "nodes");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The application jar of this build ({@code target/shixun-<version>.jar}). */
    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("shixun-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/shixun-*.jar: the two-node tests run after 'mvn package' (as in 'mvn verify')"));
        }
    }

    /** Starts a node on a free port; {@link #awaitUp} waits for it. */
    static AppNode start(String name, String jdbcUrl, String user, String password, boolean demoData) throws IOException {
        int port = freePort();
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-jar", jar().toAbsolutePath().toString(),
                "--spring.profiles.active=mysql",
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--shixun.demo-data.enabled=" + demoData,
                // Regions, teachers and accounts without the demo hours: two minutes less on MariaDB.
                "--shixun.demo-data.ledger=false",
                // Distinct names in the engine's job log (ACT_HI_JOB_LOG.HOSTNAME_) show which node ran a job.
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--springdoc.api-docs.enabled=false"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppNode(name, port, process, log);
    }

    /**
     * Waits until {@code probeUser} can call the API: the web server answers before the start-up
     * runners (schema checks, demo data and its accounts) have finished.
     */
    void awaitUp(Duration timeout, String probeUser) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (get("/api/audit?size=1", probeUser).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not come up within " + timeout + ":\n" + tail());
    }

    String name() {
        return name;
    }

    HttpResponse<String> get(String path, String username) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), username);
    }

    HttpResponse<String> postJson(String path, String username, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), username);
    }

    /** A multipart upload of {@code content} as the form field {@code file}. */
    HttpResponse<String> postFile(String path, String username, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----shixun" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))), username);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String username)
            throws IOException, InterruptedException {
        request.timeout(Duration.ofMinutes(3)).header("Accept", "application/json");
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The last lines of the node's output, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(no output: " + unreadable + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
