package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The attacks of issue 4 ("Bad input and attacks") that concern what exists today, each test
 * named after the attack (docs/security.md lists them). Two counties A and B of one city: the
 * attackers are B's school administrator, B's county reviewer and a teacher at B; the target is
 * the teacher at A with a ledger entry and a degree-exemption case.
 */
@SpringBootTest
class AttackTest {

    @Autowired WebApplicationContext context;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired DegreeExemptions exemptions;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired ObjectMapper json;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMappings;

    MockMvc mvc;
    SecurityTestData data;
    Teacher teacherA;
    Teacher teacherB;
    LedgerEntry entryA;
    DegreeExemption caseA;
    String adminA;
    String adminB;
    String reviewerB;
    String teacherUserA;
    String teacherUserB;

    @BeforeEach
    void twoCounties() {
        // The servlet filters MockMvc would not add by itself: the request size limit.
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(context.getBean("requestSizeLimit", Filter.class))
                .apply(springSecurity()).build();
        data = new SecurityTestData(organisations, teachers);
        teacherA = data.teacher;
        teacherB = teachers.hire(data.prefix + "002", "王小红", "女", data.schoolB.getId(), Stage.PRIMARY, "数学",
                "2011410000000002", LocalDate.of(2016, 9, 1));
        adminA = data.username("admin-a");
        adminB = data.username("admin-b");
        reviewerB = data.username("reviewer-b");
        teacherUserA = data.username("teacher-a");
        teacherUserB = data.username("teacher-b");
        accounts.createAccount(adminA, SecurityTestData.PASSWORD, "甲校管理员", Role.SCHOOL_ADMIN, data.schoolA.getId());
        accounts.createAccount(adminB, SecurityTestData.PASSWORD, "乙校管理员", Role.SCHOOL_ADMIN, data.schoolB.getId());
        accounts.createAccount(reviewerB, SecurityTestData.PASSWORD, "乙区审核员", Role.COUNTY_REVIEWER, data.countyB.getId());
        accounts.createTeacherAccount(teacherUserA, SecurityTestData.PASSWORD, teacherA.getId());
        accounts.createTeacherAccount(teacherUserB, SecurityTestData.PASSWORD, teacherB.getId());
        entryA = ledger.register(teacherA.getId(), Claim.of(ClaimKind.PROGRAMME_CERTIFIED, LocalDate.of(2024, 6, 1))
                .hours("40").title("<b>国培</b>计划<script>alert('entry')</script>").build(),
                Evidence.project("GP-" + data.prefix, "<i>CERT</i>-" + data.prefix), adminA);
        caseA = exemptions.apply(teacherA.getId(), teacherUserA, new Diploma("河南大学", DegreeLevel.BACHELOR, "教育学",
                true, LocalDate.of(2023, 9, 1), LocalDate.of(2025, 7, 1), "ATK-" + data.prefix,
                StoredEvidence.of(evidence, teacherA.getId())));
    }

    // --- another organisation's records by id ---

    @Test
    void anotherOrganisationsTeacherById_isRefusedOnEveryApiRead() throws Exception {
        List<String> reads = List.of("/api/teachers/%d", "/api/teachers/%d/ledger", "/api/teachers/%d/status",
                "/api/teachers/%d/transfers");
        for (String read : reads) {
            String path = read.formatted(teacherA.getId());
            for (String attacker : List.of(adminB, reviewerB, teacherUserB)) {
                as(attacker, get(path)).andExpect(status().isNotFound())
                        .andExpect(jsonPath("$.type").value("urn:shixun:problem:teacher.not-found"));
            }
            as(adminA, get(path)).andExpect(status().isOk());
            as(teacherUserA, get(path)).andExpect(status().isOk());
        }
        // The same answer as for an id that does not exist: nothing tells the attacker the teacher is there.
        String unknown = as(adminB, get("/api/teachers/987654321")).andReturn().getResponse().getContentAsString();
        String outside = as(adminB, get("/api/teachers/" + teacherA.getId())).andReturn().getResponse().getContentAsString();
        // Whole numbers only: a teacher id 40 must not turn the status 404 into "ID4".
        assertThat(outside.replaceAll("\\b" + teacherA.getId() + "\\b", "ID")).isEqualTo(unknown.replace("987654321", "ID")
                .replace("987,654,321", "ID"));
    }

    @Test
    void anotherOrganisationsTeacherById_writesAreRefusedAndChangeNothing() throws Exception {
        long id = teacherA.getId();
        int rows = ledgerRows(id);
        as(adminB, postJson("/api/teachers/" + id + "/transfers",
                "{\"toSchoolId\":%d,\"effectiveOn\":\"2026-01-05\"}".formatted(data.schoolB.getId())))
                .andExpect(status().isNotFound());
        as(adminB, postJson("/api/teachers/" + id + "/leaving", "{\"leftOn\":\"2026-01-05\"}"))
                .andExpect(status().isNotFound());
        as(reviewerB, postJson("/api/teachers/" + id + "/ledger", """
                {"sourceType":"PROJECT","sourceRef":"X","evidenceNumber":"X-1",
                 "claim":{"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":50}}"""))
                .andExpect(status().isNotFound());
        as(reviewerB, postJson("/api/teachers/" + id + "/legacy-hours",
                "{\"items\":[{\"year\":2015,\"category\":\"GENERAL\",\"hours\":40}]}"))
                .andExpect(status().isNotFound());
        as(teacherUserB, postJson("/api/ledger/preview", """
                {"teacherId":%d,"claim":{"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":50}}""".formatted(id)))
                .andExpect(status().isNotFound());
        Teacher after = teachers.require(id);
        assertThat(after.schoolId()).isEqualTo(data.schoolA.getId());
        assertThat(after.inPost()).isTrue();
        assertThat(ledgerRows(id)).isEqualTo(rows);
    }

    @Test
    void anotherOrganisationsLedgerEntryById_isRefused() throws Exception {
        int rows = ledgerRows(teacherA.getId());
        as(adminB, postJson("/api/ledger/" + entryA.getId() + "/corrections", """
                {"reason":"改成100","replacement":{"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":100}}"""))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:shixun:problem:ledger.entry-not-found"));
        as(teacherUserA, postJson("/api/ledger/" + entryA.getId() + "/corrections", "{\"reason\":\"自己改\"}"))
                .andExpect(status().isForbidden());
        assertThat(ledgerRows(teacherA.getId())).isEqualTo(rows);
    }

    @Test
    void anotherOrganisationsCaseById_isRefused() throws Exception {
        int events = caseEvents(caseA.getId());
        String taskA = openTaskOf(caseA.getId());
        for (String attacker : List.of(adminB, reviewerB, teacherUserB)) {
            as(attacker, get("/api/exemptions/" + caseA.getId())).andExpect(status().isNotFound());
            // A task is a record of the other organisation's: 404 as for an unknown id, its group not named (ADR 0009).
            as(attacker, get("/api/tasks/" + taskA)).andExpect(status().isNotFound());
            as(attacker, postJson("/api/tasks/" + taskA + "/decisions", "{\"outcome\":\"REJECT\",\"comment\":\"x\"}"))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.ruleId").doesNotExist());
            as(attacker, postJson("/api/exemptions/" + caseA.getId() + "/amendments", "{}"))
                    .andExpect(status().isNotFound());
        }
        as(adminA, get("/api/exemptions/" + caseA.getId())).andExpect(status().isOk());
        assertThat(caseEvents(caseA.getId())).isEqualTo(events);
    }

    private int caseEvents(Long exemptionId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE process_key = 'degreeExemption' AND case_id = ?",
                Integer.class, String.valueOf(exemptionId));
    }

    private String openTaskOf(Long exemptionId) {
        return taskService.createTaskQuery().processDefinitionKey("degreeExemption")
                .processInstanceBusinessKey(String.valueOf(exemptionId)).singleResult().getId();
    }

    @Test
    void anotherOrganisationsTeacherById_isRefusedOnPages() throws Exception {
        for (String attacker : List.of(adminB, reviewerB, teacherUserB)) {
            page(attacker, get("/teachers/" + teacherA.getId() + "/hours")).andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(teacherA.name()))));
        }
        page(adminA, get("/teachers/" + teacherA.getId() + "/hours")).andExpect(status().isOk());
        // Schools are public reference data: listing another school's teachers is forbidden, not hidden.
        page(adminB, get("/schools/" + data.schoolA.getId() + "/teachers")).andExpect(status().isForbidden());
    }

    @Test
    void anotherOrganisationsSchool_hiringIntoItIsForbidden() throws Exception {
        as(adminB, postJson("/api/teachers", """
                {"staffNumber":"%s009","name":"冒名","gender":"男","schoolId":%d,"stage":"PRIMARY",
                 "hireDate":"2020-09-01"}""".formatted(data.prefix, data.schoolA.getId())))
                .andExpect(status().isForbidden());
        assertThat(teachers.findByStaffNumber(data.prefix + "009")).isEmpty();
    }

    @Test
    void anotherOrganisationsAccountByName_isRefused() throws Exception {
        String adminOfB = data.username("sysadmin-b");
        accounts.createAccount(adminOfB, SecurityTestData.PASSWORD, "乙区系统管理员", Role.SYSTEM_ADMIN, data.countyB.getId());
        as(adminOfB, post("/api/accounts/" + adminA + "/disable")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:shixun:problem:account.not-found"));
        assertThat(accounts.find(adminA)).as("still enabled").isPresent();
        as(adminOfB, get("/api/accounts")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username").value(not(hasItem(adminA))))
                .andExpect(jsonPath("$[*].username").value(hasItem(adminB)));
    }

    // --- CSRF ---

    @Test
    void csrf_everyStateChangingPageHandlerRefusesARequestWithoutToken() throws Exception {
        // Every POST/PUT/PATCH/DELETE handler of the page controllers, found rather than listed, so a
        // page added later is covered the day it merges. The refusal must come from the CSRF check
        // itself, before the handler: a handler that refuses by role would answer 403 too.
        List<String> writes = new ArrayList<>();
        handlerMappings.getHandlerMethods().forEach((info, handler) -> {
            if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)) {
                return;
            }
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/") && !pattern.startsWith("/engine-rest/")
                            && !pattern.startsWith("/camunda/")) {
                        writes.add(method + " " + pattern.replaceAll("\\{[^}]+}", "1"));
                    }
                }
            }
        });
        assertThat(writes).as("the page writes found").contains("POST /my/hours/preview", "POST /tasks/1/decision",
                "POST /tasks/batch", "POST /tasks/batch/decisions");
        // Sign-in and sign-out are the security filters' own endpoints, not handlers.
        writes.add("POST /logout");

        for (String write : writes) {
            String[] methodAndPath = write.split(" ", 2);
            MvcResult refused = page(adminA, request(HttpMethod.valueOf(methodAndPath[0]), methodAndPath[1])
                    .param("comment", "无令牌")).andReturn();
            assertThat(refused.getResponse().getStatus()).as(write + " without a CSRF token").isEqualTo(403);
            // Stopped in the filter chain: without the CSRF check it would reach its handler (and its own checks).
            assertThat(refused.getHandler()).as(write + " refused before its handler").isNull();
        }
        // The control: with the token the same kind of request does reach its handler.
        assertThat(page(teacherUserA, post("/my/hours/preview").with(csrf()).param("kind", "BUREAU_TRAINING"))
                .andReturn().getHandler()).isNotNull();
        mvc.perform(post("/login").param("username", adminA).param("password", SecurityTestData.PASSWORD))
                .andExpect(status().isForbidden());
        page(adminA, post("/logout").with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void csrf_theApiDoesNotAcceptThePagesSessionCookie() throws Exception {
        // The API has CSRF protection off because it takes no cookie: a signed-in browser session must not work there.
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                        .param("username", adminA).param("password", SecurityTestData.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(post("/api/teachers/" + teacherA.getId() + "/leaving").session(session)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"leftOn\":\"2026-01-05\"}"))
                .andExpect(status().isUnauthorized());
        assertThat(teachers.require(teacherA.getId()).inPost()).isTrue();
    }

    @Test
    void anonymousWritesToTheApi_areUnauthorizedAndChangeNothing() throws Exception {
        // Regression: the "not a teacher" rule on API writes once let an anonymous caller through.
        for (String path : List.of("/api/teachers", "/api/teachers/%d/transfers", "/api/teachers/%d/leaving",
                "/api/teachers/%d/ledger", "/api/teachers/%d/legacy-hours", "/api/ledger/%d/corrections")) {
            mvc.perform(postJson(path.formatted(teacherA.getId()), "{}").accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(teachers.require(teacherA.getId()).inPost()).isTrue();
    }

    // --- HTML and script in free text ---

    @Test
    void markupInFreeText_isStoredAsTextAndRenderedEscaped() throws Exception {
        String name = "<script>alert('x')</script>李";
        JsonNode hired = body(as(adminA, postJson("/api/teachers", """
                {"staffNumber":"%s010","name":"%s","gender":"女","schoolId":%d,"stage":"PRIMARY",
                 "subject":"<img src=x onerror=alert(1)>","qualificationCertificateNumber":"2012410000000003",
                 "hireDate":"2020-09-01"}""".formatted(data.prefix, name.replace("\"", "\\\""), data.schoolA.getId())))
                .andExpect(status().isCreated()));
        assertThat(hired.get("name").asText()).isEqualTo(name);
        assertThat(hired.get("subject").asText()).isEqualTo("<img src=x onerror=alert(1)>");
        long id = hired.get("id").asLong();

        String hours = page(adminA, get("/teachers/" + id + "/hours")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(hours).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;李").doesNotContain("<script>alert");
        String list = page(adminA, get("/schools/" + data.schoolA.getId() + "/teachers")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("&lt;script&gt;").doesNotContain("<script>alert");
        // The ledger entry's title and evidence number carry markup too (set up above).
        String entries = page(adminA, get("/teachers/" + teacherA.getId() + "/hours")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(entries).contains("&lt;b&gt;国培&lt;/b&gt;", "&lt;i&gt;CERT&lt;/i&gt;")
                .doesNotContain("<b>国培", "<script>alert('entry')", "<i>CERT");
        // A reviewer's comment is kept verbatim and served as JSON that browsers may not sniff as HTML.
        as(adminA, postJson("/api/tasks/" + openTaskOf(caseA.getId()) + "/decisions",
                "{\"outcome\":\"RETURN\",\"comment\":\"<a href=javascript:alert(1)>请补充</a>\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        as(adminA, get("/api/exemptions/" + caseA.getId())).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(jsonPath("$.history[1].comment").value("<a href=javascript:alert(1)>请补充</a>"));
    }

    // --- SQL metacharacters ---

    @Test
    void sqlMetacharactersInSearch_returnOnlyWhatMatchesLiterally() throws Exception {
        as(adminA, postJson("/api/teachers", """
                {"staffNumber":"%s011","name":"百分之%%百_老师","gender":"男","schoolId":%d,"stage":"PRIMARY",
                 "hireDate":"2020-09-01"}""".formatted(data.prefix, data.schoolA.getId())))
                .andExpect(status().isCreated());
        String search = "/api/teachers";
        as(adminA, get(search).param("q", "' OR 1=1 --")).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        as(adminA, get(search).param("q", "'; DROP TABLE teacher; --")).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        as(adminA, get(search).param("q", "%")).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].name").value("百分之%百_老师"));
        as(adminA, get(search).param("q", "_")).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1));
        as(adminA, get(search).param("q", "百分之_")).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        as(adminA, get(search).param("q", data.prefix)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Integer.class)).isPositive();
        as(adminA, get(search).param("schoolId", "1 OR 1=1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("schoolId"));
        as(adminA, get(search).param("page", "0; --")).andExpect(status().isBadRequest());
        as(adminA, get("/api/organisations").param("level", "SCHOOL' OR '1'='1")).andExpect(status().isBadRequest());
        as(adminA, get("/api/teachers/" + teacherA.getId() + "/status").param("date", "2024-01-01' OR 1=1 --"))
                .andExpect(status().isBadRequest());
        page(adminA, get("/teachers/" + teacherA.getId() + "/hours").param("date", "' OR 1=1 --"))
                .andExpect(status().isBadRequest());
    }

    // --- oversized requests ---

    @Test
    void oversizedRequest_isRefusedWith413AndChangesNothing() throws Exception {
        String huge = "{\"staffNumber\":\"" + data.prefix + "012\",\"name\":\"" + "大".repeat(5 * 1024 * 1024 / 3) + "\"}";
        as(adminA, postJson("/api/teachers", huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:shixun:problem:request-too-large"))
                .andExpect(jsonPath("$.detail").value(containsString("2 MB")));
        page(teacherUserA, post("/my/hours/preview").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("kind=BUREAU_TRAINING&title=" + "x".repeat(5 * 1024 * 1024)))
                .andExpect(status().isPayloadTooLarge());
        assertThat(teachers.findByStaffNumber(data.prefix + "012")).isEmpty();
    }

    // --- helpers ---

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).accept(MediaType.APPLICATION_JSON));
    }

    private ResultActions page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).accept(MediaType.TEXT_HTML));
    }

    private static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private int ledgerRows(long teacherId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE teacher_id = ?", Integer.class, teacherId);
    }
}

