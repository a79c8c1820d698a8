package cn.shixun.processowner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.processowner.policies.PolicyVersionOverview;
import cn.shixun.processowner.testcases.PolicyTests;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console's policy pages (ADR 0012 §2): a profile's versions with the "复制为新版本" form, the draft
 * version page with its four table drafts and its test-case run, and the profile's test cases; for
 * process owners only. Works on kunming-2015, so that the sanmenxia-2023 drafts of other tests of the
 * shared context are not in the way (one draft per profile); gives its draft up at the end.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyPagesTest {

    private static final String PROFILE = "kunming-2015";
    private static final String OWNER = "policypages.owner";

    @Autowired WebApplicationContext context;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired PolicyVersionOverview overview;
    @Autowired PolicyTests tests;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        if (!accounts.exists(OWNER)) {
            accounts.createAccount(OWNER, "Owner-Passw0rd!", "吴敏", Role.PROCESS_OWNER,
                    organisations.findByCode("940002").orElseGet(() -> organisations.createRegion("940002", "页面省",
                            OrganisationLevel.PROVINCE, null, PROFILE)).getId());
        }
    }

    @ParameterizedTest
    @CsvSource({"TEACHER", "COUNTY_REVIEWER", "MANAGER", "SYSTEM_ADMIN"})
    void everyOtherRoleIsRefusedThePolicyPages_andCopiesNothing(Role role) throws Exception {
        RequestPostProcessor other = user("someone").roles(role.name());
        for (String path : new String[] {"/process-owner/policies/" + PROFILE, "/process-owner/policies/" + PROFILE + "/test-cases",
            "/process-owner/policy-drafts/1", "/process-owner/policy-drafts/1/test-cases"}) {
            mvc.perform(get(path).with(other)).andExpect(status().isForbidden());
        }
        mvc.perform(notice("三门峡市测试文件", "2027-01-01", "").with(csrf()).with(other)).andExpect(status().isForbidden());
        mvc.perform(post("/process-owner/policy-drafts/1/discard").with(csrf()).with(other)).andExpect(status().isForbidden());
        assertThat(overview.profile(PROFILE).draft()).isNull();
    }

    @Test
    void aRefusedCopyShowsTheReasonBesideItsField_keepsWhatWasTyped_andStartsNoDraft() throws Exception {
        MockHttpServletResponse early = mvc.perform(notice("昆明市2027年教师培训学时登记管理办法", "2014-09-01", "")
                        .with(csrf()).with(owner()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse();
        String page = early.getContentAsString(StandardCharsets.UTF_8);
        assertThat(fieldError(page, "effectiveFrom")).isEqualTo("新版本的生效日期须晚于现行版本 kunming-2015 v1 的生效日期 2015-02-01");
        assertThat(page).contains("value=\"昆明市2027年教师培训学时登记管理办法\"", "value=\"2014-09-01\"", "value=\"昆明市教育局\"");
        assertThat(page).doesNotContain("data-test=\"error-title\"");

        String endBeforeStart = mvc.perform(notice("昆明市2027年教师培训学时登记管理办法", "2027-01-01", "2026-12-31")
                        .with(csrf()).with(owner()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fieldError(endBeforeStart, "effectiveTo")).isEqualTo("截止日期不能早于生效日期 2027-01-01");
        assertThat(endBeforeStart).contains("value=\"2026-12-31\"");

        String untitled = mvc.perform(notice(" ", "2027-01-01", "").with(csrf()).with(owner()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fieldError(untitled, "title")).isEqualTo("请填写文件标题");
        assertThat(untitled).contains("value=\"2027-01-01\"");

        String unreadable = mvc.perform(notice("昆明市2027年教师培训学时登记管理办法", "2027年1月1日", "").with(csrf()).with(owner()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fieldError(unreadable, "effectiveFrom")).contains("2027年1月1日", "年-月-日");

        assertThat(overview.profile(PROFILE).draft()).as("a refused copy starts nothing").isNull();
    }

    @Test
    void theCopyOpensTheDraftPage_withItsFourTableDrafts_andTheTestCasesUnderBothVersions_andIsDiscardedThere() throws Exception {
        String location = mvc.perform(notice("昆明市2027年教师培训学时登记管理办法", "2027-01-01", "2029-12-31")
                        .with(csrf()).with(owner()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/process-owner/policy-drafts/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        try {
            String page = html(get(location));
            assertThat(page).contains("昆明市2027年教师培训学时登记管理办法", "昆明市教育局", "昆明〔2027〕3号", "2029-12-31");
            assertThat(count(page, "data-test=\"table-draft\"")).isEqualTo(PolicyDecisions.TABLES.size());
            for (String table : PolicyDecisions.TABLES) {
                assertThat(page).containsPattern("data-key=\"" + table + "\" data-draft-id=\"(\\d+)\"");
            }
            assertThat(count(page, "href=\"/process-owner/drafts/")).as("each table links to its editor")
                    .isEqualTo(PolicyDecisions.TABLES.size());
            int cases = tests.ofProfile(PROFILE).size();
            assertThat(cases).isPositive();
            assertThat(count(page, "data-test=\"test-case\"")).isEqualTo(cases);
            assertThat(count(page, "data-test=\"verdict-current\" data-passes=\"true\"")).as("under v1").isEqualTo(cases);
            assertThat(count(page, "data-test=\"verdict-draft\" data-passes=\"true\"")).as("an unchanged copy").isEqualTo(cases);
            assertThat(page).doesNotContain("data-test=\"expect-form\"");
            assertThat(count(html(get(location + "/test-cases")), "data-test=\"test-case\"")).isEqualTo(cases);

            String versions = html(get("/process-owner/policies/" + PROFILE));
            assertThat(versions).containsPattern("data-version=\"2\" data-state=\"DRAFT\"")
                    .contains("href=\"" + location + "\"", "data-test=\"draft-exists\"");
            assertThat(versions).containsPattern("href=\"/process-owner/decisions/requirements/\\d+\"");
            assertThat(html(get("/process-owner"))).contains("data-code=\"" + PROFILE + "\"", "href=\"" + location + "\"");
            assertThat(count(html(get("/process-owner/policies/" + PROFILE + "/test-cases")), "data-test=\"test-case\""))
                    .isEqualTo(cases);

            String again = mvc.perform(notice("昆明市2028年文件", "2028-01-01", "").with(csrf()).with(owner()))
                    .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(again).contains("data-test=\"form-error\"", "已有一个草稿版本", "value=\"昆明市2028年文件\"");
        } finally {
            mvc.perform(post(location + "/discard").with(csrf()).with(owner()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                            .isEqualTo("/process-owner/policies/" + PROFILE));
        }
        assertThat(overview.profile(PROFILE).draft()).isNull();
        mvc.perform(get(location).with(owner())).andExpect(status().isNotFound());
    }

    @Test
    void aDraftNamesTheRegionsOfTheVersionItFollows_itsNoticeAndRegionsAreCorrectedOnItsPage_aRegionOfAnotherProfileIsRefused()
            throws Exception {
        String location = mvc.perform(notice("昆明市2027年教师培训学时登记管理办法", "2027-01-01", "")
                        .with(csrf()).with(owner()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        try {
            assertThat(draftVersion().regions()).as("copied from v1").extracting(PolicyVersionOverview.Region::code)
                    .containsExactly("530100");
            assertThat(html(get(location))).contains("data-test=\"draft-regions\"", "value=\"530100\"");

            organisations.findByCode("940003").orElseGet(() -> organisations.createRegion("940003", "页面试验省",
                    OrganisationLevel.PROVINCE, null, "sanmenxia-2023"));
            String otherProfile = mvc.perform(revision(id, "昆明市2027年教师培训学时登记管理办法（修订）", "2027-01-01", "", "940002, 940003"))
                    .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(fieldError(otherProfile, "regions")).contains("940003", "页面试验省", "sanmenxia-2023");
            assertThat(otherProfile).as("the form stays open with what was typed").contains("value=\"940002, 940003\"", "（修订）")
                    .containsPattern("<details class=\"revise-notice\"[^>]* open");
            String unknown = mvc.perform(revision(id, "昆明市2027年教师培训学时登记管理办法", "2027-01-01", "", "999999"))
                    .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(fieldError(unknown, "regions")).contains("999999");
            String none = mvc.perform(revision(id, "昆明市2027年教师培训学时登记管理办法", "2027-01-01", "", " "))
                    .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(fieldError(none, "regions")).contains("至少");
            String endBeforeStart = mvc.perform(revision(id, "昆明市2027年教师培训学时登记管理办法", "2027-01-01", "2026-06-30", "530100"))
                    .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(fieldError(endBeforeStart, "effectiveTo")).isEqualTo("截止日期不能早于生效日期 2027-01-01");
            assertThat(draftVersion().title()).as("refusals change nothing").isEqualTo("昆明市2027年教师培训学时登记管理办法");
            assertThat(draftVersion().regions()).extracting(PolicyVersionOverview.Region::code).containsExactly("530100");

            mvc.perform(revision(id, "昆明市2027年教师培训学时登记管理办法（修订）", "2027-03-01", "2029-12-31", "940002， "))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(location));
            PolicyVersionOverview.Version revised = draftVersion();
            assertThat(revised.title()).isEqualTo("昆明市2027年教师培训学时登记管理办法（修订）");
            assertThat(revised.effectiveFrom()).isEqualTo(LocalDate.parse("2027-03-01"));
            assertThat(revised.effectiveTo()).isEqualTo(LocalDate.parse("2029-12-31"));
            assertThat(revised.regions()).extracting(PolicyVersionOverview.Region::code).containsExactly("940002");
        } finally {
            mvc.perform(post(location + "/discard").with(csrf()).with(owner())).andExpect(status().is3xxRedirection());
        }
    }

    private PolicyVersionOverview.Version draftVersion() {
        return overview.profile(PROFILE).draft();
    }

    private static MockHttpServletRequestBuilder revision(long id, String title, String effectiveFrom, String effectiveTo,
                                                          String regions) {
        return post("/process-owner/policy-drafts/" + id + "/notice").with(csrf()).with(owner())
                .param("title", title).param("issuingBody", "昆明市教育局").param("documentNumber", "昆明〔2027〕3号")
                .param("effectiveFrom", effectiveFrom).param("effectiveTo", effectiveTo).param("regions", regions);
    }

    /** A draft a failed test left behind would block the next copy of the profile in this context. */
    @AfterAll
    void noDraftIsLeft() {
        PolicyVersionOverview.Version draft = overview.profile(PROFILE).draft();
        assertThat(draft).as("every test gives its draft up").isNull();
    }

    private static MockHttpServletRequestBuilder notice(String title, String effectiveFrom, String effectiveTo) {
        return post("/process-owner/policies/" + PROFILE + "/drafts")
                .param("title", title).param("issuingBody", "昆明市教育局").param("documentNumber", "昆明〔2027〕3号")
                .param("effectiveFrom", effectiveFrom).param("effectiveTo", effectiveTo);
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(owner())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text of the error shown beside field {@code field}. */
    private static String fieldError(String page, String field) {
        Matcher error = Pattern.compile("<p class=\"field-error\" data-test=\"error-" + field + "\">([^<]*)</p>").matcher(page);
        assertThat(error.find()).as("an error beside " + field).isTrue();
        return error.group(1);
    }

    private static int count(String page, String text) {
        return page.split(Pattern.quote(text), -1).length - 1;
    }

    private static RequestPostProcessor owner() {
        return user(OWNER).roles("PROCESS_OWNER");
    }
}
