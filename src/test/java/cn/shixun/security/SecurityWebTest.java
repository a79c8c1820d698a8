package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The filter chains as a browser and an API client meet them. MockMvc is built from the plain
 * {@code @SpringBootTest} context so that the context is shared with the other tests.
 */
@SpringBootTest
class SecurityWebTest {

    @Autowired WebApplicationContext context;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    SecurityTestData data;
    String teacher;
    String sysadmin;
    String owner;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        data = new SecurityTestData(organisations, teachers);
        teacher = data.username("teacher");
        sysadmin = data.username("sysadmin");
        owner = data.username("owner");
        accounts.createTeacherAccount(teacher, SecurityTestData.PASSWORD, data.teacher.getId());
        accounts.createAccount(sysadmin, SecurityTestData.PASSWORD, "系统管理员", Role.SYSTEM_ADMIN, data.province.getId());
        accounts.createAccount(owner, SecurityTestData.PASSWORD, "周涛", Role.PROCESS_OWNER, data.province.getId());
    }

    // --- pages ---

    @Test
    void anonymousPageRequestIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登录师训")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(not(containsString("用户名或密码不正确"))));
    }

    @Test
    void loginSucceedsWithTheRightPasswordAndOpensTheHomePage() throws Exception {
        MvcResult login = mvc.perform(post("/login").with(csrf())
                        .param("username", teacher).param("password", SecurityTestData.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("李春梅，您好！")))
                .andExpect(content().string(containsString("甲区第一小学")))
                .andExpect(content().string(containsString("教师")));
    }

    @Test
    void loginFailsWithAWrongPasswordAndSaysSoInChinese() throws Exception {
        MvcResult login = mvc.perform(post("/login").with(csrf())
                        .param("username", teacher).param("password", "wrong-password"))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("用户名或密码不正确")))
                .andExpect(content().string(containsString("value=\"" + teacher + "\"")));
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void disabledAccountIsToldItIsDisabled() throws Exception {
        String gone = data.username("gone");
        accounts.createAccount(gone, SecurityTestData.PASSWORD, "孙宏", Role.MANAGER, data.city.getId());
        accounts.disable(gone);

        MvcResult login = mvc.perform(post("/login").with(csrf()).param("username", gone)
                        .param("password", SecurityTestData.PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        mvc.perform(get("/login").param("error", "").session((MockHttpSession) login.getRequest().getSession(false)))
                .andExpect(content().string(containsString("该账号已停用")));
    }

    @Test
    void pagePostsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/login").param("username", teacher).param("password", SecurityTestData.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user(teacher))).andExpect(status().isForbidden());
    }

    @Test
    void logoutByPostReturnsToTheLoginPageWithANotice() throws Exception {
        mvc.perform(post("/logout").with(user(teacher)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/login").param("logout", ""))
                .andExpect(content().string(containsString("已退出")));
    }

    @Test
    void homeShowsTheLinksOfTheRole() throws Exception {
        mvc.perform(get("/").with(user(owner)))
                .andExpect(content().string(containsString("href=\"/camunda/app/\"")))
                .andExpect(content().string(containsString("href=\"/swagger-ui.html\"")))
                .andExpect(content().string(containsString("流程管理员")));
        mvc.perform(get("/").with(user(teacher)))
                .andExpect(content().string(not(containsString("/camunda/app/"))))
                .andExpect(content().string(containsString("可登记")));
    }

    @Test
    void R01_teacherWithoutQualificationCertificateIsToldTheyAreNotRegistrable() throws Exception {
        var uncertified = teachers.hire(data.prefix + "009", "周新", "男", data.schoolA.getId(), Stage.PRIMARY, "体育",
                null, LocalDate.of(2025, 9, 1));
        String username = data.username("uncertified");
        accounts.createTeacherAccount(username, SecurityTestData.PASSWORD, uncertified.getId());

        mvc.perform(get("/").with(user(username)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("暂不可登记")))
                .andExpect(content().string(containsString("R-01")));
    }

    @Test
    void pagesAreInEnglishWhenTheBrowserAsksForIt() throws Exception {
        mvc.perform(get("/login").param("logout", "").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(content().string(containsString("You have signed out.")));
    }

    @Test
    void apiDocsAndStaticAssetsArePublic() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"));
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("swagger-ui")));
        mvc.perform(get("/css/shixun.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void camundaWebappsKnowTheSystemAdministratorThroughOurAccounts() {
        assertThat(identityService.checkPassword(sysadmin, SecurityTestData.PASSWORD)).isTrue();
        assertThat(identityService.checkPassword(sysadmin, "wrong-password")).isFalse();
        assertThat(identityService.createGroupQuery().groupMember(sysadmin).groupId("camunda-admin").count()).isEqualTo(1);
    }

    @Test
    void unknownPageIsShownAsAPageButUnknownApiPathStaysAProblemDetail() throws Exception {
        mvc.perform(get("/no-such-page").with(user(teacher)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("您要找的页面不存在")));
        mvc.perform(get("/api/no-such-thing").with(httpBasic(teacher, SecurityTestData.PASSWORD))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    // --- API ---

    @Test
    void anonymousApiCallGets401ProblemDetailInChinese() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("需要登录"))
                .andExpect(jsonPath("$.detail").value(containsString("请先登录")))
                .andExpect(jsonPath("$.instance").value("/api/me"));
    }

    @Test
    void anonymousApiCallGets401ProblemDetailInEnglishOnRequest() throws Exception {
        mvc.perform(get("/engine-rest/engine").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Authentication required"));
    }

    @Test
    void wrongBasicPasswordGets401() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic(teacher, "wrong-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("需要登录"));
    }

    @Test
    void basicAuthenticatedApiCallIsStateless() throws Exception {
        MvcResult result = mvc.perform(get("/api/me").with(httpBasic(teacher, SecurityTestData.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(teacher))
                .andExpect(jsonPath("$.role").value("TEACHER"))
                .andExpect(jsonPath("$.organisationId").value(data.schoolA.getId()))
                .andExpect(jsonPath("$.teacherId").value(data.teacher.getId()))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).as("no session for the API").isNull();
    }

    @Test
    void forbiddenApiCallGets403ProblemDetailInChineseAndEnglish() throws Exception {
        mvc.perform(get("/api/accounts").with(httpBasic(teacher, SecurityTestData.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("无权访问"));
        mvc.perform(get("/api/accounts").with(httpBasic(teacher, SecurityTestData.PASSWORD))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"));
    }

    @Test
    void R40_aTeacherCannotWriteHoursOrStaffRecordsThroughTheApiAndNothingIsWritten() throws Exception {
        Long id = data.teacher.getId();
        int entriesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE teacher_id = ?", Integer.class, id);
        String claim = "{\"claim\":{\"kind\":\"PROGRAMME_CERTIFIED\",\"endDate\":\"2024-05-01\",\"hours\":\"40\"},"
                + "\"sourceType\":\"PROJECT\",\"sourceRef\":\"P-1\",\"evidenceNumber\":\"SELF-1\"}";
        for (String path : List.of("/api/teachers/" + id + "/ledger", "/api/teachers/" + id + "/legacy-hours",
                "/api/ledger/1/corrections", "/api/teachers", "/api/teachers/" + id + "/transfers",
                "/api/teachers/" + id + "/leaving")) {
            mvc.perform(post(path).with(httpBasic(teacher, SecurityTestData.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content(claim))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.status").value(403));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE teacher_id = ?", Integer.class, id))
                .isEqualTo(entriesBefore);
        assertThat(teachers.require(id).inPost()).isTrue();
        // The same request from an authority reaches the ledger (and is judged there, not refused at the door).
        mvc.perform(post("/api/teachers/" + id + "/ledger").with(httpBasic(owner, SecurityTestData.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(claim))
                .andExpect(status().isCreated());
        // A teacher may still ask what a certificate would earn.
        mvc.perform(post("/api/ledger/preview").with(httpBasic(teacher, SecurityTestData.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teacherId\":" + id + ",\"claim\":{\"kind\":\"PROGRAMME_CERTIFIED\",\"endDate\":\"2024-06-01\",\"hours\":\"8\"}}"))
                .andExpect(status().isOk());
    }

    @Test
    void systemAdministratorMayListAccounts() throws Exception {
        mvc.perform(get("/api/accounts").with(httpBasic(sysadmin, SecurityTestData.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '" + teacher + "')].role").value("TEACHER"));
    }

    @Test
    void systemAdministratorOpensAnAccountInsideTheirScopeAndItCanSignIn() throws Exception {
        String reviewer = data.username("new-reviewer");
        mvc.perform(post("/api/accounts").with(httpBasic(sysadmin, SecurityTestData.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newAccount(reviewer, "COUNTY_REVIEWER", data.countyB.getId(), null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.organisationId").value(data.countyB.getId()));

        mvc.perform(get("/api/me").with(httpBasic(reviewer, SecurityTestData.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("COUNTY_REVIEWER"));
    }

    @Test
    void systemAdministratorCannotOpenAnAccountOutsideTheirScope() throws Exception {
        SecurityTestData elsewhere = new SecurityTestData(organisations, teachers);
        String username = data.username("outside");

        mvc.perform(post("/api/accounts").with(httpBasic(sysadmin, SecurityTestData.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newAccount(username, "MANAGER", elsewhere.city.getId(), null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("无权访问"));
        mvc.perform(post("/api/accounts").with(httpBasic(sysadmin, SecurityTestData.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newAccount(username, "TEACHER", null, elsewhere.teacher.getId())))
                .andExpect(status().isForbidden());
        assertThat(accounts.exists(username)).isFalse();
    }

    @Test
    void openingAnAccountWithBadInputIsRefusedWithFieldAndChangesNothing() throws Exception {
        long before = accounts.count();
        mvc.perform(post("/api/accounts").with(httpBasic(sysadmin, SecurityTestData.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newAccount(teacher, "MANAGER", data.city.getId(), null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("username"))
                .andExpect(jsonPath("$.detail").value(containsString("已被使用")));
        mvc.perform(post("/api/accounts").with(httpBasic(sysadmin, SecurityTestData.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newAccount(data.username("t2"), "TEACHER", null, null)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("teacherId"));
        mvc.perform(post("/api/accounts").with(httpBasic(sysadmin, SecurityTestData.PASSWORD))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newAccount(data.username("m2"), "MANAGER", data.city.getId(), null)
                                .replace(SecurityTestData.PASSWORD, "short")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("password"))
                .andExpect(jsonPath("$.detail").value(containsString("at least 8")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void onlySystemAdministratorsOpenAccounts() throws Exception {
        mvc.perform(post("/api/accounts").with(httpBasic(owner, SecurityTestData.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newAccount(data.username("x"), "MANAGER", data.city.getId(), null)))
                .andExpect(status().isForbidden());
    }

    @Test
    void disabledAccountNoLongerPassesHttpBasic() throws Exception {
        mvc.perform(post("/api/accounts/{username}/disable", owner).with(httpBasic(sysadmin, SecurityTestData.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic(owner, SecurityTestData.PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    private String newAccount(String username, String role, Long organisationId, Long teacherId) {
        return """
                {"username": "%s", "password": "%s", "displayName": "测试账号", "role": "%s",
                 "organisationId": %s, "teacherId": %s}
                """.formatted(username, SecurityTestData.PASSWORD, role, organisationId, teacherId);
    }

    @Test
    void apiNeedsNoCsrfTokenBecauseItHasNoSession() throws Exception {
        // A POST without a CSRF token reaches the handler (405: /api/me is read-only) instead of a 403.
        mvc.perform(post("/api/me").with(httpBasic(teacher, SecurityTestData.PASSWORD)))
                .andExpect(status().isMethodNotAllowed());
    }
}
