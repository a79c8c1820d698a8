package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A demo reviewer decides a degree-exemption review in Camunda Tasklist: signed in to the
 * webapp (its own session and CSRF token), submitting the {@code degreeExemptionReview} form's
 * variables through the webapp's REST call. The casework records who decided with which
 * comment, and the application moves on, exactly as through our API. Same context as the
 * browser tests (server on a random port, demo data).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class TasklistDecisionIT {

    @LocalServerPort int port;
    @Autowired DegreeExemptions exemptions;
    @Autowired EvidenceFiles evidence;
    @Autowired Teachers teachers;
    @Autowired Organisations organisations;

    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void R40_R04_schoolAdminReturnsAReviewFromTasklist_andTheCaseworkRecordsItAndMovesTheApplication() throws Exception {
        Teacher teacher = teachers.findByStaffNumber("4101050001001").orElseThrow();
        DegreeExemption applied = exemptions.apply(teacher.getId(), "teacher", new Diploma("郑州大学",
                DegreeLevel.POSTGRADUATE, "课程与教学论", true, LocalDate.of(2023, 9, 1), LocalDate.of(2025, 6, 30),
                "TASKLIST-" + System.nanoTime(), StoredEvidence.of(evidence, teacher.getId())));
        String taskId = exemptions.openTask(applied.getId()).orElseThrow().id();

        get("/camunda/app/tasklist/default/");
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=school.admin&password="
                        + URLEncoder.encode("shixun123", StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"school.admin\"");

        HttpResponse<String> task = get("/camunda/api/engine/engine/default/task/" + taskId);
        assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
        assertThat(task.body()).contains("学校审核", applied.processInstanceId());
        HttpResponse<String> form = get("/camunda/api/engine/engine/default/task/" + taskId + "/form");
        assertThat(form.body()).contains("degreeExemptionReview");

        // Without a comment a return is refused by the casework, as everywhere else; nothing moves.
        HttpResponse<String> refused = submit(taskId, "RETURN", null);
        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_SchoolReview");

        HttpResponse<String> submitted = submit(taskId, "RETURN", "请上传清晰的证书扫描件");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);

        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_Amend");
        List<CaseEvent> history = exemptions.history(applied.getId());
        assertThat(history.get(history.size() - 1)).satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(CaseOutcome.RETURNED);
            assertThat(event.actor()).isEqualTo("school.admin");
            assertThat(event.comment()).isEqualTo("请上传清晰的证书扫描件");
            assertThat(event.taskKey()).isEqualTo("UserTask_SchoolReview");
        });
        assertThat(exemptions.openTask(applied.getId()).orElseThrow().assignee()).isEqualTo("teacher");
    }

    private HttpResponse<String> submit(String taskId, String decision, String comment) throws Exception {
        String variables = "{\"decision\":{\"value\":\"" + decision + "\",\"type\":\"String\"}"
                + (comment == null ? "" : ",\"comment\":{\"value\":\"" + comment + "\",\"type\":\"String\"}") + "}";
        return send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":" + variables + "}")));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Sends with the webapp's CSRF token (cookie XSRF-TOKEN, echoed in the X-XSRF-TOKEN header). */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return http.send(request.header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
