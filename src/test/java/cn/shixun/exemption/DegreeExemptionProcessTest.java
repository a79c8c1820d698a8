package cn.shixun.exemption;

import cn.shixun.tasks.DeadlineTimers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.HourCategory;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.StepLevel;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The {@code degreeExemption} process on the in-memory engine, worked through the casework as
 * every path (our API, our pages, Tasklist) does: the happy path, then each detour (R-30).
 */
@SpringBootTest
class DegreeExemptionProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired EvidenceFiles evidence;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired DegreeExemptions exemptions;
    @Autowired CaseTasks cases;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    ExemptionFixture data;
    Teacher teacher;
    CurrentAccount applicant;

    @BeforeEach
    void setUp() {
        init(engine);
        data = new ExemptionFixture(organisations, teachers, accounts, evidence, "henan-2016");
        teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        applicant = data.accountOf(teacher);
    }

    @Test
    void R30_R16_schoolThenCountyApproveAndTheDegreeIsRegisteredAsTheCyclesExemption() {
        DegreeExemption applied = apply();
        ProcessInstance instance = instanceOf(applied);
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SchoolReview");
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(applied.getId()));
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("school-admin:" + data.schools.countySchool.code());
        assertThat(Duration.between(Instant.now(), task(instance).getDueDate().toInstant()).toDays()).isBetween(9L, 10L);

        decide(applied, data.schoolAdmin, Decision.APPROVE, "材料齐全");
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_AuthorityReview");
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("county-reviewer:" + data.schools.district.code());
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_AuthorityReview");

        decide(applied, data.countyReviewer, Decision.APPROVE, null);
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@");
        BpmnAwareTests.assertThat(instance).isWaitingAt("ServiceTask_CreditHours");
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Exempted");
        DegreeExemption done = exemptions.require(applied.getId());
        assertThat(done.status()).isEqualTo(ExemptionStatus.EXEMPTED);
        LedgerEntry entry = ledger.require(done.ledgerEntryId());
        assertThat(entry.category()).isEqualTo(HourCategory.DEGREE_EXEMPTION);
        assertThat(entry.hours()).isEqualByComparingTo("360");
        assertThat(entry.decidedBy()).isEqualTo(data.countyReviewer.username());
        assertThat(entry.evidenceNumber()).isEqualTo(done.diploma().certificateNumber());
        assertThat(entry.evidenceFiles()).containsExactly(applied.diploma().diplomaFile());
        assertThat(exemptions.history(applied.getId())).extracting(CaseEvent::taskKey, CaseEvent::outcome,
                CaseEvent::actor, CaseEvent::comment).containsExactly(
                tuple(null, CaseOutcome.SUBMITTED, applicant.username(), null),
                tuple("UserTask_SchoolReview", CaseOutcome.APPROVED, data.schoolAdmin.username(), "材料齐全"),
                tuple("UserTask_AuthorityReview", CaseOutcome.APPROVED, data.countyReviewer.username(), null),
                tuple("ServiceTask_CreditHours", CaseOutcome.COMPLETED, CaseHistory.SYSTEM, entry.explanation()));
    }

    @Test
    void R30_R40_returnedApplicationIsAmendedByTheTeacherAndReviewedAgainKeepingTheOldEvidence() {
        DegreeExemption applied = apply();
        String firstMajor = applied.diploma().major();
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.RETURN, "证书扫描件不清晰");
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Amend");
        BpmnAwareTests.assertThat(task(instance)).isAssignedTo(applicant.username());
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_Amend");

        Diploma corrected = new Diploma("河南大学", applied.diploma().degreeLevel(), "小学教育", true,
                applied.diploma().studyStart(), applied.diploma().studyEnd(), applied.diploma().certificateNumber(),
                StoredEvidence.of(evidence, teacher.getId()));
        exemptions.amend(applied.getId(), applicant, corrected);
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SchoolReview");
        DegreeExemption amended = exemptions.require(applied.getId());
        assertThat(ExemptionStanding.of(exemptions, amended.getId())).isEqualTo("OPEN@UserTask_SchoolReview");
        assertThat(amended.diploma().major()).isEqualTo("小学教育");
        List<CaseEvent> events = exemptions.history(applied.getId());
        assertThat(events).extracting(CaseEvent::outcome).containsExactly(CaseOutcome.SUBMITTED,
                CaseOutcome.RETURNED, CaseOutcome.SUBMITTED, CaseOutcome.RESUBMITTED);
        assertThat(events.get(1).comment()).isEqualTo("证书扫描件不清晰");
        assertThat(events.get(2).comment()).contains(firstMajor, applied.diploma().diplomaFile());
        assertThat(events.get(3).actor()).isEqualTo(applicant.username());

        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        decide(applied, data.countyReviewer, Decision.RETURN, "请补充学位证");
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Amend");
        BpmnAwareTests.assertThat(instance).hasPassedInOrder("UserTask_SchoolReview", "UserTask_Amend",
                "UserTask_SchoolReview", "UserTask_AuthorityReview");
    }

    @Test
    void R30_rejectedBySchoolEndsWithTheReasonAndNoLedgerEntry() {
        DegreeExemption applied = apply();
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.REJECT, "非本人证书");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("UserTask_AuthorityReview");
        DegreeExemption rejected = exemptions.require(applied.getId());
        assertThat(rejected.status()).isEqualTo(ExemptionStatus.REJECTED);
        assertThat(rejected.outcomeReason()).isEqualTo("非本人证书");
        assertThat(ledger.entriesOf(teacher.getId())).isEmpty();
    }

    @Test
    void R30_R04_rejectedByTheAuthorityEnds() {
        DegreeExemption applied = apply();
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        decide(applied, data.countyReviewer, Decision.REJECT, "专业与教育无关");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("UserTask_AuthorityReview", "EndEvent_Rejected");
        assertThat(exemptions.require(applied.getId()).status()).isEqualTo(ExemptionStatus.REJECTED);
        assertThat(ledger.entriesOf(teacher.getId())).isEmpty();
    }

    @Test
    void R04_cityDirectMiddleSchoolTeacherIsReviewedByTheCityCeOffice() {
        assertAuthorityReviewBy(data.schools.cityMiddleSchool, Stage.JUNIOR_MIDDLE, data.cityReviewer,
                "city-reviewer:" + data.schools.city.code());
    }

    @Test
    void R04_cityDirectKindergartenTeacherIsReviewedByTheDistrictWhereItStands() {
        assertAuthorityReviewBy(data.schools.cityKindergarten, Stage.KINDERGARTEN, data.countyReviewer,
                "county-reviewer:" + data.schools.district.code());
    }

    @Test
    void R04_provinceDirectMiddleSchoolTeacherIsReviewedByTheCityCeOffice() {
        assertAuthorityReviewBy(data.schools.provinceMiddleSchool, Stage.SENIOR_HIGH, data.cityReviewer,
                "city-reviewer:" + data.schools.city.code());
    }

    private void assertAuthorityReviewBy(Organisation school, Stage stage, CurrentAccount reviewer, String group) {
        Teacher other = data.teacherAt(school, stage);
        CurrentAccount admin = data.adminOf(school);
        DegreeExemption applied = exemptions.apply(other.getId(), data.usernameOf(other),
                data.diplomaOf(other.getId(), cn.shixun.policy.DegreeLevel.POSTGRADUATE));
        ProcessInstance instance = instanceOf(applied);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("school-admin:" + school.code());
        decide(applied, admin, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup(group);
        CurrentAccount wrongReviewer = reviewer.equals(data.cityReviewer) ? data.countyReviewer : data.cityReviewer;
        // Another organisation's task is answered like an unknown one (R-04, ADR 0009).
        assertThatThrownBy(() -> decide(applied, wrongReviewer, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
        decide(applied, reviewer, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt("ServiceTask_CreditHours");
    }

    @Test
    void R30_R04_overdueSchoolReviewIsRemindedThenEscalatedToTheCounty_whoMayDecide() {
        DegreeExemption applied = apply();
        ProcessInstance instance = instanceOf(applied);
        Job reminder = DeadlineTimers.reminderOf(management, instance.getId(), "UserTask_SchoolReview");
        Job overdue = DeadlineTimers.escalationOf(management, instance.getId(), "UserTask_SchoolReview");
        assertThat(Duration.between(Instant.now(), reminder.getDuedate().toInstant()).toDays()).isBetween(6L, 7L);
        assertThat(Duration.between(Instant.now(), overdue.getDuedate().toInstant()).toDays()).isBetween(9L, 10L);

        execute(reminder);
        assertThat(cases.worklist(data.countyReviewer, DegreeExemptionProcess.PROCESS_ID, 0, 50)).isEmpty();
        execute(overdue);

        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SchoolReview");
        assertThat(exemptions.history(applied.getId())).extracting(CaseEvent::outcome, CaseEvent::actor)
                .containsExactly(tuple(CaseOutcome.SUBMITTED, applicant.username()),
                        tuple(CaseOutcome.REMINDED, CaseHistory.SYSTEM), tuple(CaseOutcome.ESCALATED, CaseHistory.SYSTEM));
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_SchoolReview");
        assertThat(cases.worklist(data.countyReviewer, DegreeExemptionProcess.PROCESS_ID, 0, 50)).extracting(CaseTask::caseId)
                .containsExactly(String.valueOf(applied.getId()));

        decide(applied, data.countyReviewer, Decision.APPROVE, "学校逾期，由区审核");
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_AuthorityReview");
    }

    @Test
    void R30_anOverdueAmendmentIsRemindedAndRecorded_andStaysWithTheTeacher() {
        DegreeExemption applied = apply();
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.RETURN, "请补充学位证");
        execute(DeadlineTimers.reminderOf(management, instance.getId(), "UserTask_Amend"));
        execute(DeadlineTimers.escalationOf(management, instance.getId(), "UserTask_Amend"));

        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Amend");
        BpmnAwareTests.assertThat(task(instance)).isAssignedTo(applicant.username());
        List<CaseEvent> events = exemptions.history(applied.getId());
        assertThat(events).extracting(CaseEvent::outcome).endsWith(CaseOutcome.REMINDED, CaseOutcome.OVERDUE);
    }

    @Test
    void R16_creditRefusedByTheTeachersProfileEndsVisiblyThroughTheBpmnError() {
        ExemptionFixture kunming = new ExemptionFixture(organisations, teachers, accounts, evidence, "kunming-2015");
        Teacher kmTeacher = kunming.teacherAt(kunming.schools.countySchool, Stage.PRIMARY);
        DegreeExemption applied = exemptions.apply(kmTeacher.getId(), kunming.usernameOf(kmTeacher),
                kunming.diplomaOf(kmTeacher.getId()));
        ProcessInstance instance = instanceOf(applied);
        decide(applied, kunming.schoolAdmin, Decision.APPROVE, null);
        decide(applied, kunming.countyReviewer, Decision.APPROVE, null);

        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CreditRefused").hasNotPassed("EndEvent_Exempted");
        DegreeExemption refused = exemptions.require(applied.getId());
        assertThat(refused.status()).isEqualTo(ExemptionStatus.CREDIT_REFUSED);
        assertThat(refused.outcomeReason()).contains("R-21");
        assertThat(refused.ledgerEntryId()).isNull();
        assertThat(ledger.entriesOf(kmTeacher.getId())).isEmpty();
        List<CaseEvent> events = exemptions.history(applied.getId());
        assertThat(events.get(events.size() - 1).outcome()).isEqualTo(CaseOutcome.REFUSED);
        assertThat(events.get(events.size() - 1).comment()).isEqualTo(refused.outcomeReason());
    }

    @Test
    void R30_aDecisionOnACompletedReviewOrByTheWrongGroupIsRefusedAndChangesNothing() {
        DegreeExemption applied = apply();
        String reviewId = exemptions.openTask(applied.getId()).orElseThrow().id();
        // Another organisation's task is answered like an unknown one (R-04, ADR 0009): its group is not named.
        assertThatThrownBy(() -> cases.decide(reviewId, data.countyReviewer, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> cases.decide(reviewId, applicant, Decision.APPROVE, null))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> cases.decide(reviewId, data.schoolAdmin, Decision.RETURN, " "))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("comment"));
        assertThat(exemptions.history(applied.getId())).hasSize(1);
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_SchoolReview");

        cases.decide(reviewId, data.schoolAdmin, Decision.REJECT, "不符合条件");
        assertThatThrownBy(() -> cases.decide(reviewId, data.schoolAdmin, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT));
        assertThatThrownBy(() -> exemptions.amend(applied.getId(), applicant, ExemptionFixture.diploma()))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT));
        assertThat(exemptions.history(applied.getId())).hasSize(2);
    }

    @Test
    void R04_onlyTheApplicantMayAmend_andBadEvidenceChangesNothing() {
        DegreeExemption applied = apply();
        decide(applied, data.schoolAdmin, Decision.RETURN, "请补充学位证");
        Teacher colleague = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        assertThatThrownBy(() -> exemptions.amend(applied.getId(), data.accountOf(colleague), ExemptionFixture.diploma()))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.ruleId()).isEqualTo("R-04"));
        Diploma d = ExemptionFixture.diploma();
        assertThatThrownBy(() -> exemptions.amend(applied.getId(), applicant, new Diploma(d.institution(),
                d.degreeLevel(), d.major(), true, d.studyStart(), d.studyEnd(), d.certificateNumber(), " ")))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("diplomaFile"));

        DegreeExemption unchanged = exemptions.require(applied.getId());
        assertThat(ExemptionStanding.of(exemptions, unchanged.getId())).isEqualTo("OPEN@UserTask_Amend");
        assertThat(unchanged.diploma()).isEqualTo(applied.diploma());
        assertThat(exemptions.history(applied.getId())).hasSize(2);
    }

    @Test
    void R40_aReviewCompletedInTheEngineDirectly_likeTasklist_isCheckedRecordedAndMovesTheApplication() {
        DegreeExemption applied = apply();
        ProcessInstance instance = instanceOf(applied);
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("decision", "APPROVE")))
                .rootCause().isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.ruleId()).isEqualTo("R-40"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SchoolReview");
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_SchoolReview");

        identity.setAuthentication(data.schoolAdmin.username(),
                List.of("school-admin:" + data.schools.countySchool.code()));
        try {
            engine.getTaskService().complete(taskId, Map.of("decision", "RETURN", "comment", "扫描件缺页"));
        } finally {
            identity.clearAuthentication();
        }
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Amend");
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_Amend");
        assertThat(exemptions.history(applied.getId()).get(1)).satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(CaseOutcome.RETURNED);
            assertThat(event.comment()).isEqualTo("扫描件缺页");
            assertThat(event.actor()).isEqualTo(data.schoolAdmin.username());
        });
    }

    @Test
    void R04_theStepsOfSeveralApplicationsAreReadInOneGo_eachAsItsOwnReadSays() {
        DegreeExemption atSchool = apply();
        DegreeExemption atAuthority = apply();
        decide(atAuthority, data.schoolAdmin, Decision.APPROVE, null);
        DegreeExemption returned = apply();
        decide(returned, data.schoolAdmin, Decision.RETURN, "请补充学位证");
        DegreeExemption rejected = apply();
        decide(rejected, data.schoolAdmin, Decision.REJECT, "不符合条件");
        List<Long> ids = java.util.stream.Stream.of(atSchool, atAuthority, returned, rejected)
                .map(DegreeExemption::getId).toList();

        Map<Long, CaseProgress> read = cases.progressOf(DegreeExemptionProcess.PROCESS_ID, ids);

        assertThat(read).containsOnlyKeys(ids);
        for (Long id : ids) {
            assertThat(read.get(id)).as("application " + id).isEqualTo(exemptions.progress(id));
        }
        assertThat(read.get(ids.get(0)).label()).isEqualTo("学校审核中");
        assertThat(read.get(ids.get(1)).openSteps()).extracting(CaseProgress.OpenStep::level)
                .containsExactly(StepLevel.COUNTY);
        assertThat(read.get(ids.get(2)).awaitsSubmission()).isTrue();
        assertThat(read.get(ids.get(3)).openSteps()).isEmpty();
    }

    private DegreeExemption apply() {
        return exemptions.apply(teacher.getId(), applicant.username(), data.diplomaOf(teacher.getId()));
    }

    private void decide(DegreeExemption exemption, CurrentAccount reviewer, Decision decision, String comment) {
        cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), reviewer, decision, comment);
    }

    private Job timer(ProcessInstance instance, String boundaryEvent) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(boundaryEvent)
                .singleResult();
    }

    private ProcessInstance instanceOf(DegreeExemption exemption) {
        return runtime.createProcessInstanceQuery().processInstanceId(exemption.processInstanceId()).singleResult();
    }
}
