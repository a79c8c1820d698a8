package cn.shixun.countyplan;

import cn.shixun.tasks.DeadlineTimers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.countyplan.process.CountyPlanProcess;
import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessDate;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
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
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The {@code countyPlanFiling} process on the in-memory engine: the happy path, then every detour (R-32, R-05). */
@SpringBootTest
class CountyPlanFilingProcessTest {

    @Autowired Clock clock;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired CountyPlans plans;
    @Autowired CaseTasks caseTasks;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;

    CountyPlanFixture data;

    @BeforeEach
    void setUp() {
        init(engine);
        data = new CountyPlanFixture(organisations, teachers, accounts, evidence, LocalDate.now(clock));
    }

    @Test
    void R32_R05_cityApprovesAndFilesWithHr_countyReports_cityAudits_andEveryParticipantsHoursAreRegistered() {
        Teacher first = data.teacher();
        Teacher second = data.teacher();
        CountyPlan filed = plans.file(data.countyReviewer, data.primaryPlan());
        ProcessInstance instance = instanceOf(filed);
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(filed.getId()));
        assertThat(filed.filingDue()).isEqualTo(LocalDate.of(data.year, 4, 1));
        assertThat(filed.filedLate()).isEqualTo(LocalDate.now(clock).isAfter(LocalDate.of(data.year, 4, 1)));
        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.CITY_REVIEW);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup(data.cityGroup());
        assertThat(Duration.between(Instant.now(), task(instance).getDueDate().toInstant()).toDays()).isBetween(14L, 15L);
        assertThat(caseTasks.summary(open(filed))).contains("2个项目", "含名师骨干项目");

        decide(filed, data.cityReviewer, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.HR_FILING);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup(data.cityGroup());
        assertThat(CountyPlanStanding.of(plans, filed.getId())).isEqualTo("OPEN@" + CountyPlanProcess.HR_FILING);

        plans.recordHrFiling(filed.getId(), data.cityReviewer,
                new HrFiling("测试市人力资源和社会保障局", "RS-2026-017", LocalDate.now(clock)));
        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.SUBMIT_SUMMARY);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup(data.countyGroup());
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(
                ZonedDateTime.of(data.year, 12, 2, 0, 0, 0, 0, BusinessDate.ZONE).toInstant());
        CountyPlan filedPlan = plans.require(filed.getId());
        assertThat(filedPlan.isFiled()).isTrue();
        assertThat(CountyPlanStanding.of(plans, filed.getId())).isEqualTo("OPEN@" + CountyPlanProcess.SUBMIT_SUMMARY);
        assertThat(filedPlan.hrReceiptNumber()).isEqualTo("RS-2026-017");
        assertThat(filedPlan.hrRecordedBy()).isEqualTo(data.cityReviewer.username());

        plans.reportSummary(filed.getId(), data.countyReviewer, data.summary(filedPlan, "24",
                List.of(first.staffNumber(), second.staffNumber())));
        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.AUDIT_SUMMARY);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup(data.cityGroup());

        decide(filed, data.cityReviewer, Decision.APPROVE, "学时核实无误");
        assertThat(CountyPlanStanding.of(plans, filed.getId())).isEqualTo("OPEN@");
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_HoursRegistered");
        CountyPlan done = plans.require(filed.getId());
        assertThat(done.status()).isEqualTo(PlanStatus.REGISTERED);
        assertThat(done.filedAt()).isEqualTo(filedPlan.filedAt());
        for (Teacher teacher : List.of(first, second)) {
            List<LedgerEntry> entries = ledger.entriesOf(teacher.getId());
            assertThat(entries).hasSize(2).allSatisfy(entry -> {
                assertThat(entry.hours()).isEqualByComparingTo("24");
                assertThat(entry.decidedBy()).isEqualTo(data.cityReviewer.username());
                assertThat(entry.sourceRef()).isEqualTo("countyPlanFiling/" + filed.getId());
                assertThat(entry.ruleIds()).contains("R-13");
            });
            assertThat(entries).extracting(LedgerEntry::evidenceNumber)
                    .containsExactlyInAnyOrder("CP" + filed.getId() + "-1", "CP" + filed.getId() + "-2");
        }
        assertThat(done.projects()).flatExtracting(PlanProject::participants)
                .allSatisfy(participant -> assertThat(participant.ledgerEntryId()).isNotNull());
        assertThat(plans.history(filed.getId())).extracting(CaseEvent::step, CaseEvent::outcome, CaseEvent::actor)
                .containsExactly(
                        tuple("报送年度培训计划", CaseOutcome.SUBMITTED, data.countyReviewer.username()),
                        tuple("市教育局审核培训计划", CaseOutcome.APPROVED, data.cityReviewer.username()),
                        tuple("登记人社部门备案", CaseOutcome.SUBMITTED, data.cityReviewer.username()),
                        tuple("计划备案", CaseOutcome.COMPLETED, CaseHistory.SYSTEM),
                        tuple("报送培训总结", CaseOutcome.SUBMITTED, data.countyReviewer.username()),
                        tuple("市教育局审核培训总结", CaseOutcome.APPROVED, data.cityReviewer.username()),
                        tuple("登记学时", CaseOutcome.COMPLETED, CaseHistory.SYSTEM));
    }

    @Test
    void R32_R40_aReturnedPlanIsAmendedByTheCountyAndReviewedAgain_theReplacedProjectsStayInTheHistory() {
        CountyPlan filed = plans.file(data.countyReviewer, data.primaryPlan());
        ProcessInstance instance = instanceOf(filed);
        decide(filed, data.cityReviewer, Decision.RETURN, "请补充课程安排");
        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.AMEND_PLAN);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup(data.countyGroup());
        assertThat(CountyPlanStanding.of(plans, filed.getId())).isEqualTo("OPEN@" + CountyPlanProcess.AMEND_PLAN);

        plans.amend(filed.getId(), data.countyReviewer, data.plan(
                CountyPlanFixture.project("小学数学新课标培训", Stage.PRIMARY, false, 80)));

        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.CITY_REVIEW);
        CountyPlan amended = plans.require(filed.getId());
        assertThat(CountyPlanStanding.of(plans, filed.getId())).isEqualTo("OPEN@" + CountyPlanProcess.CITY_REVIEW);
        assertThat(amended.projects()).extracting(PlanProject::name).containsExactly("小学数学新课标培训");
        List<CaseEvent> events = plans.history(filed.getId());
        assertThat(events).extracting(CaseEvent::outcome).containsExactly(CaseOutcome.SUBMITTED, CaseOutcome.RETURNED,
                CaseOutcome.SUBMITTED, CaseOutcome.RESUBMITTED);
        assertThat(events.get(1).comment()).isEqualTo("请补充课程安排");
        assertThat(events.get(2).comment()).contains("小学语文骨干教师培训", "幼儿园教师保教能力提升");

        decide(filed, data.cityReviewer, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.HR_FILING)
                .hasPassedInOrder(CountyPlanProcess.CITY_REVIEW, CountyPlanProcess.AMEND_PLAN,
                        CountyPlanProcess.CITY_REVIEW);
    }

    @Test
    void R32_aPlanRejectedByTheCityEndsWithTheReason_andTheCountyMayFileThatYearAgain() {
        CountyPlan filed = plans.file(data.countyReviewer, data.primaryPlan());
        ProcessInstance instance = instanceOf(filed);
        decide(filed, data.cityReviewer, Decision.REJECT, "项目与全员培训任务不符");

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_PlanRejected")
                .hasNotPassed(CountyPlanProcess.HR_FILING);
        CountyPlan rejected = plans.require(filed.getId());
        assertThat(rejected.status()).isEqualTo(PlanStatus.REJECTED);
        assertThat(rejected.isFiled()).isFalse();
        assertThat(rejected.outcomeReason()).isEqualTo("项目与全员培训任务不符");

        CountyPlan again = plans.file(data.countyReviewer, data.primaryPlan());
        assertThat(again.getId()).isNotEqualTo(filed.getId());
        BpmnAwareTests.assertThat(instanceOf(again)).isWaitingAt(CountyPlanProcess.CITY_REVIEW);
    }

    @Test
    void R32_aReturnedSummaryIsReportedAgain_andARejectedSummaryRegistersNoHours() {
        Teacher teacher = data.teacher();
        CountyPlan filed = fileAndFile();
        ProcessInstance instance = instanceOf(filed);
        plans.reportSummary(filed.getId(), data.countyReviewer, data.summary(plans.require(filed.getId()),
                "24", List.of(teacher.staffNumber())));
        decide(filed, data.cityReviewer, Decision.RETURN, "签到表不清晰");
        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.SUBMIT_SUMMARY);
        assertThat(CountyPlanStanding.of(plans, filed.getId())).isEqualTo("OPEN@" + CountyPlanProcess.SUBMIT_SUMMARY);

        plans.reportSummary(filed.getId(), data.countyReviewer, data.summary(plans.require(filed.getId()),
                "20", List.of(teacher.staffNumber())));
        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.AUDIT_SUMMARY);
        assertThat(plans.require(filed.getId()).projects()).extracting(PlanProject::deliveredHours)
                .allSatisfy(hours -> assertThat(hours).isEqualByComparingTo("20"));
        assertThat(plans.history(filed.getId())).filteredOn(event -> "修改前的培训总结".equals(event.step()))
                .singleElement().satisfies(event -> assertThat(event.comment()).contains("实训24学时"));

        decide(filed, data.cityReviewer, Decision.REJECT, "培训未按计划实施");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_SummaryRejected")
                .hasNotPassed(CountyPlanProcess.REGISTER_HOURS);
        assertThat(plans.require(filed.getId()).status()).isEqualTo(PlanStatus.SUMMARY_REJECTED);
        assertThat(ledger.entriesOf(teacher.getId())).isEmpty();
    }

    @Test
    void R32_R04_anOverdueCityReviewIsRemindedThenEscalatedToTheProvince_whoMayDecide() {
        CountyPlan filed = plans.file(data.countyReviewer, data.primaryPlan());
        ProcessInstance instance = instanceOf(filed);
        Job reminder = DeadlineTimers.reminderOf(management, instance.getId(), "UserTask_CityReview");
        Job escalation = DeadlineTimers.escalationOf(management, instance.getId(), "UserTask_CityReview");
        assertThat(Duration.between(Instant.now(), reminder.getDuedate().toInstant()).toDays()).isBetween(9L, 10L);
        assertThat(Duration.between(Instant.now(), escalation.getDuedate().toInstant()).toDays()).isBetween(14L, 15L);

        execute(reminder);
        execute(escalation);

        CaseTask review = caseTasks.openTask(CountyPlans.PROCESS, String.valueOf(filed.getId())).orElseThrow();
        assertThat(review.candidateGroups()).containsExactlyInAnyOrder(data.cityGroup(),
                "province-reviewer:" + data.schools.province.code());
        assertThat(plans.history(filed.getId())).extracting(CaseEvent::outcome)
                .containsExactly(CaseOutcome.SUBMITTED, CaseOutcome.REMINDED, CaseOutcome.ESCALATED);
        caseTasks.decide(review.id(), data.provinceReviewer, Decision.APPROVE, "省级代为审核");
        BpmnAwareTests.assertThat(instance).isWaitingAt(CountyPlanProcess.HR_FILING);
    }

    @Test
    void R32_theSummaryIsDueByTheEndOf1December_remindedTwoWeeksBefore_thenEscalatedToTheCity() {
        CountyPlan filed = fileAndFile();
        ProcessInstance instance = instanceOf(filed);
        Instant due = ZonedDateTime.of(data.year, 12, 2, 0, 0, 0, 0, BusinessDate.ZONE).toInstant();
        Job reminder = DeadlineTimers.reminderOf(management, instance.getId(), "UserTask_SubmitSummary");
        Job escalation = DeadlineTimers.escalationOf(management, instance.getId(), "UserTask_SubmitSummary");
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(due.minus(Duration.ofDays(14)));
        assertThat(escalation.getDuedate().toInstant()).isEqualTo(due);

        execute(reminder);
        execute(escalation);

        CaseTask summary = caseTasks.openTask(CountyPlans.PROCESS, String.valueOf(filed.getId())).orElseThrow();
        assertThat(summary.taskKey()).isEqualTo(CountyPlanProcess.SUBMIT_SUMMARY);
        assertThat(summary.candidateGroups()).containsExactlyInAnyOrder(data.countyGroup(), data.cityGroup());
        assertThat(plans.history(filed.getId())).extracting(CaseEvent::outcome).endsWith(CaseOutcome.REMINDED,
                CaseOutcome.ESCALATED);
    }

    @Test
    void R32_anAmendmentOverdueIsRemindedOnly_theCountysPlanIsNotOfferedToTheCity() {
        CountyPlan filed = plans.file(data.countyReviewer, data.primaryPlan());
        ProcessInstance instance = instanceOf(filed);
        decide(filed, data.cityReviewer, Decision.RETURN, "请补充课程安排");
        execute(DeadlineTimers.reminderOf(management, instance.getId(), "UserTask_AmendPlan"));
        CaseTask amend = caseTasks.openTask(CountyPlans.PROCESS, String.valueOf(filed.getId())).orElseThrow();
        assertThat(amend.candidateGroups()).containsExactly(data.countyGroup());
        assertThat(plans.history(filed.getId())).extracting(CaseEvent::outcome).endsWith(CaseOutcome.REMINDED);
    }

    @Test
    void R40_R01_theLedgerRefusesOneParticipant_theOthersAreRegistered_andTheRefusalIsKept() {
        Teacher registered = data.teacher();
        Teacher refused = data.teacher();
        CountyPlan filed = fileAndFile(data.plan(CountyPlanFixture.project("小学英语教师培训", Stage.PRIMARY, false, 30)));
        ProcessInstance instance = instanceOf(filed);
        plans.reportSummary(filed.getId(), data.countyReviewer, data.summary(plans.require(filed.getId()),
                "16", List.of(registered.staffNumber(), refused.staffNumber())));
        decide(filed, data.cityReviewer, Decision.APPROVE, null);
        // The teacher has left the post between the summary and its audit (R-01).
        teachers.leavePost(refused.getId(), LocalDate.of(data.year, 1, 1));

        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_HoursRegistered");
        assertThat(ledger.entriesOf(registered.getId())).hasSize(1);
        assertThat(ledger.entriesOf(refused.getId())).isEmpty();
        Participant kept = plans.require(filed.getId()).projects().get(0).participants().get(1);
        assertThat(kept.ledgerEntryId()).isNull();
        assertThat(kept.refusal()).contains("R-01");
        assertThat(plans.history(filed.getId())).extracting(CaseEvent::outcome)
                .endsWith(CaseOutcome.REFUSED, CaseOutcome.COMPLETED);
    }

    @Test
    void R40_whenTheLedgerRefusesEveryParticipantThePlanEndsVisiblyThroughTheBpmnError() {
        Teacher teacher = data.teacher();
        CountyPlan filed = fileAndFile(data.plan(CountyPlanFixture.project("小学英语教师培训", Stage.PRIMARY, false, 30)));
        ProcessInstance instance = instanceOf(filed);
        plans.reportSummary(filed.getId(), data.countyReviewer, data.summary(plans.require(filed.getId()),
                "16", List.of(teacher.staffNumber())));
        decide(filed, data.cityReviewer, Decision.APPROVE, null);
        // The same certificate number was registered for this teacher by another route (R-40: not twice).
        LocalDate day = LocalDate.of(data.year, 1, 1);
        ledger.register(teacher.getId(), Claim.of(ClaimKind.BUREAU_TRAINING, day).approved(true).from(day).hours("16").build(),
                Evidence.project("elsewhere", "CP" + filed.getId() + "-1", "scan.pdf"), "someone");

        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_HoursRefused")
                .hasNotPassed("EndEvent_HoursRegistered");
        CountyPlan refused = plans.require(filed.getId());
        assertThat(refused.status()).isEqualTo(PlanStatus.REGISTRATION_REFUSED);
        assertThat(refused.projects().get(0).participants().get(0).refusal()).contains("R-40");
        assertThat(ledger.entriesOf(teacher.getId())).hasSize(1);
    }

    @Test
    void R04_R40_onlyTheCitysReviewersDecide_andASubmissionCompletedAroundShixunWithoutItsDataIsRefused() {
        CountyPlan filed = plans.file(data.countyReviewer, data.primaryPlan());
        String reviewId = open(filed).id();
        // A task by id that is not offered to the account is answered like an unknown one (ADR 0009).
        assertThatThrownBy(() -> caseTasks.decide(reviewId, data.countyReviewer, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> caseTasks.decide(reviewId, data.otherCountyReviewer, Decision.APPROVE, null))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(plans.history(filed.getId())).hasSize(1);

        decide(filed, data.cityReviewer, Decision.APPROVE, null);
        String hrTask = open(filed).id();
        // As Camunda Tasklist would complete it: the HR bureau's receipt was never recorded.
        identity.setAuthentication(data.cityReviewer.username(), List.of(data.cityGroup()));
        try {
            assertThatThrownBy(() -> taskService.complete(hrTask, Map.of("receiptNumber", "RS-1")))
                    .satisfies(failure -> assertThat(refusalIn(failure).ruleId()).isEqualTo("R-40"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(open(filed).id()).isEqualTo(hrTask);
        assertThat(CountyPlanStanding.of(plans, filed.getId())).isEqualTo("OPEN@" + CountyPlanProcess.HR_FILING);
        assertThatThrownBy(() -> plans.recordHrFiling(filed.getId(), data.countyReviewer,
                new HrFiling("人社局", "RS-1", LocalDate.now(clock))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.ruleId()).isEqualTo("R-04"));
        assertThat(plans.require(filed.getId()).hrFilingRecorded()).isFalse();

        // Once the HR filing is recorded through Shixun, the county's summary is next: completing it
        // from Tasklist is refused the same way, whatever the plan's record says by then.
        plans.recordHrFiling(filed.getId(), data.cityReviewer, new HrFiling("人社局", "RS-1", LocalDate.now(clock)));
        String summaryTask = open(filed).id();
        int historyBefore = plans.history(filed.getId()).size();
        identity.setAuthentication(data.countyReviewer.username(), List.of(data.countyGroup()));
        try {
            assertThatThrownBy(() -> taskService.complete(summaryTask))
                    .satisfies(failure -> assertThat(refusalIn(failure).ruleId()).isEqualTo("R-40"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(CountyPlanStanding.of(plans, filed.getId())).isEqualTo("OPEN@" + CountyPlanProcess.SUBMIT_SUMMARY);
        assertThat(plans.require(filed.getId()).summarySubmittedAt()).isNull();
        assertThat(plans.history(filed.getId())).hasSize(historyBefore);
    }

    @Test
    void R05_aCountyKeyTeacherProjectForSeniorHighIsFiled_andMayRunOnlyOnceTheCityHasReviewedThePlan() {
        CountyPlan filed = plans.file(data.countyReviewer, data.plan(
                CountyPlanFixture.project("县级高中名师培养", Stage.SENIOR_HIGH, true, 15)));
        assertThat(filed.projects()).singleElement().satisfies(project -> assertThat(project.keyTeacher()).isTrue());
        // Reporting on it before the city's review and filing is refused: the step is not open.
        assertThatThrownBy(() -> plans.reportSummary(filed.getId(), data.countyReviewer,
                data.summary(filed, "24", List.of(data.teacher().staffNumber()))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT));
        decide(filed, data.cityReviewer, Decision.APPROVE, null);
        plans.recordHrFiling(filed.getId(), data.cityReviewer, new HrFiling("人社局", "RS-9", LocalDate.now(clock)));
        assertThat(plans.require(filed.getId()).isFiled()).isTrue();
    }

    /** Files a plan and takes it through the city's review and the HR filing. */
    private CountyPlan fileAndFile(PlanDraft draft) {
        CountyPlan filed = plans.file(data.countyReviewer, draft);
        decide(filed, data.cityReviewer, Decision.APPROVE, null);
        plans.recordHrFiling(filed.getId(), data.cityReviewer, new HrFiling("人社局", "RS-" + filed.getId(),
                LocalDate.now(clock)));
        return plans.require(filed.getId());
    }

    private CountyPlan fileAndFile() {
        return fileAndFile(data.plan(CountyPlanFixture.project("小学英语教师培训", Stage.PRIMARY, false, 30)));
    }

    private void decide(CountyPlan plan, CurrentAccount account, Decision decision, String comment) {
        caseTasks.decide(open(plan).id(), account, decision, comment);
    }

    private CaseTask open(CountyPlan plan) {
        return caseTasks.openTask(CountyPlans.PROCESS, String.valueOf(plan.getId())).orElseThrow();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
                .list().stream().max(Comparator.comparing(Job::getDuedate)).orElseThrow();
    }

    private ProcessInstance instanceOf(CountyPlan plan) {
        return runtime.createProcessInstanceQuery().processInstanceId(plan.processInstanceId()).singleResult();
    }

    private static BusinessRuleException refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("no business refusal in " + failure, failure);
    }
}
