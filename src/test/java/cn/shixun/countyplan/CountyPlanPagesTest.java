package cn.shixun.countyplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.countyplan.process.CountyPlanProcess;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The county plan pages without a browser (R-32, R-05, R-04, R-40): who sees which form, that a
 * form moves the case on through the same service as the API, that a refusal comes back beside its
 * field with nothing written, scope (404) and role (403), CSRF, and escaping of free text.
 */
@SpringBootTest
class CountyPlanPagesTest {

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired CountyPlans plans;
    @Autowired CountyPlanRepository repository;
    @Autowired CaseTasks caseTasks;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;

    MockMvc mvc;
    CountyPlanFixture data;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        data = new CountyPlanFixture(organisations, teachers, accounts, evidence, LocalDate.now(clock));
    }

    @Test
    void R32_theListShowsTheScopesPlans_andOnlyTheCountyReviewerMayStartOne() throws Exception {
        CountyPlan plan = plans.file(data.countyReviewer, data.primaryPlan());
        String row = "data-plan-id=\"" + plan.getId() + "\"";

        mvc.perform(get("/county-plans").with(as(data.countyReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(row), containsString("data-test=\"new-plan\""),
                        containsString("市教育局审核培训计划"))));
        mvc.perform(get("/county-plans").with(as(data.cityReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(row), not(containsString("data-test=\"new-plan\"")))));
        mvc.perform(get("/county-plans").with(as(data.otherCountyReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString(row)), containsString("data-test=\"plans-empty\""))));
        mvc.perform(get("/county-plans/new").with(as(data.cityReviewer))).andExpect(status().isForbidden());
        mvc.perform(get("/county-plans/new").with(as(data.countyReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"plan-form\""),
                        containsString("name=\"projects[0].name\""), containsString("R-05"))));
    }

    @Test
    void R32_R05_aCountyReviewerFilesAPlanWithTwoProjectsFromTheNewPage() throws Exception {
        String location = mvc.perform(newPlan(data.countyReviewer, "PRIMARY").with(csrf())
                        .param("projects[1].keyTeacher", "true"))
                .andExpect(redirectedUrlPattern("/county-plans/*"))
                .andExpect(flash().attribute("done", "countyplan.page.filed"))
                .andReturn().getResponse().getRedirectedUrl();
        CountyPlan plan = plans.require(Long.valueOf(location.substring("/county-plans/".length())));

        assertThat(CountyPlanStanding.of(plans, plan.getId())).isEqualTo("OPEN@" + CountyPlanProcess.CITY_REVIEW);
        assertThat(plan.projects()).extracting(PlanProject::name).containsExactly("小学语文教师培训", "初中数学名师培养");
        assertThat(plan.projects().get(1).keyTeacher()).isTrue();
        assertThat(plan.projects().get(1).stage()).isEqualTo(Stage.JUNIOR_MIDDLE);
        assertThat(plans.openTasks(plan.getId())).extracting(CaseTask::taskKey).containsExactly(CountyPlanProcess.CITY_REVIEW);
        mvc.perform(get(location).with(as(data.cityReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"review-link\""),
                        containsString("/tasks?task=" + plans.openTasks(plan.getId()).get(0).id()),
                        not(containsString("data-test=\"amend-form\"")))));
    }

    @Test
    void R05_aStageTheCountyMayNotDesignIsRefusedBesideItsField_andNothingIsWritten() throws Exception {
        mvc.perform(newPlan(data.countyReviewer, "SENIOR_HIGH").with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("高中教师培训项目由省级教育行政部门设计"),
                        containsString("（R-05）"), containsString("value=\"小学语文教师培训\""),
                        containsString("value=\"SENIOR_HIGH\" selected=\"selected\""), containsString("class=\"field-error\""))));
        assertThat(repository.findByCountyIdAndYear(data.schools.district.getId(), data.year)).isEmpty();
    }

    @Test
    void R04_aTeacherOrSchoolGets403_andAPlanOutsideTheScopeIs404() throws Exception {
        CountyPlan plan = plans.file(data.countyReviewer, data.primaryPlan());
        Teacher teacher = data.teacher();
        CurrentAccount teacherAccount = accounts.createTeacherAccount(data.schools.prefix + ".t", "secret-123",
                teacher.getId());

        mvc.perform(get("/county-plans/" + plan.getId()).with(as(teacherAccount))).andExpect(status().isForbidden());
        mvc.perform(get("/county-plans").with(as(data.schoolAdmin))).andExpect(status().isForbidden());
        mvc.perform(get("/county-plans/" + plan.getId()).with(as(data.otherCountyReviewer)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("页面不存在")));
        mvc.perform(get("/county-plans/99999999").with(as(data.countyReviewer))).andExpect(status().isNotFound());
        mvc.perform(post("/county-plans/" + plan.getId() + "/hr-filing").with(as(data.otherCountyReviewer)).with(csrf())
                        .param("hrBureau", "人社局").param("receiptNumber", "X").param("filedOn", "2020-01-01"))
                .andExpect(status().isNotFound());
        assertThat(plans.require(plan.getId()).hrFilingRecorded()).isFalse();
    }

    @Test
    void R32_R40_theCountyAmendsAReturnedPlanWithTheCitysCommentShown_andARefusalLeavesTheTaskOpen() throws Exception {
        CountyPlan plan = plans.file(data.countyReviewer, data.primaryPlan());
        caseTasks.decide(openTask(plan), data.cityReviewer, Decision.RETURN, "请细化课程安排");
        String page = "/county-plans/" + plan.getId();

        mvc.perform(get(page).with(as(data.countyReviewer)))
                .andExpect(content().string(allOf(containsString("data-test=\"returned\""), containsString("请细化课程安排"),
                        containsString("data-test=\"amend-form\""), containsString("value=\"小学语文骨干教师培训\""))));
        mvc.perform(get(page).with(as(data.cityReviewer)))
                .andExpect(content().string(not(containsString("data-test=\"amend-form\""))));

        mvc.perform(post(page + "/amendment").with(as(data.countyReviewer)).with(csrf())
                        .param("projects[0].name", " ").param("projects[0].mode", "ONLINE")
                        .param("projects[0].stage", "PRIMARY").param("projects[0].headcount", "30")
                        .param("projects[0].courseSchedule", "<b>9月</b>：网络课程"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("请填写此项"), containsString("&lt;b&gt;9月&lt;/b&gt;"),
                        not(containsString("<b>9月</b>")))));
        assertThat(plans.require(plan.getId()).projects()).hasSize(2);
        assertThat(plans.openTasks(plan.getId())).extracting(CaseTask::taskKey).containsExactly(CountyPlanProcess.AMEND_PLAN);

        mvc.perform(post(page + "/amendment").with(as(data.countyReviewer))
                        .param("projects[0].name", "小学科学教师培训").param("projects[0].mode", "ONLINE")
                        .param("projects[0].stage", "PRIMARY").param("projects[0].headcount", "30")
                        .param("projects[0].courseSchedule", "9月：网络课程"))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/amendment").with(as(data.countyReviewer)).with(csrf())
                        .param("projects[0].name", "小学科学教师培训").param("projects[0].mode", "ONLINE")
                        .param("projects[0].stage", "PRIMARY").param("projects[0].headcount", "30")
                        .param("projects[0].courseSchedule", "<b>9月</b>：网络课程"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", "countyplan.page.amended"));
        CountyPlan amended = plans.require(plan.getId());
        assertThat(amended.projects()).extracting(PlanProject::name).containsExactly("小学科学教师培训");
        assertThat(plans.openTasks(plan.getId())).extracting(CaseTask::taskKey).containsExactly(CountyPlanProcess.CITY_REVIEW);
        mvc.perform(get(page).with(as(data.cityReviewer)))
                .andExpect(content().string(allOf(containsString("&lt;b&gt;9月&lt;/b&gt;"), not(containsString("<b>9月</b>")),
                        containsString("修改前的培训计划"))));
    }

    @Test
    void R32_theCityRecordsTheHrFilingOnTheCasePage_aFutureDateIsRefusedAndNothingWritten() throws Exception {
        CountyPlan plan = plans.file(data.countyReviewer, data.primaryPlan());
        caseTasks.decide(openTask(plan), data.cityReviewer, Decision.APPROVE, null);
        String page = "/county-plans/" + plan.getId();

        mvc.perform(get(page).with(as(data.countyReviewer)))
                .andExpect(content().string(not(containsString("data-test=\"hr-form\""))));
        mvc.perform(get(page).with(as(data.cityReviewer)))
                .andExpect(content().string(allOf(containsString("data-test=\"hr-form\""), containsString("人力资源和社会保障局"))));
        mvc.perform(post(page + "/hr-filing").with(as(data.cityReviewer)).with(csrf())
                        .param("hrBureau", "人社局").param("receiptNumber", "RS-1")
                        .param("filedOn", LocalDate.now(clock).plusDays(3).toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-filedOn\""), containsString("尚未到来"),
                        containsString("value=\"RS-1\""))));
        assertThat(plans.require(plan.getId()).hrFilingRecorded()).isFalse();
        assertThat(plans.openTasks(plan.getId())).extracting(CaseTask::taskKey).containsExactly(CountyPlanProcess.HR_FILING);
        mvc.perform(post(page + "/hr-filing").with(as(data.countyReviewer)).with(csrf())
                        .param("hrBureau", "人社局").param("receiptNumber", "RS-1")
                        .param("filedOn", LocalDate.now(clock).toString()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("R-04")));
        assertThat(plans.require(plan.getId()).hrFilingRecorded()).isFalse();

        mvc.perform(post(page + "/hr-filing").with(as(data.cityReviewer)).with(csrf())
                        .param("hrBureau", "人社局").param("receiptNumber", "RS-1")
                        .param("filedOn", LocalDate.now(clock).toString()))
                .andExpect(redirectedUrl(page));
        CountyPlan filed = plans.require(plan.getId());
        assertThat(filed.isFiled()).isTrue();
        assertThat(CountyPlanStanding.of(plans, plan.getId())).isEqualTo("OPEN@" + CountyPlanProcess.SUBMIT_SUMMARY);
        assertThat(filed.hrReceiptNumber()).isEqualTo("RS-1");
        assertThat(filed.hrRecordedBy()).isEqualTo(data.cityReviewer.username());
    }

    @Test
    void R32_R01_theCountySendsTheSummaryOnTheCasePage_anUnknownParticipantIsRefusedBesideItsProject() throws Exception {
        CountyPlan plan = filedPlan();
        String page = "/county-plans/" + plan.getId();
        String staffNumber = data.teacher().staffNumber();
        mvc.perform(get(page).with(as(data.countyReviewer)))
                .andExpect(content().string(allOf(containsString("data-test=\"summary-form\""),
                        containsString("name=\"projects[1].participants\""))));

        mvc.perform(summary(plan, "<script>alert(1)</script>", staffNumber + "\n0000000000999").with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("找不到工号为 0000000000999 的教师"),
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;"), not(containsString("<script>alert")))));
        assertThat(plans.require(plan.getId()).summarySubmittedAt()).isNull();
        assertThat(plans.openTasks(plan.getId())).extracting(CaseTask::taskKey)
                .containsExactly(CountyPlanProcess.SUBMIT_SUMMARY);

        // A form that leaves out a project (or names one twice) is refused on the page, not with an error page.
        mvc.perform(post("/county-plans/" + plan.getId() + "/summary").with(as(data.countyReviewer)).with(csrf())
                        .param("summary", "只报了一个项目")
                        .param("projects[0].projectId", String.valueOf(plan.projects().get(0).getId()))
                        .param("projects[0].deliveredHours", "12").param("projects[0].trainingStart", data.year + "-01-02")
                        .param("projects[0].trainingEnd", data.year + "-01-02").param("projects[0].signInSheet", data.sheet())
                        .param("projects[0].participants", staffNumber))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"form-error\""),
                        containsString("未填报培训总结"), containsString("name=\"projects[1].participants\""))));
        assertThat(plans.require(plan.getId()).summarySubmittedAt()).isNull();

        mvc.perform(summary(plan, "两个项目均按计划完成", staffNumber).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", "countyplan.page.summary-sent"));
        CountyPlan reported = plans.require(plan.getId());
        assertThat(CountyPlanStanding.of(plans, plan.getId())).isEqualTo("OPEN@" + CountyPlanProcess.AUDIT_SUMMARY);
        assertThat(reported.summaryText()).isEqualTo("两个项目均按计划完成");
        assertThat(reported.projects()).allSatisfy(project -> {
            assertThat(project.deliveredHours()).isEqualByComparingTo("12");
            assertThat(project.participants()).extracting(Participant::staffNumber).containsExactly(staffNumber);
        });
        assertThat(plans.openTasks(plan.getId())).extracting(CaseTask::taskKey).containsExactly(CountyPlanProcess.AUDIT_SUMMARY);
        // Each project's sheet was stored as the county's file with the summary; the case page links to them.
        String sheet = reported.projects().get(0).signInSheet();
        assertThat(evidence.describe(sheet).orElseThrow().organisationId()).isEqualTo(data.schools.district.getId());
        mvc.perform(get(page).with(as(data.cityReviewer)))
                .andExpect(content().string(allOf(containsString("data-test=\"sign-in-sheet\""),
                        containsString("/evidence/" + sheet), containsString("签到表1.pdf"))));
        mvc.perform(get("/evidence/" + sheet).with(as(data.cityReviewer))).andExpect(status().isOk());
        mvc.perform(get("/evidence/" + sheet).with(as(data.otherCountyReviewer))).andExpect(status().isNotFound());
        mvc.perform(get("/evidence/" + sheet).with(as(data.schoolAdmin))).andExpect(status().isNotFound());
    }

    @Test
    void R40_aSignInSheetOfTheWrongTypeTooLargeOrAnotherCountysIsRefusedBesideItsProject_andNothingIsStored()
            throws Exception {
        CountyPlan plan = filedPlan();
        Long county = data.schools.district.getId();
        int filesBefore = evidence.ofOrganisation(county).size();
        String staffNumber = data.teacher().staffNumber();
        byte[] tooLarge = new byte[(int) evidence.maxFileSize() + 1];
        System.arraycopy(SamplePdf.withText("big"), 0, tooLarge, 0, 20);
        for (byte[] second : List.of("<html>not a scan</html>".getBytes(StandardCharsets.UTF_8), tooLarge)) {
            mvc.perform(summary(plan, "两个项目均按计划完成", staffNumber,
                            i -> i == 0 ? SamplePdf.withText("ok") : second, i -> null).with(csrf()))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(allOf(containsString("data-test=\"error-sheet-1\""),
                            not(containsString("data-test=\"error-sheet-0\"")))));
        }
        String neighbours = StoredEvidence.ofOrganisation(evidence, data.otherCountyReviewer.organisationId());
        mvc.perform(summary(plan, "两个项目均按计划完成", staffNumber, i -> null, i -> neighbours).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-sheet-0\""),
                        containsString("不是本单位上传的材料"))));
        assertThat(evidence.ofOrganisation(county)).as("no sheet of a refused summary is kept").hasSize(filesBefore);
        CountyPlan unchanged = plans.require(plan.getId());
        assertThat(unchanged.summarySubmittedAt()).isNull();
        assertThat(unchanged.projects()).allSatisfy(project -> assertThat(project.signInSheet()).isNull());
        assertThat(plans.openTasks(plan.getId())).extracting(CaseTask::taskKey)
                .containsExactly(CountyPlanProcess.SUBMIT_SUMMARY);
    }

    @Test
    void R32_aReturnedSummaryShowsTheAuditorsComment_notTheEarlierReturnOfThePlan() throws Exception {
        CountyPlan plan = plans.file(data.countyReviewer, data.primaryPlan());
        caseTasks.decide(openTask(plan), data.cityReviewer, Decision.RETURN, "请细化课程安排");
        plans.amend(plan.getId(), data.countyReviewer, data.primaryPlan());
        caseTasks.decide(openTask(plan), data.cityReviewer, Decision.APPROVE, null);
        plans.recordHrFiling(plan.getId(), data.cityReviewer, new HrFiling("人社局", "RS-8", LocalDate.now(clock)));
        mvc.perform(get("/county-plans/" + plan.getId()).with(as(data.countyReviewer)))
                .andExpect(content().string(allOf(containsString("data-test=\"summary-form\""),
                        not(containsString("data-test=\"returned\"")))));
        CountyPlan filed = plans.require(plan.getId());
        plans.reportSummary(plan.getId(), data.countyReviewer,
                data.summary(filed, "8", List.of(data.teacher().staffNumber())));
        caseTasks.decide(openTask(plan), data.cityReviewer, Decision.RETURN, "请补充签到表扫描件");

        mvc.perform(get("/county-plans/" + plan.getId()).with(as(data.countyReviewer)))
                .andExpect(content().string(allOf(containsString("data-test=\"summary-form\""),
                        containsString("data-test=\"returned\""), containsString("请补充签到表扫描件"),
                        not(containsString("请细化课程安排</span>")), containsString("value=\"8\""))));
    }

    @Test
    void R40_formsNeedTheCsrfToken_andTheWorkbenchLinksToTheCasePage() throws Exception {
        CountyPlan plan = filedPlan();
        mvc.perform(summary(plan, "按计划完成", data.teacher().staffNumber())).andExpect(status().isForbidden());
        assertThat(plans.require(plan.getId()).summarySubmittedAt()).isNull();
        mvc.perform(newPlan(data.countyReviewer, "PRIMARY")).andExpect(status().isForbidden());

        String task = openTask(plan);
        mvc.perform(get("/tasks").param("task", task).with(as(data.countyReviewer)))
                .andExpect(content().string(allOf(containsString("data-test=\"case-page\""),
                        containsString("href=\"/county-plans/" + plan.getId() + "\""))));
    }

    @Test
    void R32_theHomePageLinksCountyAndCityReviewersToThePlans() throws Exception {
        mvc.perform(get("/").with(as(data.cityReviewer)))
                .andExpect(content().string(allOf(containsString("href=\"/county-plans\""), containsString("年度培训计划"))));
        mvc.perform(get("/").with(as(data.schoolAdmin)))
                .andExpect(content().string(not(containsString("href=\"/county-plans\""))));
    }

    private CountyPlan filedPlan() {
        CountyPlan plan = plans.file(data.countyReviewer, data.primaryPlan());
        caseTasks.decide(openTask(plan), data.cityReviewer, Decision.APPROVE, null);
        return plans.recordHrFiling(plan.getId(), data.cityReviewer, new HrFiling("人社局", "RS-9", LocalDate.now(clock)));
    }

    private String openTask(CountyPlan plan) {
        return caseTasks.openTask(CountyPlans.PROCESS, String.valueOf(plan.getId())).orElseThrow().id();
    }

    private MockHttpServletRequestBuilder newPlan(CurrentAccount account, String secondStage) {
        return post("/county-plans").with(as(account)).param("year", String.valueOf(data.year))
                .param("projects[0].name", "小学语文教师培训").param("projects[0].mode", "IN_PERSON")
                .param("projects[0].stage", "PRIMARY").param("projects[0].headcount", "40")
                .param("projects[0].courseSchedule", "3月：课标解读")
                .param("projects[1].name", "初中数学名师培养").param("projects[1].mode", "BLENDED")
                .param("projects[1].stage", secondStage.equals("PRIMARY") ? "JUNIOR_MIDDLE" : secondStage)
                .param("projects[1].headcount", "20").param("projects[1].courseSchedule", "全年：跟岗研修");
    }

    /** The summary form with a scanned sign-in sheet uploaded for every project. */
    private MockHttpServletRequestBuilder summary(CountyPlan plan, String text, String participants) {
        return summary(plan, text, participants, i -> SamplePdf.withText("Sign-in sheet " + i), i -> null);
    }

    /** The summary form; project i's sheet uploaded with {@code upload(i)} (none if null), or {@code chosen(i)} chosen. */
    private MockHttpServletRequestBuilder summary(CountyPlan plan, String text, String participants,
                                                  IntFunction<byte[]> upload, IntFunction<String> chosen) {
        var multipart = multipart("/county-plans/" + plan.getId() + "/summary");
        List<PlanProject> projects = plan.projects();
        for (int i = 0; i < projects.size(); i++) {
            if (upload.apply(i) != null) {
                multipart.file(new MockMultipartFile("sheet-" + i, "签到表" + (i + 1) + ".pdf",
                        "application/pdf", upload.apply(i)));
            }
        }
        MockHttpServletRequestBuilder request = multipart.with(as(data.countyReviewer)).param("summary", text);
        for (int i = 0; i < projects.size(); i++) {
            String at = "projects[" + i + "].";
            request.param(at + "projectId", String.valueOf(projects.get(i).getId()))
                    .param(at + "deliveredHours", "12").param(at + "trainingStart", data.year + "-01-02")
                    .param(at + "trainingEnd", data.year + "-01-02").param(at + "participants", participants);
            if (chosen.apply(i) != null) {
                request.param(at + "signInSheet", chosen.apply(i));
            }
        }
        return request;
    }

    private static RequestPostProcessor as(CurrentAccount account) {
        return user(account.username()).roles(account.role().name());
    }
}
