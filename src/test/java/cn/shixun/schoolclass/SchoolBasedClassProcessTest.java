package cn.shixun.schoolclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.schoolclass.process.SchoolClassProcess;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import cn.shixun.evidence.EvidenceFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The {@code schoolBasedClass} process (R-35) on the in-memory engine: the happy path, then each detour. */
@SpringBootTest
class SchoolBasedClassProcessTest {

    @Autowired Clock clock;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired SchoolClasses classes;
    @Autowired CaseTasks tasks;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;

    SchoolClassFixture data;

    @BeforeEach
    void setUp() {
        init(engine);
        data = new SchoolClassFixture(organisations, teachers, accounts, evidence, "kunming-2015", LocalDate.now(clock));
    }

    @Test
    void R35_R14_courseClassLearnersAndGradesAreApprovedByTheSchoolAndTheCounty_andTheHoursCredited() {
        SchoolClass proposed = classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
        ProcessInstance instance = instanceOf(proposed);
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(proposed.getId()));
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.SCHOOL_COURSE_REVIEW);
        BpmnAwareTests.assertThat(BpmnAwareTests.task(instance))
                .hasCandidateGroup("school-admin:" + data.schools.countySchool.code());

        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.COUNTY_COURSE_REVIEW);
        BpmnAwareTests.assertThat(BpmnAwareTests.task(instance))
                .hasCandidateGroup("county-reviewer:" + data.schools.district.code());
        decide(proposed, data.countyReviewer, Decision.APPROVE, null);
        assertThat(standing(proposed)).isEqualTo("OPEN@UserTask_PlanClass");

        classes.planClass(proposed.getId(), data.schoolAdmin, data.planToday());
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.OPENING_REVIEW);
        decide(proposed, data.countyReviewer, Decision.APPROVE, "同意开班");

        classes.enrol(proposed.getId(), data.schoolAdmin, data.teacherIds());
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.ENROLMENT_REVIEW);
        decide(proposed, data.countyReviewer, Decision.APPROVE, null);
        assertThat(standing(proposed)).isEqualTo("OPEN@");
        BpmnAwareTests.assertThat(instance).isWaitingAt("IntermediateCatchEvent_StudyEnded");

        Job studyEnded = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("IntermediateCatchEvent_StudyEnded").singleResult();
        assertThat(studyEnded.getDuedate().toInstant())
                .isEqualTo(LocalDate.now(clock).plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        management.executeJob(studyEnded.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.GRADE);
        assertThat(standing(proposed)).isEqualTo("OPEN@UserTask_Grade");

        Map<Long, Grade> grades = gradesWith(1);
        grades.put(data.teachers.get(9).getId(), Grade.FAIL);
        classes.grade(proposed.getId(), data.schoolAdmin, grades);
        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        decide(proposed, data.countyReviewer, Decision.APPROVE, "成绩属实");
        assertThat(standing(proposed)).isEqualTo("OPEN@");
        BpmnAwareTests.execute(BpmnAwareTests.job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_HoursCredited");
        assertThat(standing(proposed)).isEqualTo("CREDITED");
        LedgerEntry excellent = entryOf(data.teachers.get(0));
        assertThat(excellent.hours()).as("R-14: 125%% of 16").isEqualByComparingTo("20");
        assertThat(excellent.decidedBy()).isEqualTo(data.countyReviewer.username());
        assertThat(excellent.sourceRef()).isEqualTo("schoolBasedClass/" + proposed.getId());
        assertThat(entryOf(data.teachers.get(1)).hours()).isEqualByComparingTo("16");
        assertThat(ledger.entriesOf(data.teachers.get(9).getId())).as("a failed learner earns nothing").isEmpty();
        assertThat(classes.learnersOf(proposed.getId())).filteredOn(l -> l.ledgerEntryId() != null).hasSize(9);
        assertThat(classes.history(proposed.getId())).extracting(CaseEvent::taskKey, CaseEvent::outcome).containsExactly(
                tuple(null, CaseOutcome.SUBMITTED),
                tuple(SchoolClassProcess.SCHOOL_COURSE_REVIEW, CaseOutcome.APPROVED),
                tuple(SchoolClassProcess.COUNTY_COURSE_REVIEW, CaseOutcome.APPROVED),
                tuple(SchoolClassProcess.PLAN_CLASS, CaseOutcome.SUBMITTED),
                tuple(SchoolClassProcess.OPENING_REVIEW, CaseOutcome.APPROVED),
                tuple(SchoolClassProcess.ENROL, CaseOutcome.SUBMITTED),
                tuple(SchoolClassProcess.ENROLMENT_REVIEW, CaseOutcome.APPROVED),
                tuple(SchoolClassProcess.GRADE, CaseOutcome.SUBMITTED),
                tuple(SchoolClassProcess.SCHOOL_GRADE_REVIEW, CaseOutcome.APPROVED),
                tuple(SchoolClassProcess.COUNTY_GRADE_REVIEW, CaseOutcome.APPROVED),
                tuple(null, CaseOutcome.COMPLETED));
    }

    @Test
    void R35_R40_eachReturnGoesBackToTheSchoolsStep_andTheResubmissionIsReviewedAgain() {
        SchoolClass proposed = classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
        ProcessInstance instance = instanceOf(proposed);
        decide(proposed, data.schoolAdmin, Decision.RETURN, "课程简介过于简略");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.AMEND_COURSE);
        assertThat(standing(proposed)).isEqualTo("OPEN@UserTask_AmendCourse");
        CourseDesign better = new CourseDesign("课堂观察与议课", CourseType.LESSON_OBSERVATION, new java.math.BigDecimal("12"),
                "三轮听课、评课、议课，每轮4学时，附观察量表。", data.designOf(data.schools.countySchool.getId()));
        classes.amendCourse(proposed.getId(), data.schoolAdmin, better);
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.SCHOOL_COURSE_REVIEW);
        assertThat(classes.require(proposed.getId()).course().designedHours()).isEqualByComparingTo("12");

        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        decide(proposed, data.countyReviewer, Decision.RETURN, "学时安排不合理");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.AMEND_COURSE);
        classes.amendCourse(proposed.getId(), data.schoolAdmin, better);
        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        decide(proposed, data.countyReviewer, Decision.APPROVE, null);

        classes.planClass(proposed.getId(), data.schoolAdmin, data.planToday());
        decide(proposed, data.countyReviewer, Decision.RETURN, "请注明上课地址");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.PLAN_CLASS);
        classes.planClass(proposed.getId(), data.schoolAdmin, data.planToday());
        decide(proposed, data.countyReviewer, Decision.APPROVE, null);

        classes.enrol(proposed.getId(), data.schoolAdmin, data.teacherIds().subList(0, 3));
        decide(proposed, data.countyReviewer, Decision.RETURN, "人数不足");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.ENROL);
        classes.enrol(proposed.getId(), data.schoolAdmin, data.teacherIds());
        assertThat(classes.learnersOf(proposed.getId())).hasSize(10);
        decide(proposed, data.countyReviewer, Decision.APPROVE, null);
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("IntermediateCatchEvent_StudyEnded").singleResult().getId());

        classes.grade(proposed.getId(), data.schoolAdmin, gradesWith(1));
        decide(proposed, data.schoolAdmin, Decision.RETURN, "请核对成绩");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.GRADE);
        classes.grade(proposed.getId(), data.schoolAdmin, gradesWith(0));
        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        decide(proposed, data.countyReviewer, Decision.RETURN, "缺少签到表");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.GRADE);
        assertThat(standing(proposed)).isEqualTo("OPEN@UserTask_Grade");
        assertThat(classes.history(proposed.getId())).filteredOn(e -> e.outcome() == CaseOutcome.RETURNED)
                .extracting(CaseEvent::comment).containsExactly("课程简介过于简略", "学时安排不合理", "请注明上课地址", "人数不足",
                        "请核对成绩", "缺少签到表");
        assertThat(classes.history(proposed.getId())).filteredOn(e -> e.outcome() == CaseOutcome.RESUBMITTED).hasSize(5);
    }

    @Test
    void R35_R40_aRejectionAtAnyCountyStepEndsTheClassWithoutHours_andKeepsWhy() {
        SchoolClass course = classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
        ProcessInstance courseInstance = instanceOf(course);
        decide(course, data.schoolAdmin, Decision.APPROVE, null);
        decide(course, data.countyReviewer, Decision.REJECT, "与区级研修重复");
        BpmnAwareTests.assertThat(courseInstance).isEnded().hasPassed("EndEvent_CourseRejected");
        assertThat(standing(course)).isEqualTo("REJECTED");
        assertThat(classes.require(course.getId()).outcomeReason()).isEqualTo("与区级研修重复");

        SchoolClass opening = classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
        decide(opening, data.schoolAdmin, Decision.APPROVE, null);
        decide(opening, data.countyReviewer, Decision.APPROVE, null);
        classes.planClass(opening.getId(), data.schoolAdmin, data.planToday());
        ProcessInstance openingInstance = instanceOf(opening);
        decide(opening, data.countyReviewer, Decision.REJECT, "场地不符合要求");
        BpmnAwareTests.assertThat(openingInstance).isEnded().hasPassed("EndEvent_ClassRejected");

        SchoolClass school = classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
        ProcessInstance schoolInstance = instanceOf(school);
        decide(school, data.schoolAdmin, Decision.REJECT, "本学期不开设");
        BpmnAwareTests.assertThat(schoolInstance).isEnded().hasPassed("EndEvent_CourseRejectedBySchool");
        assertThat(classes.require(school.getId()).outcomeReason()).isEqualTo("本学期不开设");
        assertThat(data.teachers).allSatisfy(teacher -> assertThat(ledger.entriesOf(teacher.getId())).isEmpty());
    }

    @Test
    void R04_aCityDirectMiddleSchoolsClassIsApprovedByTheCity() {
        CurrentAccount admin = data.adminOf(data.schools.cityMiddleSchool);
        SchoolClass proposed = classes.propose(admin, data.schools.cityMiddleSchool.getId(),
                data.courseAt(data.schools.cityMiddleSchool.getId()));
        decide(proposed, admin, Decision.APPROVE, null);
        ProcessInstance instance = instanceOf(proposed);
        BpmnAwareTests.assertThat(BpmnAwareTests.task(instance))
                .hasCandidateGroup("city-reviewer:" + data.schools.city.code());
        // Another organisation's task is answered like an unknown one (R-04, ADR 0009): its group is not named.
        assertThatThrownBy(() -> decide(proposed, data.countyReviewer, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
        decide(proposed, data.cityReviewer, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.PLAN_CLASS);
    }

    @Test
    void R14_rankingMoreThanTenPercentExcellentIsRefused_andNothingChanges() {
        SchoolClass graded = throughEnrolment();
        assertThatThrownBy(() -> classes.grade(graded.getId(), data.schoolAdmin, gradesWith(2)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("R-14");
                    assertThat(e.field()).isEqualTo("grades");
                });
        BpmnAwareTests.assertThat(instanceOf(graded)).isWaitingAt(SchoolClassProcess.GRADE);
        assertThat(classes.learnersOf(graded.getId())).allSatisfy(learner -> assertThat(learner.grade()).isNull());
    }

    @Test
    void R17_theYearlyCapTrimsALearnersHours_andALearnerWhoLeftPostIsRefusedAlone() {
        Teacher nearCap = data.teachers.get(1);
        LocalDate earlier = LocalDate.of(LocalDate.now(clock).getYear(), 1, 1);
        ledger.register(nearCap.getId(), Claim.of(ClaimKind.SCHOOL_BASED, earlier).title("上学期校本研修").hours("40").build(),
                Evidence.project("earlier-" + data.schools.prefix, "E-" + data.schools.prefix), "school");
        SchoolClass graded = throughEnrolment();
        classes.grade(graded.getId(), data.schoolAdmin, gradesWith(0));
        Teacher leaving = data.teachers.get(2);
        teachers.leavePost(leaving.getId(), LocalDate.now(clock));
        decide(graded, data.schoolAdmin, Decision.APPROVE, null);
        ProcessInstance instance = instanceOf(graded);
        decide(graded, data.countyReviewer, Decision.APPROVE, null);
        BpmnAwareTests.execute(BpmnAwareTests.job(instance));

        assertThat(entryOf(nearCap).hours()).as("R-17: 48 a year in Kunming, 40 already credited").isEqualByComparingTo("8");
        assertThat(entryOf(data.teachers.get(3)).hours()).isEqualByComparingTo("16");
        ClassLearner refused = classes.learnersOf(graded.getId()).stream()
                .filter(learner -> learner.teacherId().equals(leaving.getId())).findFirst().orElseThrow();
        assertThat(refused.ledgerEntryId()).isNull();
        assertThat(refused.creditRefusal()).contains("R-01");
        assertThat(standing(graded)).isEqualTo("CREDITED");
        assertThat(classes.history(graded.getId())).filteredOn(e -> e.outcome() == CaseOutcome.REFUSED)
                .singleElement().satisfies(e -> assertThat(e.comment()).startsWith(leaving.name()));
    }

    @Test
    void R35_anOverdueCountyReviewIsRemindedAndEscalatedToTheCity() {
        SchoolClass proposed = classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        ProcessInstance instance = instanceOf(proposed);
        List<Job> timers = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .orderByJobDuedate().asc().list();
        assertThat(timers).extracting(Job::getJobDefinitionId).hasSize(2);
        timers.forEach(timer -> management.executeJob(timer.getId()));

        CaseTask review = tasks.openTask(SchoolClassProcess.PROCESS_ID, String.valueOf(proposed.getId())).orElseThrow();
        assertThat(review.candidateGroups()).contains("city-reviewer:" + data.schools.city.code());
        assertThat(classes.history(proposed.getId())).extracting(CaseEvent::outcome)
                .endsWith(CaseOutcome.REMINDED, CaseOutcome.ESCALATED);
        decide(proposed, data.cityReviewer, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt(SchoolClassProcess.PLAN_CLASS);
    }

    /** Proposed, approved, planned today, ten learners approved, study ended: waiting for grades. */
    SchoolClass throughEnrolment() {
        SchoolClass proposed = classes.propose(data.schoolAdmin, data.schools.countySchool.getId(), data.course());
        decide(proposed, data.schoolAdmin, Decision.APPROVE, null);
        decide(proposed, data.countyReviewer, Decision.APPROVE, null);
        classes.planClass(proposed.getId(), data.schoolAdmin, data.planToday());
        decide(proposed, data.countyReviewer, Decision.APPROVE, null);
        classes.enrol(proposed.getId(), data.schoolAdmin, data.teacherIds());
        decide(proposed, data.countyReviewer, Decision.APPROVE, null);
        management.executeJob(management.createJobQuery().processInstanceId(instanceOf(proposed).getId())
                .activityId("IntermediateCatchEvent_StudyEnded").singleResult().getId());
        return proposed;
    }

    /** The first {@code excellent} teachers excellent, the others pass. */
    Map<Long, Grade> gradesWith(int excellent) {
        Map<Long, Grade> grades = new HashMap<>();
        for (int i = 0; i < data.teachers.size(); i++) {
            grades.put(data.teachers.get(i).getId(), i < excellent ? Grade.EXCELLENT : Grade.PASS);
        }
        return grades;
    }

    void decide(SchoolClass schoolClass, CurrentAccount account, Decision decision, String comment) {
        CaseTask task = tasks.openTask(SchoolClassProcess.PROCESS_ID, String.valueOf(schoolClass.getId())).orElseThrow();
        tasks.decide(task.id(), account, decision, comment);
    }

    String standing(SchoolClass schoolClass) {
        return SchoolClassStanding.of(classes, schoolClass.getId());
    }

    LedgerEntry entryOf(Teacher teacher) {
        return ledger.entriesOf(teacher.getId()).stream()
                .filter(entry -> entry.sourceRef().startsWith("schoolBasedClass/")).findFirst().orElseThrow();
    }

    /** The running process instance; keep it before the case ends to assert on its history. */
    ProcessInstance instanceOf(SchoolClass schoolClass) {
        return runtime.createProcessInstanceQuery().processInstanceId(schoolClass.processInstanceId()).singleResult();
    }
}
