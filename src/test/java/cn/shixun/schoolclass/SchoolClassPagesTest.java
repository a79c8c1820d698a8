package cn.shixun.schoolclass;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFile;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.schoolclass.process.SchoolClassProcess;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
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
 * The school-based class pages without a browser: who sees which form, each submission step
 * posted from the page moves the case on through the same service as the API, each refusal comes
 * back beside its field with the values typed and nothing written, and scope, CSRF and escaping hold.
 */
@SpringBootTest
class SchoolClassPagesTest {

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired SchoolClasses classes;
    @Autowired CaseTasks tasks;
    @Autowired ManagementService management;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;
    @Autowired Ledger ledger;

    MockMvc mvc;
    SchoolClassFixture data;
    CurrentAccount otherReviewer;
    CurrentAccount teacher;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        data = new SchoolClassFixture(organisations, teachers, accounts, evidence, "kunming-2015", LocalDate.now(clock));
        // The reviewer of a neighbouring county, and a teacher of the school.
        Organisation otherCounty = organisations.createRegion(data.schools.prefix + "D2", "测试二区",
                OrganisationLevel.COUNTY, data.schools.city.getId(), null);
        otherReviewer = accounts.createAccount(data.schools.prefix + ".other", "secret-123", "外区审核员",
                Role.COUNTY_REVIEWER, otherCounty.getId());
        teacher = accounts.createTeacherAccount(data.schools.prefix + ".t", "secret-123", data.teachers.get(0).getId());
    }

    @Test
    void R35_theListShowsTheScopesClasses_andOnlyTheSchoolMayStartOne() throws Exception {
        SchoolClass proposed = propose();
        mvc.perform(get("/school-classes").with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"new-class\""),
                        containsString("/school-classes/" + proposed.getId()), containsString("学校审核课程"))));
        mvc.perform(get("/school-classes").with(as(data.countyReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/school-classes/" + proposed.getId()),
                        containsString("测试区第一小学"), not(containsString("data-test=\"new-class\"")))));
        mvc.perform(get("/school-classes").with(as(otherReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("/school-classes/" + proposed.getId() + "\"")),
                        containsString("data-test=\"list-empty\""))));
        mvc.perform(get("/school-classes/new").with(as(data.countyReviewer))).andExpect(status().isForbidden());
        mvc.perform(get("/school-classes").with(as(teacher))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(as(data.schoolAdmin)))
                .andExpect(content().string(containsString("href=\"/school-classes\"")));
    }

    @Test
    void R35_theNewCoursePageStartsTheProcess_andARefusalKeepsWhatWasTypedAndWritesNothing() throws Exception {
        long before = classes.visibleTo(data.schoolAdmin, 0, 20).getTotalElements();
        Long school = data.schools.countySchool.getId();
        int filesBefore = evidence.ofOrganisation(school).size();
        mvc.perform(multipart("/school-classes").file(design(SamplePdf.withText("course design")))
                        .with(as(data.schoolAdmin)).with(csrf())
                        .param("courseName", "<b>课堂观察</b>").param("courseType", "LESSON_OBSERVATION")
                        .param("designedHours", "2.25").param("outline", "三轮听课"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-designedHours\""),
                        containsString("最多一位小数（R-35）"), containsString("&lt;b&gt;课堂观察&lt;/b&gt;"),
                        not(containsString("<b>课堂观察</b>")), containsString("三轮听课"))));
        assertThat(classes.visibleTo(data.schoolAdmin, 0, 20).getTotalElements()).isEqualTo(before);
        assertThat(evidence.ofOrganisation(school)).as("the refused form's upload is not kept").hasSize(filesBefore);

        String location = mvc.perform(multipart("/school-classes").file(design(SamplePdf.withText("course design")))
                        .with(as(data.schoolAdmin)).with(csrf())
                        .param("courseName", "<script>alert(1)</script>").param("courseType", "LESSON_OBSERVATION")
                        .param("designedHours", "16").param("outline", "三轮听课"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", containsString("等待学校审核")))
                .andReturn().getResponse().getRedirectedUrl();
        Long id = Long.valueOf(location.substring("/school-classes/".length()));
        assertThat(SchoolClassStanding.of(classes, id)).isEqualTo("OPEN@UserTask_SchoolCourseReview");
        // The school's own review is a review: the case page sends the school to the workbench for it.
        mvc.perform(get(location).with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert(1)")), containsString("data-test=\"review-link\""),
                        containsString("/tasks?task=" + openTask(id).id()), not(containsString("data-test=\"step-form\"")))));
        // The design document was stored as the school's file with the course, and the case page links to it.
        String fileId = classes.require(id).course().designFile();
        EvidenceFile stored = evidence.describe(fileId).orElseThrow();
        assertThat(stored.organisationId()).isEqualTo(school);
        assertThat(stored.name()).isEqualTo("课程方案.pdf");
        mvc.perform(get(location).with(as(data.countyReviewer)))
                .andExpect(content().string(allOf(containsString("data-test=\"design-file\""),
                        containsString("/evidence/" + fileId), containsString("课程方案.pdf"))));
        mvc.perform(get("/evidence/" + fileId).with(as(data.countyReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
    }

    @Test
    void R40_theDesignUploadIsRefusedAtItsField_wrongTypeTooLargeOrAnotherSchoolsFile_andNothingIsWritten()
            throws Exception {
        Long school = data.schools.countySchool.getId();
        long before = classes.visibleTo(data.schoolAdmin, 0, 20).getTotalElements();
        int filesBefore = evidence.ofOrganisation(school).size();
        byte[] tooLarge = new byte[(int) evidence.maxFileSize() + 1];
        System.arraycopy(SamplePdf.withText("big"), 0, tooLarge, 0, 20);
        for (byte[] content : List.of("<html><script>alert(1)</script></html>".getBytes(), tooLarge)) {
            mvc.perform(newCourse(design(content)))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(allOf(containsString("data-test=\"error-design\""),
                            containsString("三轮听课，附观察量表"))));
        }
        String otherSchools = data.designOf(data.schools.cityMiddleSchool.getId());
        String teachers = StoredEvidence.of(evidence, data.teachers.get(0).getId());
        for (String id : List.of(otherSchools, teachers, "files/x.pdf")) {
            mvc.perform(newCourse().param("designFile", id))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(allOf(containsString("data-test=\"error-design\""),
                            containsString("不是本单位上传的材料"))));
        }
        mvc.perform(newCourse())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("data-test=\"error-design\"")));
        assertThat(classes.visibleTo(data.schoolAdmin, 0, 20).getTotalElements()).isEqualTo(before);
        assertThat(evidence.ofOrganisation(school)).hasSize(filesBefore);
    }

    @Test
    void R40_theSchoolsFileIsReadByTheScopeOfTheSchool_404ForAnotherCountyOrATeacher() throws Exception {
        String fileId = propose().course().designFile();
        mvc.perform(get("/evidence/" + fileId).with(as(data.schoolAdmin))).andExpect(status().isOk());
        mvc.perform(get("/evidence/" + fileId).with(as(data.countyReviewer))).andExpect(status().isOk());
        mvc.perform(get("/evidence/" + fileId).with(as(data.cityReviewer))).andExpect(status().isOk());
        mvc.perform(get("/evidence/" + fileId).with(as(otherReviewer)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("PDF"))));
        mvc.perform(get("/evidence/" + fileId).with(as(teacher))).andExpect(status().isNotFound());
        mvc.perform(get("/api/evidence/" + fileId).with(as(otherReviewer))).andExpect(status().isNotFound());
    }

    @Test
    void R35_theClassPlanFormIsTheSchoolsAlone_andPostingItMovesTheCaseToTheOpeningReview() throws Exception {
        SchoolClass approved = approvedCourse();
        String page = "/school-classes/" + approved.getId();
        mvc.perform(get(page).with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"plan-form\""), containsString("name=\"_csrf\""))));
        mvc.perform(get(page).with(as(data.countyReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("data-test=\"plan-form\"")),
                        containsString("data-test=\"waiting\""))));
        mvc.perform(get(page).with(as(otherReviewer))).andExpect(status().isNotFound());
        mvc.perform(get("/school-classes/987654321").with(as(data.schoolAdmin))).andExpect(status().isNotFound());
        mvc.perform(get(page).with(as(teacher))).andExpect(status().isForbidden());

        mvc.perform(plan(approved, LocalDate.now(clock)).with(as(data.countyReviewer)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(plan(approved, LocalDate.now(clock)).with(as(data.schoolAdmin)))
                .andExpect(status().isForbidden());
        assertThat(classes.require(approved.getId()).plan()).isNull();

        mvc.perform(plan(approved, LocalDate.now(clock)).with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", containsString("开班审核")));
        assertThat(classes.require(approved.getId()).plan().className()).isEqualTo("2026年秋季课堂观察研修班");
        assertThat(openTask(approved.getId()).taskKey()).isEqualTo(SchoolClassProcess.OPENING_REVIEW);
        // The county's review of the opening: the case page links the county reviewer to the workbench.
        mvc.perform(get(page).with(as(data.countyReviewer)))
                .andExpect(content().string(containsString("/tasks?task=" + openTask(approved.getId()).id())));
    }

    @Test
    void R35_aRefusedPlanComesBackBesideItsFieldWithTheValuesTyped_andNothingIsWritten() throws Exception {
        SchoolClass approved = approvedCourse();
        String taskBefore = openTask(approved.getId()).id();
        mvc.perform(plan(approved, LocalDate.now(clock).minusDays(3), "<i>一班</i>", "10")
                        .with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-studyStart\""),
                        containsString("须在开课前经县级开班审核（R-35）"), containsString("value=\"&lt;i&gt;一班&lt;/i&gt;\""),
                        containsString("0871-65551234"), containsString("data-test=\"plan-form\""))));
        mvc.perform(plan(approved, LocalDate.now(clock), "一班", "many")
                        .with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("data-test=\"error-headcount\"")));
        assertThat(classes.require(approved.getId()).plan()).isNull();
        assertThat(SchoolClassStanding.of(classes, approved.getId())).isEqualTo("OPEN@UserTask_PlanClass");
        assertThat(openTask(approved.getId()).id()).isEqualTo(taskBefore);
    }

    @Test
    void R40_aRejectedClassShowsWhy_escapedAsText() throws Exception {
        SchoolClass proposed = propose();
        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        decide(proposed, data.countyReviewer, Decision.REJECT, "与<区级研修>重复");
        mvc.perform(get("/school-classes/" + proposed.getId()).with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"outcome-reason\""),
                        containsString("与&lt;区级研修&gt;重复"))));
    }

    @Test
    void R35_aReturnedCourseShowsTheCommentAboveTheForm_andTheAmendmentGoesBackToTheSchool() throws Exception {
        SchoolClass proposed = propose();
        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        decide(proposed, data.countyReviewer, Decision.RETURN, "请补充<课程日程>安排");
        String page = "/school-classes/" + proposed.getId();
        mvc.perform(get(page).with(as(data.schoolAdmin)))
                .andExpect(content().string(allOf(containsString("data-test=\"returned\""),
                        containsString("请补充&lt;课程日程&gt;安排"), containsString("data-test=\"course-form\""))));
        String designFile = proposed.course().designFile();
        mvc.perform(multipart(page + "/course").file(design(SamplePdf.withText("v2"))).with(as(data.schoolAdmin))
                        .with(csrf())
                        .param("courseName", "课堂观察与议课（修订）").param("courseType", "LESSON_OBSERVATION")
                        .param("designedHours", "18").param("outline", ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-outline\""),
                        containsString("课堂观察与议课（修订）"))));
        assertThat(classes.require(proposed.getId()).course().courseName()).isEqualTo("课堂观察与议课");
        assertThat(evidence.ofOrganisation(data.schools.countySchool.getId())).extracting(EvidenceFile::id)
                .containsExactly(designFile);
        // Without a new upload the amendment keeps the design chosen from the school's files.
        mvc.perform(multipart(page + "/course").with(as(data.schoolAdmin)).with(csrf())
                        .param("courseName", "课堂观察与议课（修订）").param("courseType", "LESSON_OBSERVATION")
                        .param("designedHours", "18").param("outline", "四轮听课，附日程").param("designFile", designFile))
                .andExpect(redirectedUrl(page));
        assertThat(classes.require(proposed.getId()).course().designFile()).isEqualTo(designFile);
        assertThat(classes.require(proposed.getId()).course().designedHours()).isEqualByComparingTo("18");
        assertThat(SchoolClassStanding.of(classes, proposed.getId())).isEqualTo("OPEN@UserTask_SchoolCourseReview");
    }

    @Test
    void R01_unregistrableTeachersAreGreyedWithTheReason_andEnrollingOneIsRefusedWithoutWritingAnything() throws Exception {
        SchoolClass opened = openedClass();
        Teacher uncertified = teachers.hire(data.schools.prefix + "U1", "无证教师", "男", data.schools.countySchool.getId(),
                Stage.PRIMARY, "数学", null, LocalDate.of(2020, 9, 1));
        String page = "/school-classes/" + opened.getId();
        String html = mvc.perform(get(page).with(as(data.schoolAdmin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-test=\"enrol-form\"", "data-test=\"check-all\"", "已选 0 人 / 开班人数 10 人");
        String row = html.substring(html.indexOf("data-teacher-id=\"" + uncertified.getId() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("disabled", "无教师资格证书", "R-01");

        String taskBefore = openTask(opened.getId()).id();
        mvc.perform(post(page + "/learners").with(as(data.schoolAdmin)).with(csrf())
                        .param("teacherIds", data.teachers.get(0).getId().toString(), uncertified.getId().toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-teacherIds\""), containsString("（R-01）"),
                        containsString("已选 1 人"))));
        mvc.perform(post(page + "/learners").with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请至少选择一名学员（R-35）")));
        assertThat(classes.learnersOf(opened.getId())).isEmpty();
        assertThat(openTask(opened.getId()).id()).isEqualTo(taskBefore);

        mvc.perform(post(page + "/learners").with(as(data.schoolAdmin)).with(csrf())
                        .param("teacherIds", data.teacherIds().stream().map(String::valueOf).toArray(String[]::new)))
                .andExpect(redirectedUrl(page));
        assertThat(classes.learnersOf(opened.getId())).extracting(ClassLearner::teacherId)
                .containsExactlyElementsOf(data.teacherIds());
        assertThat(SchoolClassStanding.of(classes, opened.getId())).isEqualTo("OPEN@UserTask_CountyEnrolmentReview");
    }

    @Test
    void R14_moreThanTenPercentExcellentIsRefusedOnThePage_andAcceptedGradesMoveToTheSchoolsReview() throws Exception {
        SchoolClass graded = classToGrade();
        String page = "/school-classes/" + graded.getId();
        mvc.perform(get(page).with(as(data.schoolAdmin)))
                .andExpect(content().string(allOf(containsString("data-test=\"grade-form\""),
                        containsString("优秀 0 人 / 上限 1 人（R-14）"))));
        String taskBefore = openTask(graded.getId()).id();
        MockHttpServletRequestBuilder twoExcellent = grades(graded, 2);
        mvc.perform(twoExcellent.with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"error-grades\""),
                        containsString("优秀学员 2 名超过全班 10 名的10%，最多 1 名（R-14）"),
                        containsString("优秀 2 人 / 上限 1 人（R-14）"))));
        assertThat(classes.learnersOf(graded.getId())).allMatch(learner -> learner.grade() == null);
        assertThat(openTask(graded.getId()).id()).isEqualTo(taskBefore);

        mvc.perform(grades(graded, 1).with(as(data.schoolAdmin)).with(csrf())).andExpect(redirectedUrl(page));
        assertThat(classes.learnersOf(graded.getId())).extracting(ClassLearner::grade)
                .containsOnly(Grade.EXCELLENT, Grade.PASS).contains(Grade.EXCELLENT);
        assertThat(SchoolClassStanding.of(classes, graded.getId())).isEqualTo("OPEN@UserTask_SchoolGradeReview");
    }

    @Test
    void R17_R01_afterCreditingEveryLearnersHoursOrTheRefusalIsInTheTable() throws Exception {
        SchoolClass graded = classToGrade();
        mvc.perform(grades(graded, 1).with(as(data.schoolAdmin)).with(csrf())).andExpect(status().is3xxRedirection());
        decide(graded, data.schoolAdmin, Decision.APPROVE, null);
        decide(graded, data.countyReviewer, Decision.APPROVE, null);
        Teacher leaver = data.teachers.get(9);
        teachers.leavePost(leaver.getId(), LocalDate.now(clock));
        management.executeJob(management.createJobQuery().processInstanceId(graded.processInstanceId()).singleResult()
                .getId());

        String html = mvc.perform(get("/school-classes/" + graded.getId()).with(as(data.countyReviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("学时已登记", "data-test=\"closed\"");
        String credited = learnerRow(html, data.teachers.get(1));
        assertThat(credited).contains("data-test=\"learner-hours\">16<");
        String refused = learnerRow(html, leaver);
        assertThat(refused).contains("data-test=\"learner-hours\">—<", "（R-01）");
        assertThat(ledger.entriesOf(leaver.getId())).noneMatch(e -> ("schoolBasedClass/" + graded.getId()).equals(e.sourceRef()));
    }

    @Test
    void R40_theWorkbenchLinksASchoolClassTaskToItsCasePage() throws Exception {
        SchoolClass proposed = propose();
        mvc.perform(get("/tasks").param("task", openTask(proposed.getId()).id()).with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"case-page\""),
                        containsString("href=\"/school-classes/" + proposed.getId() + "\""))));
    }

    private static String learnerRow(String html, Teacher learner) {
        String row = html.substring(html.indexOf("data-test=\"learner\" data-teacher-id=\"" + learner.getId() + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }

    private MockHttpServletRequestBuilder plan(SchoolClass schoolClass, LocalDate start) {
        return plan(schoolClass, start, data.planToday().className(), "10");
    }

    private MockHttpServletRequestBuilder plan(SchoolClass schoolClass, LocalDate start, String className,
                                               String headcount) {
        ClassPlan p = data.planToday();
        return post("/school-classes/" + schoolClass.getId() + "/class-plan").param("className", className)
                .param("organiser", p.organiser()).param("address", p.address()).param("lecturer", p.lecturer())
                .param("headTeacher", p.headTeacher()).param("headTeacherPhone", p.headTeacherPhone())
                .param("enrolmentStart", start.toString()).param("enrolmentEnd", start.toString())
                .param("studyStart", start.toString()).param("studyEnd", start.toString())
                .param("headcount", headcount).param("classTime", p.classTime());
    }

    /** Every learner's grade: the first {@code excellent} are excellent, the rest pass. */
    private MockHttpServletRequestBuilder grades(SchoolClass schoolClass, int excellent) {
        MockHttpServletRequestBuilder request = post("/school-classes/" + schoolClass.getId() + "/grades");
        List<Long> ids = data.teacherIds();
        for (int i = 0; i < ids.size(); i++) {
            request.param("grade-" + ids.get(i), i < excellent ? "EXCELLENT" : "PASS");
        }
        return request;
    }

    private static MockMultipartFile design(byte[] content) {
        return new MockMultipartFile("design", "课程方案.pdf", "application/pdf", content);
    }

    /** The new-course form as the school fills it in, without the design document. */
    private MockHttpServletRequestBuilder newCourse(MockMultipartFile... files) {
        var request = multipart("/school-classes");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return request.with(as(data.schoolAdmin)).with(csrf())
                .param("courseName", "课堂观察").param("courseType", "LESSON_OBSERVATION")
                .param("designedHours", "16").param("outline", "三轮听课，附观察量表");
    }

    private SchoolClass propose() {
        return classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
    }

    private SchoolClass approvedCourse() {
        SchoolClass proposed = propose();
        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        decide(proposed, data.countyReviewer, Decision.APPROVE, null);
        return proposed;
    }

    private SchoolClass openedClass() {
        SchoolClass approved = approvedCourse();
        classes.planClass(approved.getId(), data.schoolAdmin, data.planToday());
        decide(approved, data.countyReviewer, Decision.APPROVE, null);
        return approved;
    }

    /** Enrolled and approved, the study ended (its timer executed): at the school's grading. */
    private SchoolClass classToGrade() {
        SchoolClass opened = openedClass();
        classes.enrol(opened.getId(), data.schoolAdmin, data.teacherIds());
        decide(opened, data.countyReviewer, Decision.APPROVE, null);
        management.executeJob(management.createJobQuery().processInstanceId(opened.processInstanceId())
                .activityId("IntermediateCatchEvent_StudyEnded").singleResult().getId());
        return classes.require(opened.getId());
    }

    private void decide(SchoolClass schoolClass, CurrentAccount account, Decision decision, String comment) {
        tasks.decide(openTask(schoolClass.getId()).id(), account, decision, comment);
    }

    private CaseTask openTask(Long id) {
        return classes.openTask(id).orElseThrow();
    }

    private static RequestPostProcessor as(CurrentAccount account) {
        return user(account.username()).roles(account.role().name());
    }
}
