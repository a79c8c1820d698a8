package cn.shixun.schoolclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.schoolclass.process.SchoolClassProcess;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Every refusal of the school-based class procedure names the field and the rule, and changes nothing. */
@SpringBootTest
class R35SchoolClassRefusalTest {

    @Autowired Clock clock;
    @Autowired SchoolClasses classes;
    @Autowired CaseTasks tasks;
    @Autowired TaskService taskService;
    @Autowired IdentityService identity;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;

    SchoolClassFixture data;

    @BeforeEach
    void setUp() {
        data = new SchoolClassFixture(organisations, teachers, accounts, evidence, "kunming-2015", LocalDate.now(clock));
    }

    @Test
    void R35_onlyTheSchoolsOwnAdministratorProposes() {
        Long school = data.schools.countySchool.getId();
        refused(() -> classes.propose(data.countyReviewer, school, data.course()), "R-35", "schoolId");
        CurrentAccount teacher = accounts.createTeacherAccount(data.schools.prefix + ".t", "secret-123",
                data.teachers.get(0).getId());
        refused(() -> classes.propose(teacher, school, data.course()), "R-35", "schoolId");
        CurrentAccount otherAdmin = data.adminOf(data.schools.cityMiddleSchool);
        refused(() -> classes.propose(otherAdmin, school, data.course()), "R-35", "schoolId");
        refused(() -> classes.propose(data.schoolAdmin, data.schools.district.getId(), data.course()),
                null, "schoolId");
        assertThat(tasks.worklist(data.schoolAdmin, SchoolClassProcess.PROCESS_ID, 0, 10)).isEmpty();
    }

    @Test
    void R35_aCourseNeedsEveryFieldAndSensibleHours() {
        Long school = data.schools.countySchool.getId();
        CourseDesign c = data.course();
        refused(() -> classes.propose(data.schoolAdmin, school, new CourseDesign(" ", c.courseType(), c.designedHours(),
                c.outline(), c.designFile())), "R-35", "courseName");
        refused(() -> classes.propose(data.schoolAdmin, school, new CourseDesign(c.courseName(), null, c.designedHours(),
                c.outline(), c.designFile())), "R-35", "courseType");
        for (String hours : List.of("0", "-4", "361", "2.25")) {
            refused(() -> classes.propose(data.schoolAdmin, school, new CourseDesign(c.courseName(), c.courseType(),
                    new BigDecimal(hours), c.outline(), c.designFile())), "R-35", "designedHours");
        }
        refused(() -> classes.propose(data.schoolAdmin, school, new CourseDesign(c.courseName(), c.courseType(),
                c.designedHours(), "x".repeat(2001), c.designFile())), "R-35", "outline");
        refused(() -> classes.propose(data.schoolAdmin, school, new CourseDesign(c.courseName(), c.courseType(),
                c.designedHours(), c.outline(), null)), "R-35", "designFile");
        assertThat(tasks.worklist(data.schoolAdmin, SchoolClassProcess.PROCESS_ID, 0, 10)).isEmpty();
    }

    @Test
    void R40_theDesignFileMustBeTheSchoolsOwnEvidenceFile_aTextReferenceATeachersOrAnotherSchoolsFileIsRefused() {
        Long school = data.schools.countySchool.getId();
        CourseDesign c = data.course();
        List<String> notTheSchools = List.of("files/course-design.pdf", "00000000-0000-4000-8000-000000000000",
                data.designOf(data.schools.cityMiddleSchool.getId()),
                StoredEvidence.of(evidence, data.teachers.get(0).getId()));
        for (String file : notTheSchools) {
            refused(() -> classes.propose(data.schoolAdmin, school, new CourseDesign(c.courseName(), c.courseType(),
                    c.designedHours(), c.outline(), file)), "R-40", "designFile");
        }
        assertThat(tasks.worklist(data.schoolAdmin, SchoolClassProcess.PROCESS_ID, 0, 10)).isEmpty();
    }

    @Test
    void R35_aClassPlanNeedsEveryFieldDatesInOrderAndMustNotHaveStarted() {
        SchoolClass approved = approvedCourse();
        ClassPlan p = data.planToday();
        LocalDate today = LocalDate.now(clock);
        refused(() -> plan(approved, new ClassPlan(p.className(), p.organiser(), p.address(), " ", p.headTeacher(),
                p.headTeacherPhone(), p.enrolmentStart(), p.enrolmentEnd(), p.studyStart(), p.studyEnd(), p.headcount(),
                p.classTime())), "R-35", "lecturer");
        refused(() -> plan(approved, new ClassPlan(p.className(), p.organiser(), p.address(), p.lecturer(), p.headTeacher(),
                "call me", p.enrolmentStart(), p.enrolmentEnd(), p.studyStart(), p.studyEnd(), p.headcount(),
                p.classTime())), "R-35", "headTeacherPhone");
        refused(() -> plan(approved, new ClassPlan(p.className(), p.organiser(), p.address(), p.lecturer(), p.headTeacher(),
                p.headTeacherPhone(), today, today, today.plusDays(3), today.plusDays(2), p.headcount(), p.classTime())),
                "R-35", "studyEnd");
        refused(() -> plan(approved, new ClassPlan(p.className(), p.organiser(), p.address(), p.lecturer(), p.headTeacher(),
                p.headTeacherPhone(), today, today.plusDays(5), today, today.plusDays(2), p.headcount(), p.classTime())),
                "R-35", "enrolmentEnd");
        refused(() -> plan(approved, new ClassPlan(p.className(), p.organiser(), p.address(), p.lecturer(), p.headTeacher(),
                p.headTeacherPhone(), today.minusDays(9), today.minusDays(8), today.minusDays(7), today, p.headcount(),
                p.classTime())), "R-35", "studyStart");
        refused(() -> plan(approved, new ClassPlan(p.className(), p.organiser(), p.address(), p.lecturer(), p.headTeacher(),
                p.headTeacherPhone(), p.enrolmentStart(), p.enrolmentEnd(), p.studyStart(), p.studyEnd(), 0,
                p.classTime())), "R-35", "headcount");
        assertThat(classes.require(approved.getId()).plan()).isNull();
        assertThat(SchoolClassStanding.of(classes, approved.getId())).isEqualTo("OPEN@UserTask_PlanClass");
    }

    @Test
    void R35_R01_onlyTheSchoolsRegistrableTeachersEnrol_withinTheHeadcount() {
        SchoolClass opened = openedClass();
        Teacher foreign = data.schools.teacherAt(data.schools.cityMiddleSchool, Stage.JUNIOR_MIDDLE);
        Teacher uncertified = teachers.hire(data.schools.prefix + "U1", "无证教师", "男", data.schools.countySchool.getId(),
                Stage.PRIMARY, "数学", null, LocalDate.of(2020, 9, 1));
        Long first = data.teachers.get(0).getId();
        refused(() -> classes.enrol(opened.getId(), data.schoolAdmin, List.of()), "R-35", "teacherIds");
        refused(() -> classes.enrol(opened.getId(), data.schoolAdmin, List.of(first, first)), "R-35", "teacherIds");
        refused(() -> classes.enrol(opened.getId(), data.schoolAdmin, List.of(first, foreign.getId())), "R-35", "teacherIds");
        refused(() -> classes.enrol(opened.getId(), data.schoolAdmin, List.of(first, uncertified.getId())), "R-01", null);
        refused(() -> classes.enrol(opened.getId(), data.schoolAdmin, List.of(first, 987654321L)), null, "teacherIds");
        List<Long> eleven = new ArrayList<>(data.teacherIds());
        eleven.add(data.schools.teacherAt(data.schools.countySchool, Stage.PRIMARY).getId());
        refused(() -> classes.enrol(opened.getId(), data.schoolAdmin, eleven), "R-35", "teacherIds");
        assertThat(classes.learnersOf(opened.getId())).isEmpty();
        assertThat(SchoolClassStanding.of(classes, opened.getId())).isEqualTo("OPEN@UserTask_Enrol");
    }

    @Test
    void R35_aStepThatIsNotOpen_orSomeoneElsesStep_isRefused() {
        SchoolClass proposed = classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
        refused(() -> plan(proposed, data.planToday()), "R-35", "id");
        refused(() -> classes.enrol(proposed.getId(), data.schoolAdmin, data.teacherIds()), "R-35", "id");
        SchoolClass approved = approvedCourse();
        CurrentAccount otherAdmin = data.adminOf(data.schools.cityMiddleSchool);
        assertThatThrownBy(() -> classes.planClass(approved.getId(), otherAdmin, data.planToday()))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
        assertThat(classes.require(approved.getId()).plan()).isNull();
    }

    @Test
    void R35_completingTheClassPlanInTasklistWithoutAPlanIsRefused() {
        SchoolClass approved = approvedCourse();
        CaseTask planTask = tasks.openTask(SchoolClassProcess.PROCESS_ID, String.valueOf(approved.getId())).orElseThrow();
        identity.setAuthentication(data.schoolAdmin.username(), List.of("school-admin:" + data.schools.countySchool.code()));
        try {
            assertThatThrownBy(() -> taskService.complete(planTask.id())).hasMessageContaining("请先在师训系统中填写");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.openTask(SchoolClassProcess.PROCESS_ID, String.valueOf(approved.getId())).orElseThrow().id())
                .isEqualTo(planTask.id());
    }

    SchoolClass approvedCourse() {
        SchoolClass proposed = classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
        decide(proposed, data.schoolAdmin);
        decide(proposed, data.countyReviewer);
        return proposed;
    }

    SchoolClass openedClass() {
        SchoolClass approved = approvedCourse();
        plan(approved, data.planToday());
        decide(approved, data.countyReviewer);
        return approved;
    }

    void plan(SchoolClass schoolClass, ClassPlan plan) {
        classes.planClass(schoolClass.getId(), data.schoolAdmin, plan);
    }

    void decide(SchoolClass schoolClass, CurrentAccount account) {
        CaseTask task = tasks.openTask(SchoolClassProcess.PROCESS_ID, String.valueOf(schoolClass.getId())).orElseThrow();
        tasks.decide(task.id(), account, Decision.APPROVE, null);
    }

    static void refused(ThrowingCallable action, String ruleId, String field) {
        assertThatThrownBy(action).isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
            if (ruleId != null) {
                assertThat(refusal.ruleId()).isEqualTo(ruleId);
            }
            if (field != null) {
                assertThat(refusal.field()).isEqualTo(field);
            }
        });
    }
}
