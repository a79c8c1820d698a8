package cn.shixun.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * R-40 audit trail through the real filter chain, on the demo data (same context as the other
 * demo-data tests): what is recorded, with whom and from where, what is not (a rolled-back
 * action), who may read it and how far, the export, bad filters, and that a line cannot be
 * changed or removed, by the code or by SQL.
 */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class AuditTrailTest {

    private static final String PASSWORD = "shixun123";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired WebApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired Teachers teachers;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired FilterRegistrationBean<RefusalAuditFilter> refusalAuditFilter;

    MockMvc mvc;
    String run;

    @BeforeEach
    void setUp() {
        Filter audit = refusalAuditFilter.getFilter();
        // Outside Spring Security's filters, as in the server (order -101 against -100).
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(audit).apply(springSecurity()).build();
        run = System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    @Test
    void R40_aRegistrationIsRecordedWithWhoWhenWhereAndTheTeachersSchool() throws Exception {
        Teacher teacher = newTeacher("4101050001");
        long entryId = json.readTree(as("county.reviewer", post("/api/teachers/{id}/ledger", teacher.getId())
                .contentType(MediaType.APPLICATION_JSON).content(registration("AUD-" + run))
                .header("User-Agent", "审计测试浏览器/1.0")
                .with(request -> {
                    request.setRemoteAddr("10.20.30.40");
                    return request;
                })).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();

        JsonNode line = only(as("manager", get("/api/audit").param("action", "ledger.register")
                .param("subjectId", String.valueOf(entryId))));
        assertThat(line.get("actor").asText()).isEqualTo("county.reviewer");
        assertThat(line.get("actorRole").asText()).isEqualTo("COUNTY_REVIEWER");
        assertThat(line.get("actorRoleLabel").asText()).isEqualTo("县（区）审核员");
        assertThat(line.get("clientIp").asText()).isEqualTo("10.20.30.40");
        assertThat(line.get("userAgent").asText()).isEqualTo("审计测试浏览器/1.0");
        assertThat(line.get("subjectType").asText()).isEqualTo("ledger-entry");
        assertThat(line.get("organisationName").asText()).isEqualTo("郑州市金水区文化路第一小学");
        assertThat(line.get("detail").asText()).contains(teacher.staffNumber(), "AUD-" + run, "决定人 county.reviewer");
        assertThat(line.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(java.time.Instant.parse(line.get("occurredAt").asText()))
                .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());

        // The correction names the reversed entry; the legacy import lists the entries it wrote.
        as("county.reviewer", post("/api/ledger/{id}/corrections", entryId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"证书学时登记错误\"}")).andExpect(status().isCreated());
        assertThat(only(as("manager", get("/api/audit").param("action", "ledger.correct")
                .param("subjectId", String.valueOf(entryId)))).get("detail").asText()).contains("证书学时登记错误");
        JsonNode imported = json.readTree(as("county.reviewer", post("/api/teachers/{id}/legacy-hours", teacher.getId())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"items":[{"year":2015,"category":"LEGACY","hours":40,"paperEvidence":"PAPER-%s"}]}"""
                        .formatted(run))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(only(as("manager", get("/api/audit").param("action", "ledger.import-legacy")
                .param("subjectType", "teacher").param("subjectId", String.valueOf(teacher.getId()))))
                .get("detail").asText()).contains("记录 " + imported.get(0).get("id").asText());
    }

    @Test
    void R40_aRefusedOrRolledBackActionLeavesNoLine() throws Exception {
        Teacher teacher = newTeacher("4101050001");
        long before = count();
        as("county.reviewer", post("/api/teachers/{id}/ledger", teacher.getId()).contentType(MediaType.APPLICATION_JSON)
                .content(registration(""))).andExpect(status().isUnprocessableEntity());
        assertThat(count()).isEqualTo(before);

        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            publisher.publishEvent(new AuditedAction("test.rolled-back", "test", run, null, null));
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_id = ?", Long.class, run)).isZero();
        assertThatThrownBy(() -> publisher.publishEvent(new AuditedAction("test.no-transaction", "test", run, null)))
                .as("an action published outside a transaction could be rolled back after its line was written")
                .isInstanceOf(IllegalTransactionStateException.class);

        // The test framework puts a mock request on this thread; the job executor's threads have none.
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        transaction.executeWithoutResult(status -> publisher.publishEvent(
                new AuditedAction("test.committed", "test", run, "提交", null)));
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE subject_id = ?", String.class, run))
                .as("no request, nobody signed in: the engine or a start-up job").isEqualTo("system");
    }

    @Test
    void R40_aManagerReadsOnlyTheLinesOfTheirOwnScope() throws Exception {
        Teacher kunming = newTeacher("5301020001");
        as("county.reviewer.km", post("/api/teachers/{id}/ledger", kunming.getId()).contentType(MediaType.APPLICATION_JSON)
                .content(registration("KM-" + run))).andExpect(status().isCreated());
        String subject = String.valueOf(kunming.getId());

        assertThat(lines(as("manager", get("/api/audit").param("subjectType", "teacher").param("subjectId", subject))))
                .as("郑州市's manager does not see 昆明市").isEmpty();
        assertThat(lines(as("sysadmin", get("/api/audit").param("subjectType", "teacher").param("subjectId", subject))))
                .as("河南省's system administrator does not see 昆明市 either").isEmpty();
        String kunmingManager = "manager.km." + run;
        accounts.createAccount(kunmingManager, PASSWORD, "昆明管理者", Role.MANAGER,
                organisations.findByCode("530100").orElseThrow().getId());
        assertThat(lines(as(kunmingManager, get("/api/audit").param("subjectType", "teacher").param("subjectId", subject))))
                .extracting(line -> line.get("action").asText()).containsExactly("teacher.hire");

        for (String notAReader : List.of("teacher", "school.admin", "county.reviewer", "city.reviewer", "process.owner")) {
            as(notAReader, get("/api/audit")).andExpect(status().isForbidden());
        }
    }

    @Test
    void R40_refusedRequestsAreRecordedWithWhoTriedWhat() throws Exception {
        Teacher teacher = teachers.findByStaffNumber("4101050001001").orElseThrow();
        as("teacher", post("/api/teachers/{id}/ledger", teacher.getId()).contentType(MediaType.APPLICATION_JSON)
                .content(registration("T-" + run))).andExpect(status().isForbidden());
        JsonNode denied = lines(as("manager", get("/api/audit").param("action", "access.denied")
                .param("actor", "teacher"))).get(0);
        assertThat(denied.get("subjectId").asText()).isEqualTo("POST /api/teachers/" + teacher.getId() + "/ledger");
        assertThat(denied.get("outcome").asText()).isEqualTo("DENIED");
        assertThat(denied.get("detail").asText()).contains("403");

        String probe = "/api/teachers/" + run;
        mvc.perform(get(probe)).andExpect(status().isUnauthorized());
        assertThat(lines(as("manager", get("/api/audit").param("action", "access.denied")
                .param("subjectId", "GET " + probe)))).as("filed under no organisation").isEmpty();
        JsonNode anonymous = only(as("sysadmin", get("/api/audit").param("action", "access.denied")
                .param("subjectId", "GET " + probe)));
        assertThat(anonymous.get("actor").asText()).isEqualTo("anonymous");

        // A page refused to a signed-in person is recorded too.
        mvc.perform(get("/audit").session(signedIn("teacher"))).andExpect(status().isForbidden());
        assertThat(lines(as("manager", get("/api/audit").param("action", "access.denied").param("actor", "teacher")
                .param("subjectId", "GET /audit")))).isNotEmpty();
    }

    @Test
    void R40_signInsAndFailedSignInsAreRecorded() throws Exception {
        long before = count();
        mvc.perform(formLogin("/login").user("school.admin").password(PASSWORD)).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user("school.admin").password("wrong-" + run))
                .andExpect(header().string("Location", "/login?error"));
        String stranger = "nobody-" + run;
        mvc.perform(get("/api/audit").with(httpBasic(stranger, "guess"))).andExpect(status().isUnauthorized());

        List<JsonNode> schoolAdmin = lines(as("manager", get("/api/audit").param("actor", "school.admin")
                .param("action", "auth.").param("size", "2")));
        assertThat(schoolAdmin).extracting(line -> line.get("action").asText() + "/" + line.get("outcome").asText())
                .containsExactly("auth.sign-in-failed/FAILED", "auth.sign-in/SUCCESS");
        assertThat(schoolAdmin.get(0).get("detail").asText()).isEqualTo("用户名或密码错误");
        assertThat(schoolAdmin.get(0).get("organisationName").asText()).isEqualTo("郑州市金水区文化路第一小学");
        assertThat(lines(as("sysadmin", get("/api/audit").param("actor", stranger))))
                .as("one failed sign-in, not also a refused request").extracting(line -> line.get("action").asText())
                .containsExactly("auth.sign-in-failed");
        // The readers' own API calls (HTTP Basic on every request) are not sign-ins.
        assertThat(count() - before).isEqualTo(3);
    }

    @Test
    void R40_aRefusedBearerTokenIsRecordedByItsFingerprint_theTokenItselfStaysOutOfTheTrail() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJjb3VudHkucmV2aWV3ZXIifQ." + run;
        publisher.publishEvent(new AuthenticationFailureBadCredentialsEvent(new BearerTokenAuthenticationToken(token),
                new InvalidBearerTokenException("Jwt expired")));

        List<Map<String, Object>> recorded = jdbc.queryForList("SELECT actor, subject_id, detail FROM audit_event"
                + " WHERE action = 'auth.sign-in-failed' AND actor LIKE 'bearer-token:%' ORDER BY id DESC");
        assertThat(recorded).isNotEmpty();
        assertThat(recorded.get(0)).containsEntry("DETAIL", "令牌无效或已过期")
                .hasEntrySatisfying("ACTOR", actor -> assertThat((String) actor).matches("bearer-token:[0-9a-f]{12}"))
                .hasEntrySatisfying("SUBJECT_ID", subject -> assertThat(subject).isEqualTo(recorded.get(0).get("ACTOR")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor LIKE ? OR subject_id LIKE ?"
                + " OR detail LIKE ?", Integer.class, "%" + run + "%", "%" + run + "%", "%" + run + "%")).isZero();
    }

    @Test
    void R40_badFiltersAreRefusedNamingTheField() throws Exception {
        expectBadFilter("from", "from", "2026-13-45");
        expectBadFilter("to", "from", "2026-05-02", "to", "2026-05-01");
        expectBadFilter("action", "action", "ledger.register' OR '1'='1");
        expectBadFilter("action", "action", "ledger.%");
        expectBadFilter("subjectType", "subjectType", "Teacher;DROP TABLE audit_event");
        expectBadFilter("actor", "actor", "x".repeat(65));
        expectBadFilter("outcome", "outcome", "MAYBE");
        expectBadFilter("size", "size", "1000");
        expectBadFilter("page", "page", "-1");
        expectBadFilter("page", "page", "abc");
        as("manager", get("/api/audit/export").param("format", "xlsx")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("format"));
        // SQL metacharacters in a free-text filter are just text: no match, no error.
        as("manager", get("/api/audit").param("actor", "x' OR '1'='1").param("subjectId", "%"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void R40_theExportIsExcelReadableCsvAndIsItselfRecorded() throws Exception {
        Teacher teacher = newTeacher("4101050001");
        byte[] csv = as("manager", get("/api/audit/export").param("subjectType", "teacher")
                .param("subjectId", String.valueOf(teacher.getId())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String[] rows = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[0]).startsWith("\"编号\",\"时间（北京时间）\",\"操作人\"");
        assertThat(rows[1]).contains("\"教师入职\"", "\"teacher.hire\"", "\"郑州市金水区文化路第一小学\"", "\"成功\"");
        assertThat(only(as("manager", get("/api/audit").param("action", "audit.export").param("actor", "manager")
                .param("size", "1"))).get("detail").asText()).contains("导出 1 条审计记录", teacher.getId().toString());
    }

    @Test
    void R40_aLineCanBeNeitherChangedNorRemoved() {
        assertThat(org.springframework.data.repository.CrudRepository.class.isAssignableFrom(AuditEventRepository.class))
                .as("not a CrudRepository, which brings the delete family").isFalse();
        List<String> methods = new ArrayList<>();
        for (Class<?> type : List.of(AuditEventRepository.class, AuditTrail.class, AuditWriter.class)) {
            for (var method : type.getMethods()) {
                methods.add(method.getName());
            }
        }
        assertThat(methods).noneMatch(name -> name.matches("(?i).*(delete|remove|update|truncate|purge|modify|set).*"));
        assertThat(AuditEvent.class.getDeclaredMethods()).noneMatch(m -> m.getName().startsWith("set"));

        Long id = jdbc.queryForObject("SELECT MAX(id) FROM audit_event", Long.class);
        assertThat(id).as("the demo data's own lines").isNotNull();
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'someone-else' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE id = ?", Long.class, id)).isOne();
    }

    @Test
    void R40_theAuditPageShowsTheScopeAndRefusesBadFiltersAndOtherRoles() throws Exception {
        MockHttpSession manager = signedIn("manager");
        String html = mvc.perform(get("/audit").session(manager))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("审计日志", "郑州市及下属机构", "data-test=\"audit-line\"");
        html = mvc.perform(get("/audit").param("from", "2026-99-01").session(manager))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("开始日期：“2026-99-01”不是有效的日期");
        mvc.perform(get("/audit/export").param("action", "auth.").session(manager))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("text/csv")));
        mvc.perform(get("/audit/export").session(signedIn("county.reviewer"))).andExpect(status().isForbidden());
    }

    /** A browser session after signing in through the login form, as the pages are used. */
    private MockHttpSession signedIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
    }

    private void expectBadFilter(String field, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/audit");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        as("manager", request).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(containsString(field + ": ")));
    }

    private Teacher newTeacher(String schoolCode) {
        Long school = organisations.findByCode(schoolCode).orElseThrow().getId();
        return teachers.hire("AUD-" + run, "审计老师", "女", school, Stage.PRIMARY, "语文", "2016" + schoolCode,
                LocalDate.of(2010, 9, 1));
    }

    private static String registration(String evidence) {
        return """
                {"sourceType":"PROJECT","sourceRef":"AUDIT","evidenceNumber":"%s",
                 "claim":{"kind":"SCHOOL_BASED","endDate":"2024-06-01","hours":12}}""".formatted(evidence);
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }

    private List<JsonNode> lines(ResultActions result) throws Exception {
        JsonNode page = json.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private JsonNode only(ResultActions result) throws Exception {
        List<JsonNode> items = lines(result);
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
