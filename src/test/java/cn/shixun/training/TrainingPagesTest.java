package cn.shixun.training;

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
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teachers;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The external-training pages without a browser (shared context): who sees which form, each
 * submission step moving the case on through the same service as the API, refusals shown at
 * their field with nothing written, scope (404), who may not act (403), CSRF and escaping.
 */
@SpringBootTest
class TrainingPagesTest {

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired TrainingProviders providers;
    @Autowired JdbcTemplate jdbc;
    @Autowired ExternalTrainings trainings;
    @Autowired ExternalTrainingRepository repository;
    @Autowired EvidenceFiles evidence;
    @Autowired CaseTasks tasks;
    @Autowired ManagementService management;

    MockMvc mvc;
    TrainingFixture data;
    CurrentAccount teacher;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        data = new TrainingFixture(organisations, teachers, accounts, providers, jdbc, evidence, "henan-2016",
                LocalDate.now(clock));
        teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
    }

    @Test
    void R06_R31_theNewFormOffersOnlyQualifiedProviders_andSaysTheStartMustBeInTheFuture() throws Exception {
        mvc.perform(get("/my/trainings/new").with(as(teacher)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(data.qualified.name() + "（"),
                        not(containsString(data.unqualified.name())), containsString("须晚于今天"),
                        containsString("min=\"" + LocalDate.now(clock).plusDays(1) + "\""))));
        mvc.perform(get("/my/trainings/new").with(as(data.schoolAdmin))).andExpect(status().isForbidden());
        mvc.perform(get("/my/trainings").with(as(data.countyReviewer))).andExpect(status().isForbidden());
    }

    @Test
    void R31_applyingOnThePage_storesTheNoticeAsEvidence_andWaitsForTheSchoolsConsent() throws Exception {
        String location = mvc.perform(application(data.qualified.getId(), "班级管理研修", 10)
                        .file(pdf("planScan", "培训通知.pdf")).with(as(teacher)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/trainings/*"))
                .andExpect(flash().attribute("done", containsString("等待学校事先同意")))
                .andReturn().getResponse().getRedirectedUrl();
        ExternalTraining applied = trainings.require(Long.valueOf(location.substring("/trainings/".length())));

        assertThat(TrainingStanding.of(trainings, applied.getId()))
                .isEqualTo("OPEN@" + ExternalTrainingProcess.SCHOOL_CONSENT);
        assertThat(applied.plan().projectName()).isEqualTo("班级管理研修");
        assertThat(evidence.describe(applied.plan().planFile())).as("the notice is a stored evidence file")
                .hasValueSatisfying(file -> assertThat(file.name()).isEqualTo("培训通知.pdf"));
        assertThat(openTask(applied).taskKey()).isEqualTo(ExternalTrainingProcess.SCHOOL_CONSENT);

        mvc.perform(get("/my/trainings").with(as(teacher)))
                .andExpect(content().string(allOf(containsString("班级管理研修"), containsString("学校事先审核中"))));
        mvc.perform(get("/trainings").with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("班级管理研修"),
                        containsString("/trainings/" + applied.getId()))));
        mvc.perform(get("/trainings").with(as(teacher))).andExpect(redirectedUrl("/my/trainings"));
    }

    @Test
    void R31_aStartTodayIsRefusedBesideTheStartDate_andNothingIsWritten() throws Exception {
        int before = trainings.ofTeacher(teacher.teacherId()).size();
        int files = evidence.ofTeacher(teacher.teacherId()).size();
        mvc.perform(application(data.qualified.getId(), "当天开始的培训", 0).file(pdf("planScan", "notice.pdf"))
                        .with(as(teacher)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-startDate\""),
                        containsString("须在开始前经学校同意（R-31）"), containsString("value=\"当天开始的培训\""))));
        assertThat(trainings.ofTeacher(teacher.teacherId())).hasSize(before);
        assertThat(evidence.ofTeacher(teacher.teacherId())).as("the upload went back with the refusal").hasSize(files);
    }

    @Test
    void R06_anUnqualifiedProviderPostedAnywayIsRefusedByTheServer() throws Exception {
        mvc.perform(application(data.unqualified.getId(), "技能培训", 10).file(pdf("planScan", "notice.pdf"))
                        .with(as(teacher)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-providerId\""),
                        containsString("R-06"))));
        assertThat(trainings.ofTeacher(teacher.teacherId())).isEmpty();
    }

    @Test
    void R31_anApplicationWithoutTheNoticeIsRefusedAtTheFileField() throws Exception {
        mvc.perform(application(data.qualified.getId(), "没有通知的培训", 10).with(as(teacher)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-planFile\""),
                        containsString("请上传文件"))));
        assertThat(trainings.ofTeacher(teacher.teacherId())).isEmpty();
    }

    @Test
    void R31_R40_aReturnedApplicationIsAmendedOnTheCasePage_showingTheSchoolsComment() throws Exception {
        ExternalTraining applied = applyThroughThePage("心理健康教育研修");
        mvc.perform(get("/trainings/" + applied.getId()).with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"workbench-task\""),
                        containsString("/tasks?task=" + openTask(applied).id()),
                        not(containsString("amend-application-form")))));
        mvc.perform(get("/trainings/" + applied.getId()).with(as(teacher)))
                .andExpect(content().string(allOf(not(containsString("amend-application-form")),
                        not(containsString("data-test=\"workbench-task\"")))));

        tasks.decide(openTask(applied).id(), data.schoolAdmin, Decision.RETURN, "请写明培训的具体地点");
        mvc.perform(get("/trainings/" + applied.getId()).with(as(teacher)))
                .andExpect(content().string(allOf(containsString("amend-application-form"),
                        containsString("请写明培训的具体地点"), containsString("data-test=\"return-note\""),
                        containsString("申请被退回修改"), containsString("待修改参训申请"))));
        mvc.perform(get("/trainings/" + applied.getId()).with(as(data.schoolAdmin)))
                .andExpect(content().string(not(containsString("amend-application-form"))));

        String keptFile = applied.plan().planFile();
        mvc.perform(amendment(applied, "郑州市金水区文化路 1 号 报告厅").param("existingFile", keptFile)
                        .with(as(teacher)).with(csrf()))
                .andExpect(redirectedUrl("/trainings/" + applied.getId()))
                .andExpect(flash().attribute("done", containsString("重新提交")));
        ExternalTraining amended = trainings.require(applied.getId());
        assertThat(TrainingStanding.of(trainings, applied.getId()))
                .isEqualTo("OPEN@" + ExternalTrainingProcess.SCHOOL_CONSENT);
        assertThat(amended.plan().place()).isEqualTo("郑州市金水区文化路 1 号 报告厅");
        assertThat(amended.plan().planFile()).isEqualTo(keptFile);
        assertThat(trainings.history(applied.getId())).extracting(CaseEvent::outcome).contains(CaseOutcome.RESUBMITTED);
    }

    @Test
    void R31_onceConsentedThePageSaysItWaitsForTheTrainingsEnd_thenAsksForTheCompletion_withoutTheOldReturn()
            throws Exception {
        ExternalTraining applied = applyThroughThePage("事先同意后等待培训结束");
        tasks.decide(openTask(applied).id(), data.schoolAdmin, Decision.RETURN, "请写明培训地点");
        mvc.perform(amendment(applied, "郑州市金水区").param("existingFile", applied.plan().planFile())
                .with(as(teacher)).with(csrf())).andExpect(status().is3xxRedirection());
        tasks.decide(openTask(applied).id(), data.schoolAdmin, Decision.APPROVE, null);

        // No step is open until the training has ended: the record says what the case waits for (R-31).
        mvc.perform(get("/trainings/" + applied.getId()).with(as(teacher)))
                .andExpect(content().string(allOf(containsString("学校已同意，待培训结束"),
                        containsString("data-test=\"waiting-for-end\""),
                        not(containsString("data-test=\"return-note\"")),
                        not(containsString("completion-form")), not(containsString("amend-application-form")))));
        mvc.perform(get("/my/trainings").with(as(teacher)))
                .andExpect(content().string(containsString("学校已同意，待培训结束")));

        data.trainingTookPlace(applied.getId(), 1);
        management.executeJob(management.createJobQuery().processInstanceId(applied.processInstanceId())
                .activityId("TimerEvent_TrainingEnded").singleResult().getId());
        // The completion is a first submission, not an answer to the application's return of before.
        mvc.perform(get("/trainings/" + applied.getId()).with(as(teacher)))
                .andExpect(content().string(allOf(containsString("待提交结业材料"),
                        containsString("data-test=\"completion-form\""),
                        not(containsString("data-test=\"return-note\"")),
                        not(containsString("data-test=\"waiting-for-end\"")))));
    }

    @Test
    void R40_anotherTeachersFileCannotBeAttachedToTheAmendment_andNothingChanges() throws Exception {
        ExternalTraining applied = applyThroughThePage("跨校文件");
        tasks.decide(openTask(applied).id(), data.schoolAdmin, Decision.RETURN, "请补充");
        CurrentAccount other = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        String foreign = evidence.store(other, other.teacherId(), "别人的.pdf", SamplePdf.withText("x")).id();
        String task = openTask(applied).id();

        mvc.perform(amendment(applied, "新地点").param("existingFile", foreign).with(as(teacher)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-planFile\""),
                        containsString("value=\"新地点\""))));
        assertThat(trainings.require(applied.getId()).plan().place()).isEqualTo("郑州市");
        assertThat(openTask(applied).id()).isEqualTo(task);
    }

    @Test
    void R31_R21_theCompletionWithItsScanIsSubmittedAfterTheTraining_returned_andAmended() throws Exception {
        ExternalTraining applied = atCompletion("结业证书提交");
        mvc.perform(get("/trainings/" + applied.getId()).with(as(teacher)))
                .andExpect(content().string(allOf(containsString("data-test=\"completion-form\""),
                        containsString("培训经教育行政部门通知或备案"), containsString("待提交结业材料"),
                        not(containsString("data-test=\"waiting-for-end\"")),
                        containsString("方案“notice.pdf”（" + applied.plan().planFile().substring(0, 8) + "）"))));
        mvc.perform(get("/trainings/" + applied.getId()).with(as(data.schoolAdmin)))
                .andExpect(content().string(not(containsString("data-test=\"completion-form\""))));

        String number = "PG-" + System.nanoTime();
        mvc.perform(completion(applied, number, "24").file(pdf("certificateScan", "结业证书.pdf"))
                        .with(as(teacher)).with(csrf()))
                .andExpect(redirectedUrl("/trainings/" + applied.getId()))
                .andExpect(flash().attribute("done", containsString("等待学校审核")));
        ExternalTraining submitted = trainings.require(applied.getId());
        assertThat(TrainingStanding.of(trainings, applied.getId()))
                .isEqualTo("OPEN@" + ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW);
        assertThat(submitted.evidence().certificateNumber()).isEqualTo(number);
        assertThat(evidence.describe(submitted.evidence().certificateFile()))
                .hasValueSatisfying(file -> assertThat(file.name()).isEqualTo("结业证书.pdf"));
        mvc.perform(get("/trainings/" + applied.getId()).with(as(data.schoolAdmin)))
                .andExpect(content().string(allOf(containsString(number),
                        containsString("/evidence/" + submitted.evidence().certificateFile()))));

        tasks.decide(openTask(applied).id(), data.schoolAdmin, Decision.RETURN, "证书扫描件缺少盖章页");
        mvc.perform(get("/trainings/" + applied.getId()).with(as(teacher)))
                .andExpect(content().string(allOf(containsString("证书扫描件缺少盖章页"), containsString("结业材料被退回修改"),
                        containsString("修改结业材料并重新提交"), containsString("value=\"" + number + "\""))));
        mvc.perform(completion(applied, number, "20").file(pdf("certificateScan", "结业证书-盖章.pdf"))
                        .with(as(teacher)).with(csrf()))
                .andExpect(redirectedUrl("/trainings/" + applied.getId()));
        ExternalTraining amended = trainings.require(applied.getId());
        assertThat(TrainingStanding.of(trainings, applied.getId()))
                .isEqualTo("OPEN@" + ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW);
        assertThat(amended.evidence().statedHours()).isEqualByComparingTo("20");
        assertThat(amended.evidence().certificateFile()).isNotEqualTo(submitted.evidence().certificateFile());
    }

    @Test
    void R31_moreDaysThanTheTrainingLastedAreRefusedAtTheField_andTheTaskStaysOpen() throws Exception {
        ExternalTraining applied = atCompletion("天数过多");
        String task = openTask(applied).id();
        int files = evidence.ofTeacher(teacher.teacherId()).size();
        mvc.perform(multipart("/trainings/" + applied.getId() + "/completion").file(pdf("certificateScan", "c.pdf"))
                        .param("certificateNumber", "PG-DAYS-" + System.nanoTime())
                        .param("certificateKind", "EDUCATION_DEPARTMENT_NOTICE").param("statedDays", "9")
                        .with(as(teacher)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-statedDays\""),
                        containsString("培训期限共 3 天"), containsString("value=\"9\""))));
        assertThat(trainings.require(applied.getId()).evidence()).isNull();
        assertThat(openTask(applied).id()).isEqualTo(task);
        assertThat(evidence.ofTeacher(teacher.teacherId())).hasSize(files);

        mvc.perform(multipart("/trainings/" + applied.getId() + "/completion").param("certificateNumber", "X")
                        .param("certificateKind", "NOT_A_KIND").param("statedHours", "abc")
                        .with(as(teacher)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-certificateKind\""),
                        containsString("data-test=\"error-statedHours\""))));
        assertThat(trainings.require(applied.getId()).evidence()).isNull();
    }

    @Test
    void R21_R23_theCreditHintShowsWhatTheProfileWouldCredit_orWhyNot() throws Exception {
        ExternalTraining applied = atCompletion("学时测算");
        mvc.perform(post("/trainings/" + applied.getId() + "/completion/preview")
                        .param("certificateKind", "EDUCATION_DEPARTMENT_NOTICE").param("statedHours", "24")
                        .with(as(teacher)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"hint-hours\""), containsString("24"))));
        mvc.perform(post("/trainings/" + applied.getId() + "/completion/preview")
                        .param("certificateKind", "SOCIAL_TRAINING_BODY").param("statedHours", "24")
                        .with(as(teacher)).with(csrf()))
                .andExpect(content().string(allOf(containsString("data-test=\"hint-refusal\""),
                        containsString("R-23"))));
        mvc.perform(post("/trainings/" + applied.getId() + "/completion/preview")
                        .param("certificateKind", "EDUCATION_DEPARTMENT_NOTICE").param("statedHours", "24")
                        .with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(trainings.require(applied.getId()).evidence()).as("a preview writes nothing").isNull();
    }

    @Test
    void R04_outOfScopeOrUnknown_isNotFound_andNobodyButTheApplicantSubmits() throws Exception {
        ExternalTraining applied = atCompletion("范围检查");
        CurrentAccount otherSchool = data.adminOf(data.schools.cityMiddleSchool);
        CurrentAccount otherTeacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        mvc.perform(get("/trainings/" + applied.getId()).with(as(otherSchool))).andExpect(status().isNotFound());
        mvc.perform(get("/trainings/" + applied.getId()).with(as(otherTeacher))).andExpect(status().isNotFound());
        mvc.perform(get("/trainings/999999999").with(as(teacher))).andExpect(status().isNotFound());
        mvc.perform(completion(applied, "PG-404", "24").file(pdf("certificateScan", "c.pdf"))
                        .with(as(otherTeacher)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(completion(applied, "PG-403", "24").file(pdf("certificateScan", "c.pdf"))
                        .with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/trainings").with(as(data.countyReviewer))).andExpect(status().isForbidden());
        mvc.perform(amendment(applied, "x").with(as(teacher)).with(csrf()))
                .andExpect(redirectedUrl("/trainings/" + applied.getId()))
                .andExpect(flash().attribute("error", containsString("没有退回修改")));
        assertThat(trainings.require(applied.getId()).evidence()).isNull();
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused_andWriteNothing() throws Exception {
        mvc.perform(application(data.qualified.getId(), "无令牌", 10).file(pdf("planScan", "n.pdf")).with(as(teacher)))
                .andExpect(status().isForbidden());
        assertThat(trainings.ofTeacher(teacher.teacherId())).isEmpty();
        assertThat(evidence.ofTeacher(teacher.teacherId())).isEmpty();
    }

    @Test
    void markupTypedIntoTheFormComesBackEscaped() throws Exception {
        ExternalTraining applied = applyThroughThePage("<script>alert('x')</script>研修");
        mvc.perform(get("/trainings/" + applied.getId()).with(as(teacher)))
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert("),
                        not(containsString("<script>alert(")))));
        mvc.perform(get("/my/trainings").with(as(teacher)))
                .andExpect(content().string(not(containsString("<script>alert("))));
    }

    @Test
    void R04_theWorkbenchDetailOfAConsentLinksToTheCasePage_andTheHomePageToTheLists() throws Exception {
        ExternalTraining applied = applyThroughThePage("工作台链接");
        mvc.perform(get("/tasks").param("task", openTask(applied).id()).with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"case-page\""),
                        containsString("href=\"/trainings/" + applied.getId() + "\""))));
        mvc.perform(get("/").with(as(teacher))).andExpect(content().string(containsString("href=\"/my/trainings\"")));
        mvc.perform(get("/").with(as(data.schoolAdmin))).andExpect(content().string(containsString("href=\"/trainings\"")));
        mvc.perform(get("/").with(as(data.countyReviewer)))
                .andExpect(content().string(not(containsString("href=\"/trainings\""))));
    }

    private ExternalTraining applyThroughThePage(String project) throws Exception {
        String location = mvc.perform(application(data.qualified.getId(), project, 10)
                        .file(pdf("planScan", "notice.pdf")).with(as(teacher)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return trainings.require(Long.valueOf(location.substring("/trainings/".length())));
    }

    /** Applied, consented, the training over (three days ending yesterday): the completion is due. */
    private ExternalTraining atCompletion(String project) throws Exception {
        ExternalTraining applied = applyThroughThePage(project);
        tasks.decide(openTask(applied).id(), data.schoolAdmin, Decision.APPROVE, null);
        data.trainingTookPlace(applied.getId(), 1);
        management.executeJob(management.createJobQuery().processInstanceId(applied.processInstanceId())
                .activityId("TimerEvent_TrainingEnded").singleResult().getId());
        assertThat(openTask(applied).taskKey()).isEqualTo(ExternalTrainingProcess.SUBMIT_COMPLETION);
        return applied;
    }

    private CaseTask openTask(ExternalTraining training) {
        List<CaseTask> open = tasks.openTasks(ExternalTrainingProcess.PROCESS_ID, String.valueOf(training.getId()));
        assertThat(open).as("open task of training %s", training.getId()).isNotEmpty();
        return open.get(0);
    }

    private MockMultipartHttpServletRequestBuilder application(Long providerId, String project, int inDays) {
        LocalDate start = LocalDate.now(clock).plusDays(inDays);
        MockMultipartHttpServletRequestBuilder request = multipart("/my/trainings/new");
        request.param("providerId", String.valueOf(providerId)).param("projectName", project)
                .param("startDate", start.toString()).param("endDate", start.plusDays(2).toString())
                .param("place", "郑州市").param("plannedContent", "专题讲座与案例研讨");
        return request;
    }

    private static MockMultipartHttpServletRequestBuilder amendment(ExternalTraining training, String place) {
        TrainingPlan plan = training.plan();
        MockMultipartHttpServletRequestBuilder request = multipart("/trainings/" + training.getId() + "/application");
        request.param("providerId", String.valueOf(plan.providerId())).param("projectName", plan.projectName())
                .param("startDate", plan.startDate().toString()).param("endDate", plan.endDate().toString())
                .param("place", place).param("plannedContent", plan.plannedContent());
        return request;
    }

    private static MockMultipartHttpServletRequestBuilder completion(ExternalTraining training, String number,
                                                                     String hours) {
        MockMultipartHttpServletRequestBuilder request = multipart("/trainings/" + training.getId() + "/completion");
        request.param("certificateNumber", number).param("certificateKind", "EDUCATION_DEPARTMENT_NOTICE")
                .param("statedHours", hours);
        return request;
    }

    private static MockMultipartFile pdf(String part, String name) {
        return new MockMultipartFile(part, name, "application/pdf", SamplePdf.withText(name));
    }

    private static RequestPostProcessor as(CurrentAccount account) {
        return user(account.username()).roles(account.role().name());
    }
}
