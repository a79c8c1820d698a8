package cn.shixun.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.evidence.SamplePdf;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Two nodes, one database (issue 4): two application JVMs from the built jar on the private
 * MariaDB, a fresh database of their own, job executor on in both. Degree-exemption cases are
 * started on both nodes and their tasks completed from both, some the same task on both at the
 * same moment; every case must end exactly once and no hours be credited twice. Then the
 * database server is restarted in the middle of a legacy-hours batch, and the batch resumed.
 *
 * <p>Node A starts alone on the empty database (schema, demo data), then node B joins: the way
 * to roll out a first installation (docs/operations.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesIT.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final String SCHOOL = "4101050001";

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private String url;
    private Properties db;
    private AppNode a;
    private AppNode b;

    @BeforeAll
    void startTwoNodes() throws Exception {
        Instant began = Instant.now();
        db = new Properties();
        try (var in = Files.newBufferedReader(Path.of("target", "mariadb", "it.properties"))) {
            db.load(in);
        }
        url = script("database", "shixun_nodes").strip();
        a = AppNode.start("node-a", url, user(), password(), true);
        a.awaitUp(START_TIMEOUT, "sysadmin");
        Duration aUp = Duration.between(began, Instant.now());
        b = AppNode.start("node-b", url, user(), password(), false);
        b.awaitUp(START_TIMEOUT, "sysadmin");
        log.info("Two nodes up in {} s (node A with schema and demo data {} s, node B {} s)",
                Duration.between(began, Instant.now()).toSeconds(), aUp.toSeconds(),
                Duration.between(began, Instant.now()).minus(aUp).toSeconds());
    }

    @AfterAll
    void stopBothNodes() {
        pool.shutdownNow();
        try {
            if (a != null) {
                a.close();
            }
        } finally {
            if (b != null) {
                b.close();
            }
        }
    }

    @Test
    void R30_casesStartedAndDecidedOnBothNodesEndExactlyOnceAndCreditHoursOnce() throws Exception {
        List<Long> teacherIds = registrableTeachers();
        assertThat(teacherIds).as("registrable teachers at " + SCHOOL).hasSizeGreaterThanOrEqualTo(4);
        List<String> applicants = new ArrayList<>();
        List<String> scans = new ArrayList<>();
        for (Long teacherId : teacherIds) {
            String applicant = teacherAccount(teacherId);
            applicants.add(applicant);
            // the diploma scan must be a stored evidence file of the applicant.
            scans.add(body(a.postFile("/api/teachers/" + teacherId + "/evidence", applicant, "diploma.pdf",
                    SamplePdf.withText("Diploma of teacher " + teacherId)), 201).get("id").asText());
        }
        int n = applicants.size();

        // Applications on both nodes at once.
        List<Future<HttpResponse<String>>> applied = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AppNode node = i % 2 == 0 ? a : b;
            String applicant = applicants.get(i);
            String scan = scans.get(i);
            String certificate = "NODES-" + i + "-" + System.nanoTime();
            applied.add(pool.submit(() -> node.postJson("/api/exemptions", applicant, diploma(certificate, scan))));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<HttpResponse<String>> response : applied) {
            ids.add(body(response.get(), 201).get("id").asLong());
        }

        List<String> races = new ArrayList<>();
        decide(ids, "school.admin", "SCHOOL_REVIEW", 2, races);
        decide(ids, "county.reviewer", "AUTHORITY_REVIEW", 0, races);
        // A loser that read the task just before the winner's commit and its candidates just after
        // is told 409 as well, never 403 "not your task": the task is read again before refusing.
        assertThat(races).as("each race: one 200 and one 409").allMatch("200+409"::equals);

        Map<Long, String> finalStatus = awaitCrediting(ids, Duration.ofMinutes(2));
        assertThat(finalStatus.values()).as("no demo hours: every degree is credited").allMatch("EXEMPTED"::equals);
        try (Connection c = connect()) {
            for (Long id : ids) {
                String sourceRef = "degreeExemption/" + id;
                assertThat(count(c, "SELECT COUNT(*) FROM case_event WHERE process_key = 'degreeExemption' AND case_id = ?"
                        + " AND task_key = 'ServiceTask_CreditHours'", String.valueOf(id)))
                        .as("case %d credited or refused exactly once", id).isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM case_event WHERE process_key = 'degreeExemption' AND case_id = ?"
                        + " AND task_key IN ('UserTask_SchoolReview', 'UserTask_AuthorityReview')", String.valueOf(id)))
                        .as("case %d: one decision per review, the race's loser left none", id).isEqualTo(2);
                assertThat(count(c, "SELECT COUNT(*) FROM ledger_entry WHERE source_ref = ?", sourceRef))
                        .as("case %d: hours credited exactly once", id).isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?"
                        + " AND PROC_DEF_KEY_ = 'degreeExemption' AND END_TIME_ IS NOT NULL", String.valueOf(id)))
                        .as("case %d: one process instance, ended", id).isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = ?"
                        + " AND PROC_DEF_ID_ LIKE 'degreeExemption:%'", String.valueOf(id)))
                        .isZero();
                // The casework audits each review's decision as case.<outcome> on the case.
                assertThat(count(c, "SELECT COUNT(*) FROM audit_event WHERE action = 'case.approved'"
                        + " AND subject_type = 'degreeExemption' AND subject_id = ?", String.valueOf(id)))
                        .as("R-40: one audit line per review, the losers left none").isEqualTo(2);
            }
            assertThat(count(c, "SELECT COUNT(*) FROM ACT_RU_INCIDENT")).isZero();
            log.info("Credit jobs ran on: {}", jobHosts(c));
        }
    }

    /**
     * The database server restarted (scripts/mariadb.sh restart: a clean shutdown and start) while
     * node A writes a legacy-hours batch for every teacher of 河南省: the batch reports what it
     * could not write, resubmitting it writes exactly that, and in the end every row is there once.
     */
    @Test
    void R41_theDatabaseRestartsInTheMiddleOfABatchAndTheBatchResumesWithNothingLostOrDoubled() throws Exception {
        List<Long> teachers = teachersUnder("410000");
        String tag = "RST" + (System.nanoTime() % 1_000_000) + "-";
        StringBuilder batch = new StringBuilder("{\"teachers\":[");
        for (int i = 0; i < teachers.size(); i++) {
            long id = teachers.get(i);
            batch.append(i == 0 ? "" : ",").append("{\"teacherId\":").append(id).append(",\"items\":[");
            for (int year = 2010; year <= 2012; year++) {
                batch.append(year == 2010 ? "" : ",").append("{\"year\":").append(year)
                        .append(",\"category\":\"LEGACY\",\"hours\":30,\"paperEvidence\":\"")
                        .append(tag).append(id).append('-').append(year).append("\"}");
            }
            batch.append("]}");
        }
        String body = batch.append("]}").toString();
        long expected = teachers.size() * 3L;

        Future<HttpResponse<String>> first = pool.submit(() -> a.postJson("/api/legacy-hours/batches", "sysadmin", body));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (rowsTagged(tag) < 30 && !first.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(first.isDone()).as("the batch is still running when the server goes down").isFalse();
        Instant restartBegan = Instant.now();
        script("restart");
        log.info("Database restarted in {} ms during the batch", Duration.between(restartBegan, Instant.now()).toMillis());
        JsonNode firstRun = body(first.get(3, TimeUnit.MINUTES), 200);
        log.info("First run: {} imported, {} failed", firstRun.get("imported"), firstRun.get("failed"));
        assertThat(firstRun.get("refused").asInt()).isZero();

        long written = firstRun.get("results").findValues("written").stream().mapToLong(JsonNode::asLong).sum();
        JsonNode run = firstRun;
        for (int attempt = 0; attempt < 3 && run.get("failed").asInt() > 0; attempt++) {
            run = body(b.postJson("/api/legacy-hours/batches", "sysadmin", body), 200);
            written += run.get("results").findValues("written").stream().mapToLong(JsonNode::asLong).sum();
        }
        assertThat(run.get("failed").asInt()).as("resubmitted until nothing failed").isZero();
        JsonNode again = body(a.postJson("/api/legacy-hours/batches", "sysadmin", body), 200);
        assertThat(again.get("alreadyImported").asInt()).as("a complete batch resubmitted writes nothing")
                .isEqualTo(teachers.size());

        try (Connection c = connect()) {
            assertThat(rowsTagged(tag)).as("nothing lost").isEqualTo(expected);
            assertThat(count(c, "SELECT COUNT(*) FROM (SELECT teacher_id, evidence_number FROM ledger_entry"
                    + " WHERE evidence_number LIKE ? GROUP BY teacher_id, evidence_number HAVING COUNT(*) > 1) doubled",
                    tag + "%")).as("nothing doubled").isZero();
        }
        // A teacher committed just as the server went down may be reported failed, then found on resubmission.
        assertThat(written).isBetween(expected - 3L * firstRun.get("failed").asInt(), expected);
    }

    private long rowsTagged(String tag) {
        try (Connection c = connect()) {
            return count(c, "SELECT COUNT(*) FROM ledger_entry WHERE evidence_number LIKE ?", tag + "%");
        } catch (SQLException restarting) {
            return -1;
        }
    }

    private List<Long> teachersUnder(String code) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT t.id FROM teacher t JOIN organisation s ON s.id = t.school_id"
                        + " JOIN organisation r ON s.path LIKE CONCAT(r.path, '%') WHERE r.code = ? ORDER BY t.id")) {
            q.setString(1, code);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Every case's review decided by {@code reviewer}; the cases with index ≡ {@code raced} (mod 3)
     * on both nodes at the same moment, the others on one node, alternating.
     */
    private void decide(List<Long> ids, String reviewer, String step, int raced, List<String> races) throws Exception {
        String decision = "{\"outcome\":\"APPROVE\",\"comment\":\"同意（" + step + "）\"}";
        List<Future<HttpResponse<String>>> single = new ArrayList<>();
        List<List<Future<HttpResponse<String>>>> pairs = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < ids.size(); i++) {
            // The task the reviewer sees now; a decision names its task, so a late one cannot reach the next step.
            String taskId = body(a.get("/api/exemptions/" + ids.get(i), reviewer), 200).get("currentTask").get("id").asText();
            String path = "/api/tasks/" + taskId + "/decisions";
            if (i % 3 == raced) {
                List<Future<HttpResponse<String>>> pair = new ArrayList<>();
                for (AppNode node : List.of(a, b)) {
                    pair.add(pool.submit(gated(go, () -> node.postJson(path, reviewer, decision))));
                }
                pairs.add(pair);
            } else {
                AppNode node = (i + raced) % 2 == 0 ? a : b;
                single.add(pool.submit(gated(go, () -> node.postJson(path, reviewer, decision))));
            }
        }
        go.countDown();
        for (Future<HttpResponse<String>> response : single) {
            body(response.get(), 200);
        }
        for (List<Future<HttpResponse<String>>> pair : pairs) {
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : pair) {
                HttpResponse<String> r = response.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    // The engine's lock or the database's (a deadlock victim), or the task already gone.
                    assertThat(json.readTree(r.body()).get("detail").asText())
                            .containsPattern("已由他人办理|已经办理完毕|刚刚被他人处理");
                }
            }
            races.add(statuses.stream().sorted().map(String::valueOf).reduce((x, y) -> x + "+" + y).orElse(""));
        }
    }

    /** Waits until no case is open any more: crediting (the job executor of either node runs the credit step). */
    private Map<Long, String> awaitCrediting(List<Long> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Long, String> status = new HashMap<>();
        while (true) {
            status.clear();
            for (int i = 0; i < ids.size(); i++) {
                AppNode node = i % 2 == 0 ? b : a;
                status.put(ids.get(i), body(node.get("/api/exemptions/" + ids.get(i), "county.reviewer"), 200)
                        .get("status").asText());
            }
            if (!status.containsValue("OPEN") || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(500);
        }
    }

    private static <T> Callable<T> gated(CountDownLatch go, Callable<T> call) {
        return () -> {
            go.await();
            return call.call();
        };
    }

    private JsonNode body(HttpResponse<String> response, int expected) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(expected);
        return json.readTree(response.body());
    }

    private List<Long> registrableTeachers() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT t.id FROM teacher t JOIN organisation o ON o.id = t.school_id WHERE o.code = ?"
                        + " AND t.in_post AND t.qualification_cert_no IS NOT NULL ORDER BY t.staff_number")) {
            q.setString(1, SCHOOL);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next() && ids.size() < 8) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** A teacher account for {@code teacherId} (the demo data has one teacher account per region). */
    private String teacherAccount(Long teacherId) throws SQLException {
        String username = "node.teacher." + teacherId;
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO account (username, password_hash, display_name, role, organisation_id, teacher_id, enabled,"
                        + " created_at) VALUES (?, ?, ?, 'TEACHER', NULL, ?, TRUE, ?)")) {
            insert.setString(1, username);
            insert.setString(2, PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(AppNode.PASSWORD));
            insert.setString(3, "教师" + teacherId);
            insert.setLong(4, teacherId);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return username;
    }

    private String jobHosts(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG"
                + " WHERE JOB_STATE_ = 2 GROUP BY HOSTNAME_"); ResultSet rows = q.executeQuery()) {
            StringBuilder hosts = new StringBuilder();
            while (rows.next()) {
                hosts.append(rows.getString(1)).append('=').append(rows.getLong(2)).append(' ');
            }
            return hosts.toString().strip();
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private String user() {
        return db.getProperty("shixun.it.mariadb.username");
    }

    private String password() {
        return db.getProperty("shixun.it.mariadb.password");
    }

    /** Runs {@code scripts/mariadb.sh} with {@code args}; returns its standard output. */
    static String script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/mariadb.sh"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("mariadb.sh " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }

    private static String diploma(String certificateNumber, String scan) {
        return """
                {"institution":"河南师范大学","degreeLevel":"POSTGRADUATE","major":"教育管理","educationRelated":true,
                 "studyStart":"2024-09-01","studyEnd":"2026-06-30","certificateNumber":"%s",
                 "diplomaFile":"%s"}""".formatted(certificateNumber, scan);
    }
}
