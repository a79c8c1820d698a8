package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.shixun.exemption.ExemptionEvent.Outcome;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.HourCategory;
import cn.shixun.security.Accounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
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

/** The {@code degreeExemption} process on the in-memory engine: the happy path, then each detour. */
@SpringBootTest
class DegreeExemptionProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired DegreeExemptions exemptions;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    ExemptionFixture data;
    Teacher teacher;
    String applicant;

    @BeforeEach
    void setUp() {
        init(engine);
        data = new ExemptionFixture(organisations, teachers, accounts, "henan-2016");
        teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        applicant = data.usernameOf(teacher);
    }

    @Test
    void R30_R16_schoolThenCountyApproveAndTheDegreeIsRegisteredAsTheCyclesExemption() {
        DegreeExemption applied = exemptions.apply(teacher.getId(), applicant, ExemptionFixture.diploma());
        ProcessInstance instance = instanceOf(applied);
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SchoolReview");
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(applied.getId()));
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("school-admin:" + data.schools.countySchool.code());
        assertThat(Duration.between(Instant.now(), task(instance).getDueDate().toInstant()).toDays()).isBetween(9L, 10L);

        exemptions.decide(applied.getId(), data.schoolAdmin, Decision.APPROVE, "材料齐全");
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_AuthorityReview");
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("county-reviewer:" + data.schools.district.code());

        exemptions.decide(applied.getId(), data.countyReviewer, Decision.APPROVE, null);
        assertThat(exemptions.require(applied.getId()).status()).isEqualTo(ExemptionStatus.CREDITING);
        BpmnAwareTests.assertThat(instance).isWaitingAt("ServiceTask_CreditHours");
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Exempted");
        DegreeExemption done = exemptions.require(applied.getId());
        assertThat(done.status()).isEqualTo(ExemptionStatus.EXEMPTED);
        LedgerEntry entry = ledger.require(done.ledgerEntryId());
        assertThat(entry.category()).isEqualTo(HourCategory.DEGREE_EXEMPTION);
        assertThat(entry.hours()).isEqualByComparingTo("360");
        assertThat(entry.decidedBy()).isEqualTo(data.countyReviewer);
        assertThat(entry.evidenceNumber()).isEqualTo(done.diploma().certificateNumber());
        assertThat(entry.evidenceFiles()).containsExactly("files/diploma.pdf");
        assertThat(exemptions.history(applied.getId())).extracting(ExemptionEvent::step, ExemptionEvent::outcome,
                ExemptionEvent::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ExemptionStep.APPLICATION, Outcome.SUBMITTED, applicant),
                org.assertj.core.groups.Tuple.tuple(ExemptionStep.SCHOOL_REVIEW, Outcome.APPROVE, data.schoolAdmin),
                org.assertj.core.groups.Tuple.tuple(ExemptionStep.AUTHORITY_REVIEW, Outcome.APPROVE, data.countyReviewer),
                org.assertj.core.groups.Tuple.tuple(ExemptionStep.CREDIT, Outcome.REGISTERED, "system"));
    }

    @Test
    void R30_R40_returnedApplicationIsAmendedByTheTeacherAndReviewedAgainKeepingTheOldEvidence() {
        DegreeExemption applied = exemptions.apply(teacher.getId(), applicant, ExemptionFixture.diploma());
        String firstMajor = applied.diploma().major();
        ProcessInstance instance = instanceOf(applied);
        exemptions.decide(applied.getId(), data.schoolAdmin, Decision.RETURN, "证书扫描件不清晰");
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Amend");
        BpmnAwareTests.assertThat(task(instance)).isAssignedTo(applicant);
        assertThat(exemptions.require(applied.getId()).status()).isEqualTo(ExemptionStatus.RETURNED);

        Diploma corrected = new Diploma("河南大学", applied.diploma().degreeLevel(), "小学教育", true,
                applied.diploma().studyStart(), applied.diploma().studyEnd(), applied.diploma().certificateNumber(),
                "files/diploma-clear.pdf");
        exemptions.amend(applied.getId(), applicant, corrected);
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SchoolReview");
        DegreeExemption amended = exemptions.require(applied.getId());
        assertThat(amended.status()).isEqualTo(ExemptionStatus.SCHOOL_REVIEW);
        assertThat(amended.diploma().major()).isEqualTo("小学教育");
        ExemptionEvent amendment = exemptions.history(applied.getId()).get(2);
        assertThat(amendment.step()).isEqualTo(ExemptionStep.AMENDMENT);
        assertThat(amendment.comment()).contains(firstMajor, "files/diploma.pdf");

        exemptions.decide(applied.getId(), data.schoolAdmin, Decision.APPROVE, null);
        exemptions.decide(applied.getId(), data.countyReviewer, Decision.RETURN, "请补充学位证");
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Amend");
        BpmnAwareTests.assertThat(instance).hasPassedInOrder("UserTask_SchoolReview", "UserTask_Amend",
                "UserTask_SchoolReview", "UserTask_AuthorityReview");
    }

    @Test
    void R30_rejectedBySchoolEndsWithTheReasonAndNoLedgerEntry() {
        DegreeExemption applied = exemptions.apply(teacher.getId(), applicant, ExemptionFixture.diploma());
        ProcessInstance instance = instanceOf(applied);
        exemptions.decide(applied.getId(), data.schoolAdmin, Decision.REJECT, "非本人证书");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("UserTask_AuthorityReview");
        DegreeExemption rejected = exemptions.require(applied.getId());
        assertThat(rejected.status()).isEqualTo(ExemptionStatus.REJECTED);
        assertThat(rejected.outcomeReason()).isEqualTo("非本人证书");
        assertThat(ledger.entriesOf(teacher.getId())).isEmpty();
    }

    @Test
    void R30_R04_rejectedByTheAuthorityEnds() {
        DegreeExemption applied = exemptions.apply(teacher.getId(), applicant, ExemptionFixture.diploma());
        ProcessInstance instance = instanceOf(applied);
        exemptions.decide(applied.getId(), data.schoolAdmin, Decision.APPROVE, null);
        exemptions.decide(applied.getId(), data.countyReviewer, Decision.REJECT, "专业与教育无关");
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

    private void assertAuthorityReviewBy(Organisation school, Stage stage, String reviewer, String group) {
        Teacher other = data.teacherAt(school, stage);
        String admin = data.adminOf(school);
        DegreeExemption applied = exemptions.apply(other.getId(), data.usernameOf(other),
                ExemptionFixture.diploma(cn.shixun.policy.DegreeLevel.POSTGRADUATE));
        ProcessInstance instance = instanceOf(applied);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("school-admin:" + school.code());
        exemptions.decide(applied.getId(), admin, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup(group);
        String wrongReviewer = reviewer.equals(data.cityReviewer) ? data.countyReviewer : data.cityReviewer;
        assertThatThrownBy(() -> exemptions.decide(applied.getId(), wrongReviewer, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));
        exemptions.decide(applied.getId(), reviewer, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt("ServiceTask_CreditHours");
    }

    @Test
    void R30_overdueSchoolReviewIsRecordedAndTheTaskStaysOpen() {
        DegreeExemption applied = exemptions.apply(teacher.getId(), applicant, ExemptionFixture.diploma());
        ProcessInstance instance = instanceOf(applied);
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("BoundaryEvent_SchoolReviewOverdue").singleResult();
        assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant()).toDays()).isBetween(9L, 10L);

        execute(timer);

        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SchoolReview")
                .hasPassed("ServiceTask_EscalateSchoolReview", "EndEvent_SchoolReviewEscalated");
        ExemptionEvent overdue = exemptions.history(applied.getId()).get(1);
        assertThat(overdue.step()).isEqualTo(ExemptionStep.DEADLINE);
        assertThat(overdue.outcome()).isEqualTo(Outcome.OVERDUE);
        assertThat(overdue.comment()).isEqualTo("学校审核超过办理期限");
        assertThat(exemptions.require(applied.getId()).status()).isEqualTo(ExemptionStatus.SCHOOL_REVIEW);
    }

    @Test
    void R16_creditRefusedByTheTeachersProfileEndsVisiblyThroughTheBpmnError() {
        ExemptionFixture kunming = new ExemptionFixture(organisations, teachers, accounts, "kunming-2015");
        Teacher kmTeacher = kunming.teacherAt(kunming.schools.countySchool, Stage.PRIMARY);
        DegreeExemption applied = exemptions.apply(kmTeacher.getId(), kunming.usernameOf(kmTeacher),
                ExemptionFixture.diploma());
        ProcessInstance instance = instanceOf(applied);
        exemptions.decide(applied.getId(), kunming.schoolAdmin, Decision.APPROVE, null);
        exemptions.decide(applied.getId(), kunming.countyReviewer, Decision.APPROVE, null);

        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CreditRefused").hasNotPassed("EndEvent_Exempted");
        DegreeExemption refused = exemptions.require(applied.getId());
        assertThat(refused.status()).isEqualTo(ExemptionStatus.CREDIT_REFUSED);
        assertThat(refused.outcomeReason()).contains("R-21");
        assertThat(refused.ledgerEntryId()).isNull();
        assertThat(ledger.entriesOf(kmTeacher.getId())).isEmpty();
        List<ExemptionEvent> events = exemptions.history(applied.getId());
        assertThat(events.get(events.size() - 1).outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void R30_aDecisionOnACompletedReviewOrByTheWrongGroupIsRefusedAndChangesNothing() {
        DegreeExemption applied = exemptions.apply(teacher.getId(), applicant, ExemptionFixture.diploma());
        assertThatThrownBy(() -> exemptions.decide(applied.getId(), data.countyReviewer, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN);
                    assertThat(e.ruleId()).isEqualTo("R-04");
                });
        assertThatThrownBy(() -> exemptions.decide(applied.getId(), applicant, Decision.APPROVE, null))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> exemptions.decide(applied.getId(), data.schoolAdmin, Decision.RETURN, " "))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("comment"));
        assertThat(exemptions.history(applied.getId())).hasSize(1);

        exemptions.decide(applied.getId(), data.schoolAdmin, Decision.REJECT, "不符合条件");
        assertThatThrownBy(() -> exemptions.decide(applied.getId(), data.schoolAdmin, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT));
        assertThatThrownBy(() -> exemptions.amend(applied.getId(), applicant, ExemptionFixture.diploma()))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT));
        assertThat(exemptions.history(applied.getId())).hasSize(2);
    }

    @Test
    void R40_completingAReviewOutsideShixunIsRefusedSoNoDecisionGoesUnrecorded() {
        DegreeExemption applied = exemptions.apply(teacher.getId(), applicant, ExemptionFixture.diploma());
        ProcessInstance instance = instanceOf(applied);
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, java.util.Map.of("decision", "APPROVE")))
                .rootCause().isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.ruleId()).isEqualTo("R-40"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SchoolReview");
        assertThat(exemptions.require(applied.getId()).status()).isEqualTo(ExemptionStatus.SCHOOL_REVIEW);
    }

    private ProcessInstance instanceOf(DegreeExemption exemption) {
        return runtime.createProcessInstanceQuery().processInstanceId(exemption.processInstanceId()).singleResult();
    }
}
