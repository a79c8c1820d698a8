package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The degree-exemption pages as the teacher, the school administrator and another school's
 * administrator use them: the application with its scan in one POST, the case page, the returned
 * case's amendment, and every refusal re-rendering the form with nothing written.
 */
@SpringBootTest
class ExemptionPagesTest {

    @Autowired WebApplicationContext context;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired DegreeExemptions exemptions;
    @Autowired EvidenceFiles evidence;
    @Autowired CaseTasks cases;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    ExemptionFixture fixture;
    Teacher teacher;
    String teacherUser;

    @BeforeEach
    void teacherWithAnAccount() {
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(context.getBean("requestSizeLimit", Filter.class))
                .apply(springSecurity()).build();
        fixture = new ExemptionFixture(organisations, teachers, accounts, evidence, "henan-2016");
        teacher = fixture.teacherAt(fixture.schools.countySchool, Stage.PRIMARY);
        teacherUser = fixture.usernameOf(teacher);
    }

    @Test
    void R30_theTeacherAppliesWithTheScanInTheSamePost_theCaseStartsWithTheStoredScan() throws Exception {
        page(teacherUser, get("/my/exemptions")).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"mine-empty\"")));
        page(teacherUser, get("/my/exemptions/new")).andExpect(status().isOk())
                .andExpect(content().string(containsString("仅与教育相关的专业可以免修")));
        byte[] pdf = SamplePdf.withText("diploma");
        String location = apply(diplomaForm("DIP-OK-" + fixture.schools.prefix).file(scan("毕业证书.pdf", pdf)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/exemptions/*"))
                .andReturn().getResponse().getRedirectedUrl();
        Long id = Long.valueOf(location.substring("/exemptions/".length()));

        DegreeExemption applied = exemptions.require(id);
        assertThat(applied.teacherId()).isEqualTo(teacher.getId());
        var scan = evidence.describe(applied.diploma().diplomaFile()).orElseThrow();
        assertThat(scan.name()).isEqualTo("毕业证书.pdf");
        assertThat(scan.teacherId()).isEqualTo(teacher.getId());
        assertThat(exemptions.openTask(id).orElseThrow().taskKey()).isEqualTo(DegreeExemptionProcess.SCHOOL_REVIEW);

        page(teacherUser, get(location)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/evidence/" + scan.id())))
                .andExpect(content().string(not(containsString("data-test=\"amend-form\""))));
        page(teacherUser, get("/my/exemptions")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/exemptions/" + id)))
                .andExpect(content().string(containsString("学校审核中")));
    }

    @Test
    void R16_aMajorNotRelatedToEducationIsRefusedAtItsField_theTypedValuesComeBack_andNoFileStaysBehind() throws Exception {
        apply(diplomaForm("DIP-R16-" + fixture.schools.prefix, "educationRelated", "false", "institution", "郑州大学")
                .file(scan("毕业证书.pdf", SamplePdf.withText("x"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"error-educationRelated\"")))
                .andExpect(content().string(containsString("只有教育类专业的学历才能免修本周期学时（R-16）")))
                .andExpect(content().string(containsString("value=\"郑州大学\"")));
        assertNothingWritten();
    }

    @Test
    void aFileThatIsNotAScan_orNoScan_isRefusedAtTheScanField_andNothingIsWritten() throws Exception {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        apply(diplomaForm("DIP-HTML-" + fixture.schools.prefix).file(scan("毕业证书.pdf", html)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"error-diplomaFile\"")))
                .andExpect(content().string(containsString("PDF、JPEG 或 PNG")));
        apply(diplomaForm("DIP-NONE-" + fixture.schools.prefix))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请上传毕业证书扫描件")));
        // Another teacher's file, chosen by its id, is not this teacher's evidence.
        Teacher other = fixture.teacherAt(fixture.schools.countySchool, Stage.PRIMARY);
        String othersScan = evidence.store(fixture.accountOf(other), other.getId(), "别人的.pdf", SamplePdf.withText("o")).id();
        apply(diplomaForm("DIP-OTHER-" + fixture.schools.prefix, "existingFile", othersScan))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所选的证明材料不存在或不属于该教师")));
        assertNothingWritten();
    }

    @Test
    void theCasePage_linksReviewersToTheirTask_andGivesTheTeacherOfAReturnedCaseTheAmendmentForm() throws Exception {
        DegreeExemption exemption = appliedWithScan();
        String path = "/exemptions/" + exemption.getId();
        page(fixture.schoolAdmin.username(), get(path)).andExpect(status().isOk())
                .andExpect(content().string(containsString("由 " + fixture.schools.countySchool.name() + " 办理")))
                .andExpect(content().string(containsString("data-test=\"workbench-task\"")))
                .andExpect(content().string(containsString("/tasks?task=" + exemptions.openTask(exemption.getId()).orElseThrow().id())))
                .andExpect(content().string(containsString("data-test=\"scan-link\"")))
                .andExpect(content().string(not(containsString("data-test=\"amend-form\""))));
        // The workbench's detail of the task links to this page.
        page(fixture.schoolAdmin.username(), get("/tasks").param("task", exemptions.openTask(exemption.getId()).orElseThrow().id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"case-page\" href=\"" + path + "\"")));

        cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), fixture.schoolAdmin, Decision.RETURN,
                "<b>请补充</b>学位证书");
        String returned = page(teacherUser, get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(returned).contains("data-test=\"return-note\"", "&lt;b&gt;请补充&lt;/b&gt;学位证书", "data-test=\"amend-form\"",
                "value=\"" + exemption.diploma().institution() + "\"").doesNotContain("<b>请补充");
        assertThat(returned).containsPattern("<option value=\"" + exemption.diploma().diplomaFile() + "\"\\s+selected");
        // The history names who returned it, and what comes next is the applicant's amendment.
        assertThat(returned).contains("王丽（" + fixture.schools.countySchool.name() + "）")
                .doesNotContain(">" + fixture.schoolAdmin.username() + "<")
                .containsPattern("data-test=\"case-next-step\">\\s*<strong>[^<]+</strong>\\s*<span>由 申请人 办理</span>");
        // The school administrator reads the returned case but has nothing to do on it.
        page(fixture.schoolAdmin.username(), get(path)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-test=\"amend-form\""))))
                .andExpect(content().string(not(containsString("data-test=\"workbench-task\""))));

        page(teacherUser, amendment(exemption, "major", "教育管理", "existingFile", exemption.diploma().diplomaFile()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        DegreeExemption amended = exemptions.require(exemption.getId());
        assertThat(amended.diploma().major()).isEqualTo("教育管理");
        assertThat(ExemptionStanding.of(exemptions, amended.getId())).isEqualTo("OPEN@UserTask_SchoolReview");
        assertThat(exemptions.openTask(exemption.getId()).orElseThrow().taskKey()).isEqualTo(DegreeExemptionProcess.SCHOOL_REVIEW);
    }

    @Test
    void R30_aRefusedAmendmentReRendersWithTheMessage_andChangesNothing() throws Exception {
        DegreeExemption exemption = appliedWithScan();
        cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), fixture.schoolAdmin, Decision.RETURN, "日期有误");
        String amendTask = exemptions.openTask(exemption.getId()).orElseThrow().id();
        int files = files();
        page(teacherUser, amendment(exemption, "major", "教育管理", "studyStart", "2025-09-01", "studyEnd", "2024-07-01")
                .file(scan("新扫描件.pdf", SamplePdf.withText("new"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"error-studyEnd\"")))
                .andExpect(content().string(containsString("取得学历日期须晚于入学日期（R-30）")))
                .andExpect(content().string(containsString("value=\"教育管理\"")));
        DegreeExemption unchanged = exemptions.require(exemption.getId());
        assertThat(unchanged.diploma()).isEqualTo(exemption.diploma());
        assertThat(ExemptionStanding.of(exemptions, unchanged.getId())).isEqualTo("OPEN@UserTask_Amend");
        assertThat(exemptions.openTask(exemption.getId()).orElseThrow().id()).isEqualTo(amendTask);
        assertThat(files()).isEqualTo(files);
    }

    @Test
    void outOfScopeOrUnknown_is404_aSchoolAdministratorOnTheTeachersPages_is403_withoutCsrf_is403() throws Exception {
        DegreeExemption exemption = appliedWithScan();
        String path = "/exemptions/" + exemption.getId();
        CurrentAccount otherAdmin = fixture.adminOf(fixture.schools.cityMiddleSchool);
        page(otherAdmin.username(), get(path)).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(exemption.diploma().certificateNumber()))));
        page(fixture.schoolAdmin.username(), get("/exemptions/987654321")).andExpect(status().isNotFound());
        page(otherAdmin.username(), amendment(exemption, "major", "x").with(csrf())).andExpect(status().isNotFound());

        page(fixture.schoolAdmin.username(), get("/my/exemptions")).andExpect(status().isForbidden());
        page(fixture.schoolAdmin.username(), get("/my/exemptions/new")).andExpect(status().isForbidden());
        cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), fixture.schoolAdmin, Decision.RETURN, "补充");
        page(fixture.schoolAdmin.username(), amendment(exemption, "major", "x").with(csrf())).andExpect(status().isForbidden());

        page(teacherUser, amendment(exemption, "major", "教育管理")).andExpect(status().isForbidden());
        page(teacherUser, diplomaForm("DIP-CSRF-" + fixture.schools.prefix)).andExpect(status().isForbidden());
        assertThat(exemptions.require(exemption.getId()).diploma().major()).isEqualTo(exemption.diploma().major());
        assertThat(exemptions.ofTeacher(teacher.getId())).hasSize(1);
    }

    @Test
    void markupTypedIntoAFreeTextField_comesBackEscaped() throws Exception {
        String location = apply(diplomaForm("DIP-XSS-" + fixture.schools.prefix, "major", "<script>alert('m')</script>教育学").file(scan("<img src=x onerror=alert(1)>.pdf",
                        SamplePdf.withText("x"))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        page(teacherUser, get(location)).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;m&#39;)&lt;/script&gt;教育学")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void theHomePageLinksTeachersToTheirApplications() throws Exception {
        page(teacherUser, get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/my/exemptions\"")));
        page(fixture.countyReviewer.username(), get("/")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/my/exemptions\""))));
    }

    // --- helpers ---

    private DegreeExemption appliedWithScan() {
        CurrentAccount account = fixture.accountOf(teacher);
        String scan = evidence.store(account, teacher.getId(), "毕业证.pdf", SamplePdf.withText("scan")).id();
        Diploma d = ExemptionFixture.diploma();
        return exemptions.apply(account, new Diploma(d.institution(), d.degreeLevel(), d.major(), d.educationRelated(),
                d.studyStart(), d.studyEnd(), d.certificateNumber(), scan));
    }

    /** The application form filled in correctly, with {@code overrides} as field, value pairs. */
    private MockMultipartHttpServletRequestBuilder diplomaForm(String certificate, String... overrides) {
        return form(multipart("/my/exemptions/new"), ExemptionFixture.diploma(), certificate, "小学教育", overrides);
    }

    /** The amendment form with the case's current diploma, and {@code overrides} as field, value pairs. */
    private MockMultipartHttpServletRequestBuilder amendment(DegreeExemption exemption, String... overrides) {
        Diploma d = exemption.diploma();
        return form(multipart("/exemptions/" + exemption.getId() + "/amendment"), d, d.certificateNumber(), d.major(),
                overrides);
    }

    private static MockMultipartHttpServletRequestBuilder form(MockMultipartHttpServletRequestBuilder form, Diploma d,
                                                               String certificate, String major, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("institution", d.institution());
        fields.put("degreeLevel", d.degreeLevel().name());
        fields.put("major", major);
        fields.put("educationRelated", "true");
        fields.put("studyStart", d.studyStart().toString());
        fields.put("studyEnd", d.studyEnd().toString());
        fields.put("certificateNumber", certificate);
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.forEach((name, value) -> form.param(name, value));
        return form;
    }

    private ResultActions apply(MockMultipartHttpServletRequestBuilder form) throws Exception {
        return page(teacherUser, form.with(csrf()));
    }

    private static MockMultipartFile scan(String name, byte[] content) {
        return new MockMultipartFile("scan", name, "application/pdf", content);
    }

    private ResultActions page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).accept(MediaType.TEXT_HTML));
    }

    private void assertNothingWritten() {
        assertThat(exemptions.ofTeacher(teacher.getId())).isEmpty();
        assertThat(files()).isZero();
    }

    private int files() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence_file WHERE teacher_id = ?", Integer.class, teacher.getId());
    }
}
