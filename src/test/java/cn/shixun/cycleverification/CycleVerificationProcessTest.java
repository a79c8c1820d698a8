package cn.shixun.cycleverification;

import cn.shixun.tasks.DeadlineTimers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.ClaimKind;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * The {@code cycleVerification} process on the in-memory engine (R-34): the four levels, the
 * bulk declaration and batch decisions, every detour (return and resubmit, reject at each
 * level, reminder and escalation, the R-04 routing variants, a certificate refused because the
 * ledger changed) and the certificate at the end (R-36).
 */
@SpringBootTest
class CycleVerificationProcessTest {

    private static final String PROCESS = CycleVerificationProcess.PROCESS_ID;

    @Autowired Clock clock;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CycleVerifications verifications;
    @Autowired VerificationBatches batches;
    @Autowired VerificationCasework casework;
    @Autowired Certificates certificates;
    @Autowired CaseTasks tasks;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    VerificationFixture data;

    @BeforeEach
    void setUp() {
        init(engine);
        data = new VerificationFixture(organisations, teachers, accounts, ledger, LocalDate.now(clock));
    }

    @Test
    void R34_R36_schoolDeclaresCountyRechecksCityConfirmsProvinceFilesAndTheCertificateIsIssued() {
        Teacher teacher = data.completeTeacher();
        CycleVerification declared = declareOne(teacher);
        ProcessInstance instance = instanceOf(declared);
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(declared.getId()));
        assertThat(declared.cycleStart()).isEqualTo(data.certifiedOn);
        assertThat(declared.cycleEnd()).isEqualTo(data.certifiedOn.plusYears(5).minusDays(1));
        assertThat(declared.totalHours()).isEqualByComparingTo("360");
        assertThat(declared.schoolBasedHours()).isEqualByComparingTo("80");
        assertThat(declared.hoursMet()).isTrue();

        BpmnAwareTests.assertThat(instance).isWaitingAt(CycleVerificationProcess.COUNTY_RECHECK);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("county-reviewer:" + data.schools.district.code());
        assertThat(Duration.between(Instant.now(), task(instance).getDueDate().toInstant()).toDays()).isBetween(19L, 20L);
        approve(declared, data.countyReviewer);
        BpmnAwareTests.assertThat(instance).isWaitingAt(CycleVerificationProcess.CITY_CONFIRMATION);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("city-reviewer:" + data.schools.city.code());
        assertThat(standing(declared)).isEqualTo("OPEN@" + CycleVerificationProcess.CITY_CONFIRMATION);
        approve(declared, data.cityReviewer);
        BpmnAwareTests.assertThat(instance).isWaitingAt(CycleVerificationProcess.PROVINCE_FILING);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("province-reviewer:" + data.schools.province.code());
        approve(declared, data.provinceReviewer);
        // Filed: no step open while the certificate job waits (处理中).
        assertThat(standing(declared)).isEqualTo("OPEN@");
        BpmnAwareTests.assertThat(instance).isWaitingAt("ServiceTask_IssueCertificate");
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Certified");
        assertThat(standing(declared)).isEqualTo("CERTIFIED");
        Certificate certificate = certificates.ofVerification(declared.getId()).orElseThrow();
        assertThat(certificate.issuedOn()).isEqualTo(LocalDate.now(clock));
        assertThat(certificate.validUntil()).isEqualTo(LocalDate.now(clock).plusYears(5).minusDays(1));
        assertThat(certificate.totalHours()).isEqualByComparingTo("360");
        assertThat(certificate.number()).matches(LocalDate.now(clock).getYear() + "\\d{2}\\d{7}");
        assertThat(certificate.checkCode()).matches("[A-HJ-NP-Z2-9]{8}");
        assertThat(certificate.teacherName()).isEqualTo(teacher.name());
        assertThat(certificates.verify(certificate.number(), certificate.checkCode().toLowerCase())).isPresent();
        assertThat(certificates.verify(certificate.number(), "AAAAAAAA")).isEmpty();
        // R-08: the teacher's own cycle now runs from the new certificate.
        assertThat(teachers.require(teacher.getId()).lastCertificateIssuedOn()).isEqualTo(LocalDate.now(clock));
        assertThat(verifications.history(declared.getId())).extracting(CaseEvent::step, CaseEvent::outcome,
                CaseEvent::actor).containsExactly(
                tuple("学校申报", CaseOutcome.SUBMITTED, data.schoolAdmin.username()),
                tuple("县级复查", CaseOutcome.APPROVED, data.countyReviewer.username()),
                tuple("市级确认", CaseOutcome.APPROVED, data.cityReviewer.username()),
                tuple("省级备案", CaseOutcome.APPROVED, data.provinceReviewer.username()),
                tuple("发放登记证书", CaseOutcome.COMPLETED, "system"));
    }

    @Test
    void R34_R07_aBatchIsDecidedAtOnce_theTeacherShortOfHoursIsReturnedWithoutHoldingBackTheOthers() {
        Teacher first = data.completeTeacher();
        Teacher shortOfSchoolBased = data.teacherWith(data.schools.countySchool, Stage.PRIMARY, "300", "40");
        Teacher second = data.completeTeacher();
        VerificationDeclarations.Declared batch = batches.declare(data.schoolAdmin, data.declare(first,
                shortOfSchoolBased, second));
        assertThat(batch.verifications()).hasSize(3).allSatisfy(v -> assertThat(v.processInstanceId()).isNotNull());
        CycleVerification shortOne = batch.verifications().get(1);
        assertThat(shortOne.hoursMet()).isFalse();
        assertThat(shortOne.missing()).contains("校本研修80学时", "还差 40.00 学时", "R-07");

        List<String> taskIds = batch.verifications().stream().map(v -> openTask(v).id()).toList();
        List<CaseTasks.BatchOutcome> outcomes = tasks.decideAll(taskIds, data.countyReviewer, Decision.APPROVE, "复查通过");

        assertThat(outcomes).extracting(CaseTasks.BatchOutcome::done).containsExactly(true, false, true);
        assertThat(outcomes.get(1).ruleId()).isEqualTo("R-07");
        assertThat(outcomes.get(1).message()).contains("学时未达到要求", "还差 40.00 学时").endsWith("（R-07）");
        assertThat(openTask(batch.verifications().get(0)).taskKey()).isEqualTo(CycleVerificationProcess.CITY_CONFIRMATION);
        assertThat(openTask(batch.verifications().get(2)).taskKey()).isEqualTo(CycleVerificationProcess.CITY_CONFIRMATION);
        assertThat(openTask(shortOne).taskKey()).isEqualTo(CycleVerificationProcess.COUNTY_RECHECK);

        tasks.decide(openTask(shortOne).id(), data.countyReviewer, Decision.RETURN, "请补充校本研修学时证明");
        CaseTask amend = openTask(shortOne);
        assertThat(amend.taskKey()).isEqualTo(CycleVerificationProcess.SCHOOL_AMEND);
        assertThat(amend.candidateGroups()).containsExactly("school-admin:" + data.schools.countySchool.code());
        assertThat(standing(shortOne)).isEqualTo("OPEN@" + CycleVerificationProcess.SCHOOL_AMEND);
        // The others go on meanwhile.
        tasks.decideAll(List.of(openTask(batch.verifications().get(0)).id(), openTask(batch.verifications().get(2)).id()),
                data.cityReviewer, Decision.APPROVE, null);
        assertThat(openTask(batch.verifications().get(0)).taskKey()).isEqualTo(CycleVerificationProcess.PROVINCE_FILING);

        data.credit(shortOfSchoolBased, ClaimKind.SCHOOL_BASED, data.certifiedOn.plusYears(3), "40");
        casework.amend(shortOne.getId(), data.schoolAdmin, "补登2023年校本研修40学时，附签到表");
        CycleVerification resubmitted = verifications.require(shortOne.getId());
        assertThat(standing(shortOne)).isEqualTo("OPEN@" + CycleVerificationProcess.COUNTY_RECHECK);
        assertThat(resubmitted.hoursMet()).isTrue();
        assertThat(resubmitted.schoolBasedHours()).isEqualByComparingTo("80");
        assertThat(verifications.history(shortOne.getId())).extracting(CaseEvent::outcome).containsExactly(
                CaseOutcome.SUBMITTED, CaseOutcome.RETURNED, CaseOutcome.RESUBMITTED, CaseOutcome.COMPLETED);
        assertThat(verifications.history(shortOne.getId()).get(3).comment()).contains("补登2023年校本研修40学时", "已达到周期要求");
        approve(shortOne, data.countyReviewer);
        assertThat(openTask(shortOne).taskKey()).isEqualTo(CycleVerificationProcess.CITY_CONFIRMATION);
        BpmnAwareTests.assertThat(instanceOf(shortOne)).hasPassedInOrder(CycleVerificationProcess.COUNTY_RECHECK,
                CycleVerificationProcess.SCHOOL_AMEND, CycleVerificationProcess.COUNTY_RECHECK);
    }

    @Test
    void R34_returnedByTheCityGoesBackToTheSchoolAndThroughTheCountyAgain() {
        CycleVerification declared = declareOne(data.completeTeacher());
        approve(declared, data.countyReviewer);
        tasks.decide(openTask(declared).id(), data.cityReviewer, Decision.RETURN, "请附继续教育登记卡");
        assertThat(openTask(declared).taskKey()).isEqualTo(CycleVerificationProcess.SCHOOL_AMEND);

        assertThatThrownBy(() -> casework.amend(declared.getId(), data.schoolAdmin, " "))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("note"));
        CurrentAccount otherAdmin = data.adminOf(data.schools.cityMiddleSchool);
        assertThatThrownBy(() -> casework.amend(declared.getId(), otherAdmin, "补充"))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
        casework.amend(declared.getId(), data.schoolAdmin, "已附登记卡");
        assertThat(openTask(declared).taskKey()).isEqualTo(CycleVerificationProcess.COUNTY_RECHECK);
        assertThat(verifications.require(declared.getId()).note()).isEqualTo("已附登记卡");
    }

    @Test
    void R34_rejectedByTheCountyEndsWithTheReasonAndNoCertificate() {
        assertRejectedAt(0, data.countyReviewer);
    }

    @Test
    void R34_rejectedByTheCityEnds() {
        assertRejectedAt(1, data.cityReviewer);
    }

    @Test
    void R34_rejectedByTheProvinceEnds() {
        assertRejectedAt(2, data.provinceReviewer);
    }

    private void assertRejectedAt(int approvalsBefore, CurrentAccount rejecter) {
        CycleVerification declared = declareOne(data.completeTeacher());
        ProcessInstance instance = instanceOf(declared);
        List<CurrentAccount> levels = List.of(data.countyReviewer, data.cityReviewer, data.provinceReviewer);
        for (int i = 0; i < approvalsBefore; i++) {
            approve(declared, levels.get(i));
        }
        tasks.decide(openTask(declared).id(), rejecter, Decision.REJECT, "登记材料与台账不符");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected")
                .hasNotPassed("ServiceTask_IssueCertificate");
        CycleVerification rejected = verifications.require(declared.getId());
        assertThat(standing(declared)).isEqualTo("REJECTED");
        assertThat(rejected.outcomeReason()).isEqualTo("登记材料与台账不符");
        assertThat(certificates.ofVerification(declared.getId())).isEmpty();
    }

    @Test
    void R04_cityDirectMiddleSchoolReportsStraightToTheCityThenTheProvince() {
        Teacher teacher = data.teacherWith(data.schools.cityMiddleSchool, Stage.JUNIOR_MIDDLE, "280", "80");
        CurrentAccount admin = data.adminOf(data.schools.cityMiddleSchool);
        CycleVerification declared = batches.declare(admin, data.declare(teacher)).verifications().get(0);
        assertThat(declared.countyRecheck()).isFalse();
        BpmnAwareTests.assertThat(instanceOf(declared)).isWaitingAt(CycleVerificationProcess.CITY_CONFIRMATION)
                .hasNotPassed(CycleVerificationProcess.COUNTY_RECHECK);
        BpmnAwareTests.assertThat(task(instanceOf(declared))).hasCandidateGroup("city-reviewer:" + data.schools.city.code());
        assertThat(standing(declared)).isEqualTo("OPEN@" + CycleVerificationProcess.CITY_CONFIRMATION);
        // Another organisation's task is answered like an unknown one (R-04, ADR 0009): its group is not named.
        assertThatThrownBy(() -> approve(declared, data.countyReviewer))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
        approve(declared, data.cityReviewer);
        BpmnAwareTests.assertThat(task(instanceOf(declared)))
                .hasCandidateGroup("province-reviewer:" + data.schools.province.code());
    }

    @Test
    void R04_provinceDirectMiddleSchoolReportsToItsCity() {
        Teacher teacher = data.teacherWith(data.schools.provinceMiddleSchool, Stage.SENIOR_HIGH, "280", "80");
        CycleVerification declared = batches.declare(data.adminOf(data.schools.provinceMiddleSchool),
                data.declare(teacher)).verifications().get(0);
        BpmnAwareTests.assertThat(instanceOf(declared)).isWaitingAt(CycleVerificationProcess.CITY_CONFIRMATION);
        BpmnAwareTests.assertThat(task(instanceOf(declared))).hasCandidateGroup("city-reviewer:" + data.schools.city.code());
    }

    @Test
    void R04_cityDirectKindergartenIsRecheckedByTheDistrictWhereItStands() {
        Teacher teacher = data.teacherWith(data.schools.cityKindergarten, Stage.KINDERGARTEN, "280", "80");
        CycleVerification declared = batches.declare(data.adminOf(data.schools.cityKindergarten),
                data.declare(teacher)).verifications().get(0);
        BpmnAwareTests.assertThat(instanceOf(declared)).isWaitingAt(CycleVerificationProcess.COUNTY_RECHECK);
        BpmnAwareTests.assertThat(task(instanceOf(declared)))
                .hasCandidateGroup("county-reviewer:" + data.schools.district.code());
        // The district's reviewer sees the case although the kindergarten is not under the district.
        assertThat(verifications.requireVisibleTo(declared.getId(), data.countyReviewer).getId())
                .isEqualTo(declared.getId());
    }

    @Test
    void R34_anOverdueRecheckIsRemindedThenEscalatedToTheCity_whoMayDecide() {
        CycleVerification declared = declareOne(data.completeTeacher());
        ProcessInstance instance = instanceOf(declared);
        Job reminder = DeadlineTimers.reminderOf(management, instance.getId(), "UserTask_CountyRecheck");
        Job escalation = DeadlineTimers.escalationOf(management, instance.getId(), "UserTask_CountyRecheck");
        assertThat(Duration.between(Instant.now(), reminder.getDuedate().toInstant()).toDays()).isBetween(14L, 15L);
        assertThat(Duration.between(Instant.now(), escalation.getDuedate().toInstant()).toDays()).isBetween(19L, 20L);

        execute(reminder);
        execute(escalation);

        BpmnAwareTests.assertThat(instance).isWaitingAt(CycleVerificationProcess.COUNTY_RECHECK);
        assertThat(openTask(declared).candidateGroups()).containsExactlyInAnyOrder(
                "county-reviewer:" + data.schools.district.code(), "city-reviewer:" + data.schools.city.code());
        assertThat(verifications.history(declared.getId())).extracting(CaseEvent::outcome).containsExactly(
                CaseOutcome.SUBMITTED, CaseOutcome.REMINDED, CaseOutcome.ESCALATED);
        approve(declared, data.cityReviewer);
        assertThat(openTask(declared).taskKey()).isEqualTo(CycleVerificationProcess.CITY_CONFIRMATION);
    }

    @Test
    void R34_anOverdueAmendmentIsEscalatedToTheCounty() {
        CycleVerification declared = declareOne(data.completeTeacher());
        tasks.decide(openTask(declared).id(), data.countyReviewer, Decision.RETURN, "缺登记卡");
        execute(DeadlineTimers.escalationOf(management, instanceOf(declared).getId(), "UserTask_SchoolAmend"));
        assertThat(openTask(declared).candidateGroups()).contains("county-reviewer:" + data.schools.district.code());
    }

    @Test
    void R07_R36_aCertificateIsRefusedWhenTheLedgerNoLongerShowsTheHoursAtIssue() {
        Teacher teacher = data.teacherWith(data.schools.countySchool, Stage.PRIMARY, "0", "80");
        LedgerEntry general = data.credit(teacher, ClaimKind.PROGRAMME_CERTIFIED, data.certifiedOn.plusYears(1), "280");
        CycleVerification declared = declareOne(teacher);
        ProcessInstance instance = instanceOf(declared);
        approve(declared, data.countyReviewer);
        approve(declared, data.cityReviewer);
        approve(declared, data.provinceReviewer);
        ledger.correct(general.getId(), "证书系伪造，撤销登记", null, null, data.countyReviewer.username());

        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CertificateRefused")
                .hasNotPassed("EndEvent_Certified");
        CycleVerification refused = verifications.require(declared.getId());
        assertThat(standing(declared)).isEqualTo("CERTIFICATE_REFUSED");
        assertThat(refused.outcomeReason()).contains("学时未达到要求", "R-07");
        assertThat(certificates.ofVerification(declared.getId())).isEmpty();
        assertThat(teachers.require(teacher.getId()).lastCertificateIssuedOn()).isEqualTo(data.certifiedOn);
        assertThat(verifications.history(declared.getId()).get(4).outcome()).isEqualTo(CaseOutcome.REFUSED);
    }

    private String standing(CycleVerification verification) {
        return VerificationStanding.of(verifications, verification.getId());
    }

    private CycleVerification declareOne(Teacher teacher) {
        return batches.declare(data.schoolAdmin, data.declare(teacher)).verifications().get(0);
    }

    private void approve(CycleVerification verification, CurrentAccount reviewer) {
        tasks.decide(openTask(verification).id(), reviewer, Decision.APPROVE, null);
    }

    private CaseTask openTask(CycleVerification verification) {
        return tasks.openTask(PROCESS, String.valueOf(verification.getId())).orElseThrow();
    }

    private ProcessInstance instanceOf(CycleVerification verification) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(String.valueOf(verification.getId())).singleResult();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
                .singleResult();
    }
}
