package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.YEAR;
import static cn.shixun.annual.AnnualFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
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
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The late path after the annual deadline (补报, R-33, issue 14): on 5 December Kunming's cards (due 31 October) and
 * Henan's declarations (due 30 November) are late. A late card carries its reason, is marked late in its record and
 * history, and goes first to the registration authority's review of the late filing ({@code UserTask_LateReview});
 * accepted, it takes the usual reviews and is registered marked late; rejected, it ends with the comment. Whether a
 * card is late is ours to say (the configured date): a reason before the date, no reason after it, or a process
 * started with {@code late=false} changes nothing. A context of its own: the business clock on 5 December.
 */
@SpringBootTest(properties = {"shixun.clock.fixed=2026-12-05T10:00+08:00",
        "camunda.bpm.process-engine-name=" + R33LateRegistrationTest.ENGINE})
class R33LateRegistrationTest {

    static final String ENGINE = "afterDeadline";
    static final String PROCESS = AnnualRegistrations.PROCESS_KEY;
    private static final String REASON = "9月调入本校，原学校未为其申报";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired AnnualRegistrations registrations;
    @Autowired AnnualBatches batches;
    @Autowired CaseTasks tasks;
    @Autowired CaseHistory history;
    @Autowired RegistrationProgress caseProgress;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;

    AnnualFixture kunming;

    @BeforeEach
    void setUp() {
        init(engine);
        kunming = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
    }

    @Test
    void R33_aLateCard_isReviewedByTheAuthorityFirst_thenAsUsual_andRegisteredMarkedLate() {
        Teacher teacher = kunming.teacher();
        kunming.projectHours(teacher, ClaimKind.BUREAU_TRAINING, "40", day(4, 15));
        kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(6, 30), "files/late-cert.pdf");
        CurrentAccount account = kunming.accountOf(teacher);

        AnnualRegistration late = registrations.submit(account, YEAR, false, List.of(), "  " + REASON + " ");

        assertThat(late.late()).isTrue();
        assertThat(late.lateReason()).isEqualTo(REASON);
        assertThat(late.lateOn()).isEqualTo(day(12, 5));
        ProcessInstance instance = instanceOf(late);
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_LateReview");
        CaseTask lateReview = openTask(late);
        assertThat(lateReview.name()).isEqualTo("登记机构审核补报");
        assertThat(lateReview.candidateGroups()).containsExactly("county-reviewer:" + kunming.schools.district.code());
        assertThat(lateReview.due()).as("late-review-days (7) after the filing").isEqualTo(endOf(12, 12));
        assertThat(tasks.summary(lateReview)).contains("补报（2026-12-05）", "原因：" + REASON);

        tasks.decide(lateReview.id(), kunming.countyReviewer, Decision.APPROVE, "理由属实，同意补报");
        CaseTask schoolReview = openTask(late);
        assertThat(schoolReview.taskKey()).isEqualTo("UserTask_SchoolReview");
        assertThat(schoolReview.due()).as("30 Nov has passed: two weeks after the filing").isEqualTo(endOf(12, 19));
        tasks.decide(schoolReview.id(), kunming.schoolAdmin, Decision.APPROVE, null);
        CaseTask authorityReview = openTask(late);
        assertThat(authorityReview.due()).as("31 Dec is after three weeks from the filing").isEqualTo(endOf(12, 31));
        tasks.decide(authorityReview.id(), kunming.countyReviewer, Decision.APPROVE, null);
        executeJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("UserTask_LateReview", "EndEvent_Published");
        AnnualRegistration done = registrations.require(late.getId());
        assertThat(done.status()).isEqualTo(RegistrationStatus.PUBLISHED);
        assertThat(done.late()).as("registered as usual, marked late").isTrue();
        assertThat(done.resultYearTotal()).isEqualByComparingTo("72");
        assertThat(history.of(PROCESS, String.valueOf(done.getId())))
                .extracting(CaseEvent::step, CaseEvent::outcome, CaseEvent::actor).startsWith(
                        tuple("提交登记卡（补报）", CaseOutcome.SUBMITTED, account.username()),
                        tuple("登记机构审核补报", CaseOutcome.APPROVED, kunming.countyReviewer.username()),
                        tuple("学校逐项审查", CaseOutcome.APPROVED, kunming.schoolAdmin.username()));
        assertThat(history.of(PROCESS, String.valueOf(done.getId())).get(0).comment()).endsWith("补报原因：" + REASON);
    }

    @Test
    void R33_aLateCardReturnedAtTheLateReview_comesBackToIt_thenRejectedEndsWithTheComment() {
        Teacher teacher = kunming.teacher();
        CurrentAccount account = kunming.accountOf(teacher);
        AnnualRegistration late = registrations.submit(account, YEAR, false, List.of(), REASON);
        ProcessInstance instance = instanceOf(late);

        tasks.decide(openTask(late).id(), kunming.countyReviewer, Decision.RETURN, "请说明调入日期");
        CaseTask amend = openTask(late);
        assertThat(amend.taskKey()).isEqualTo("UserTask_AmendCard");
        assertThat(amend.assignee()).isEqualTo(account.username());
        registrations.amend(late.getId(), account, List.of());
        assertThat(openTask(late).taskKey()).as("every round of a late card starts with the late review")
                .isEqualTo("UserTask_LateReview");

        tasks.decide(openTask(late).id(), kunming.countyReviewer, Decision.REJECT, "无正当理由，不予补报");

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        AnnualRegistration rejected = registrations.require(late.getId());
        assertThat(rejected.status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(rejected.outcomeReason()).isEqualTo("无正当理由，不予补报");
        assertThat(history.of(PROCESS, String.valueOf(late.getId()))).extracting(CaseEvent::outcome, CaseEvent::comment)
                .contains(tuple(CaseOutcome.RETURNED, "请说明调入日期"), tuple(CaseOutcome.REJECTED, "无正当理由，不予补报"));
        // The year is free again: after a rejection the teacher may file once more (still late, with a reason).
        assertThat(registrations.submit(account, YEAR, false, List.of(), REASON).late()).isTrue();
    }

    @Test
    void R33_afterTheDeadline_aCardWithoutAReasonIsRefused_andNothingIsWritten() {
        Teacher teacher = kunming.teacher();
        CurrentAccount account = kunming.accountOf(teacher);
        long before = count("annual_registration");

        refused(() -> registrations.submit(account, YEAR, false, List.of(), null), "lateReason");
        refused(() -> registrations.submit(account, YEAR, false, List.of(), "   "), "lateReason");
        refused(() -> registrations.submit(account, YEAR, false, List.of(), "很".repeat(501)), "lateReason");
        refused(() -> batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR, Set.of(), null),
                "lateReason");

        assertThat(count("annual_registration")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM annual_batch WHERE school_id = ?", Long.class,
                kunming.schools.countySchool.getId())).isZero();
    }

    @Test
    void R33_lateFilingClosesAtLateUntil_lastYearsCardIsRefusedEvenWithAReason() {
        refused(() -> registrations.submit(kunming.accountOf(kunming.teacher()), YEAR - 1, false, List.of(), REASON),
                "year");
    }

    @Test
    void R33_aForgedLateFalse_changesNothing_theRouteIsReadFromOurRecord() {
        AnnualRegistration late = registrations.submit(kunming.accountOf(kunming.teacher()), YEAR, false, List.of(),
                REASON);

        // Someone starts an instance for the late card by hand, saying it is not late: the gateway asks our record.
        ProcessInstance forged = runtime.startProcessInstanceByKey(PROCESS, String.valueOf(late.getId()),
                Map.of("late", false, "registrationId", late.getId()));
        BpmnAwareTests.assertThat(forged).isWaitingAt("UserTask_LateReview");
        runtime.deleteProcessInstance(forged.getId(), "forged in a test");
    }

    @Test
    void R33_aSchoolDeclaresLate_eachTeachersCardCarriesTheSchoolsReason() {
        Teacher teacher = kunming.teacher();
        AnnualBatches.Progress batch = batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR,
                Set.of(), "学校系统账号10月故障，未能按期申报");

        List<AnnualRegistration> cards = registrations.ofBatch(batch.batch().getId());
        assertThat(cards).extracting(AnnualRegistration::teacherId).contains(teacher.getId());
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.late()).isTrue();
            assertThat(card.lateReason()).isEqualTo("学校系统账号10月故障，未能按期申报");
            assertThat(openTask(card).taskKey()).isEqualTo("UserTask_LateReview");
        });
        assertThat(history.of(PROCESS, String.valueOf(cards.get(0).getId())).get(0).step()).isEqualTo("学校集中申报（补报）");
    }

    private void refused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
            assertThat(refusal.ruleId()).isEqualTo("R-33");
            assertThat(refusal.field()).isEqualTo(field);
        });
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static java.time.Instant endOf(int month, int dayOfMonth) {
        return ZonedDateTime.of(day(month, dayOfMonth).atTime(23, 59, 59), BusinessDate.ZONE).toInstant();
    }

    private CaseTask openTask(AnnualRegistration registration) {
        return tasks.openTask(PROCESS, String.valueOf(registration.getId())).orElseThrow();
    }

    private ProcessInstance instanceOf(AnnualRegistration registration) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(String.valueOf(registration.getId())).singleResult();
    }

    private void executeJobs(ProcessInstance instance) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
            management.executeJob(job.getId());
        }
    }
}
