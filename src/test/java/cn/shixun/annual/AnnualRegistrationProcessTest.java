package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.YEAR;
import static cn.shixun.annual.AnnualFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import cn.shixun.annual.AnnualRegistrations.Attachment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.organisation.Organisation;
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
import java.time.ZonedDateTime;
import java.util.Comparator;
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

/**
 * The {@code annualRegistration} process on the in-memory engine (R-33): the teacher's card
 * through the school and the authority to the published year, then every detour — return and
 * amendment, rejection at each level, reminders and escalation by executing the timers, the
 * routing variants of R-04, the registration refused — and the school batch.
 */
@SpringBootTest
class AnnualRegistrationProcessTest {

    static final String PROCESS = AnnualRegistrations.PROCESS_KEY;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired AnnualRegistrations registrations;
    @Autowired AnnualBatches batches;
    @Autowired CaseTasks tasks;
    @Autowired CaseHistory history;
    @Autowired TeacherStatusQuery statusQuery;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;
    @Autowired RegistrationProgress caseProgress;

    AnnualFixture kunming;

    @BeforeEach
    void setUp() {
        init(engine);
        kunming = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
    }

    @Test
    void R33_R09_teacherSubmits_schoolChecks_countyRegisters_andTheYearIsPublishedFromTheLedger() {
        Teacher teacher = kunming.teacher();
        kunming.projectHours(teacher, ClaimKind.BUREAU_TRAINING, "40", day(4, 15));
        LedgerEntry own = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(6, 30));
        CurrentAccount account = kunming.accountOf(teacher);

        AnnualRegistration submitted = registrations.submit(account, YEAR, false,
                List.of(new Attachment(own.getId(), List.of(scan(teacher)))), null);

        ProcessInstance instance = instanceOf(submitted);
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(submitted.getId()));
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SchoolReview");
        CaseTask schoolReview = openTask(submitted);
        assertThat(schoolReview.candidateGroups()).containsExactly("school-admin:" + kunming.schools.countySchool.code());
        assertThat(schoolReview.due()).as("Kunming: school review due 30 Nov (configured)")
                .isEqualTo(ZonedDateTime.of(day(11, 30).atTime(23, 59, 59), BusinessDate.ZONE).toInstant());
        assertThat(registrations.currentCard(submitted)).extracting(CardItem::hours, CardItem::evidenceComplete)
                .containsExactly(tuple(new java.math.BigDecimal("40.00"), true), tuple(new java.math.BigDecimal("32.00"), true));

        tasks.decide(schoolReview.id(), kunming.schoolAdmin, Decision.APPROVE, "逐项核对无误");
        CaseTask authorityReview = openTask(submitted);
        assertThat(authorityReview.taskKey()).isEqualTo("UserTask_AuthorityReview");
        assertThat(authorityReview.candidateGroups()).containsExactly("county-reviewer:" + kunming.schools.district.code());
        assertThat(authorityReview.due()).as("Kunming 第十三条: registration by the year's end")
                .isEqualTo(ZonedDateTime.of(day(12, 31).atTime(23, 59, 59), BusinessDate.ZONE).toInstant());

        tasks.decide(authorityReview.id(), kunming.countyReviewer, Decision.APPROVE, null);
        assertThat(standing(submitted)).as("approved: the engine registers the year, no step is open").isEqualTo("OPEN@");
        executeJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Published");
        AnnualRegistration done = registrations.require(submitted.getId());
        assertThat(done.status()).isEqualTo(RegistrationStatus.PUBLISHED);
        assertThat(done.resultMet()).isTrue();
        assertThat(done.resultYearTotal()).isEqualByComparingTo("72");
        assertThat(registrations.result(done)).filteredOn(line -> line.code().equals("YEAR_TOTAL"))
                .extracting(ResultLine::required, ResultLine::credited, ResultLine::met)
                .containsExactly(tuple(new java.math.BigDecimal("72.00"), new java.math.BigDecimal("72.00"), true));
        assertThat(history.of(PROCESS, String.valueOf(done.getId()))).extracting(CaseEvent::outcome, CaseEvent::actor)
                .containsExactly(tuple(CaseOutcome.SUBMITTED, account.username()),
                        tuple(CaseOutcome.APPROVED, kunming.schoolAdmin.username()),
                        tuple(CaseOutcome.APPROVED, kunming.countyReviewer.username()),
                        tuple(CaseOutcome.COMPLETED, CaseHistory.SYSTEM),
                        tuple(CaseOutcome.COMPLETED, CaseHistory.SYSTEM));
    }

    @Test
    void R09_aYearBelow72HoursIsRegisteredAsNotMet_withTheHoursMissing() {
        Teacher teacher = kunming.teacher();
        kunming.projectHours(teacher, ClaimKind.BUREAU_TRAINING, "40", day(4, 15));

        AnnualRegistration done = registerThrough(registrations.submit(kunming.accountOf(teacher), YEAR, false,
                List.of(), null), kunming.schoolAdmin, kunming.countyReviewer);

        assertThat(done.resultMet()).isFalse();
        assertThat(registrations.result(done)).filteredOn(line -> line.code().equals("YEAR_TOTAL"))
                .extracting(ResultLine::missing, ResultLine::ruleId).containsExactly(
                        tuple(new java.math.BigDecimal("32.00"), "R-09"));
        assertThat(history.of(PROCESS, String.valueOf(done.getId())).get(3).comment())
                .contains("2026年度共 40 学时", "每年不少于72学时缺 32 学时");
    }

    @Test
    void R07_aHenanYearHasNoYearlyMinimum_itIsNeitherMetNorShortButJudgedByTheCycle() {
        AnnualFixture henan = new AnnualFixture(organisations, teachers, accounts, ledger, "henan-2016");
        Teacher teacher = henan.teacher();
        henan.projectHours(teacher, ClaimKind.BUREAU_TRAINING, "40", day(4, 15));

        AnnualRegistration submitted = registrations.submit(henan.accountOf(teacher), YEAR, false, List.of(), null);
        assertThat(tasks.summary(openTask(submitted))).contains("2026年度登记：40 学时，无年度最低要求")
                .doesNotContain("达到年度要求");
        AnnualRegistration done = registerThrough(submitted, henan.schoolAdmin, henan.countyReviewer);

        assertThat(history.of(PROCESS, String.valueOf(done.getId())).get(3).comment())
                .contains("2026年度共 40 学时，本地区无年度最低学时要求，按周期考核");
    }

    @Test
    void R10_eachSanmenxiaCategoryIsRegisteredOnItsOwn_surplusElsewhereDoesNotFillIt() {
        AnnualFixture sanmenxia = new AnnualFixture(organisations, teachers, accounts, ledger, "sanmenxia-2023");
        Teacher teacher = sanmenxia.teacher();
        sanmenxia.register(teacher, Claim.of(ClaimKind.PUBLIC_COURSE, day(3, 1)).title("公需课").hours("60").build());
        sanmenxia.register(teacher, Claim.of(ClaimKind.ETHICS_EDUCATION, day(4, 1)).title("师德主题教育").hours("10")
                .sessions(3).processMaterials().build());
        sanmenxia.register(teacher, Claim.of(ClaimKind.SCHOOL_BASED, day(5, 1)).title("校本研修").hours("16")
                .processMaterials().build());
        sanmenxia.register(teacher, Claim.of(ClaimKind.SUBJECT_TRAINING, day(6, 1)).approved(true).title("学科培训").hours("20")
                .build());

        AnnualRegistration done = registerThrough(registrations.submit(sanmenxia.accountOf(teacher), YEAR, false,
                List.of(), null), sanmenxia.schoolAdmin, sanmenxia.countyReviewer);

        assertThat(done.resultMet()).isFalse();
        assertThat(registrations.result(done)).filteredOn(line -> line.period().name().equals("YEAR"))
                .extracting(ResultLine::code, ResultLine::met, ResultLine::missing).contains(
                        tuple("YEAR_PUBLIC", true, new java.math.BigDecimal("0.00")),
                        tuple("YEAR_ETHICS", true, new java.math.BigDecimal("0.00")),
                        tuple("YEAR_SCHOOL_BASED", true, new java.math.BigDecimal("0.00")),
                        tuple("YEAR_SUBJECT", false, new java.math.BigDecimal("14.00")));
        // The registered lines are exactly what the ledger says of that day.
        TeacherStatus ledgerSays = statusQuery.statusOf(teacher.getId(), done.resultAsOf());
        assertThat(registrations.result(done)).extracting(ResultLine::code, ResultLine::credited)
                .containsExactlyElementsOf(ledgerSays.requirements().stream()
                        .map(line -> tuple(line.code(), line.credited())).toList());
    }

    @Test
    void R33_R40_theSchoolReturnsTheCard_theTeacherAmendsIt_andTheEarlierVersionStays() {
        Teacher teacher = kunming.teacher();
        LedgerEntry own = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(6, 30));
        CurrentAccount account = kunming.accountOf(teacher);
        AnnualRegistration submitted = registrations.submit(account, YEAR, false,
                List.of(new Attachment(own.getId(), List.of(scan(teacher)))), null);

        tasks.decide(openTask(submitted).id(), kunming.schoolAdmin, Decision.RETURN, "学时证明扫描件不清晰");
        CaseTask amend = openTask(submitted);
        assertThat(amend.taskKey()).isEqualTo("UserTask_AmendCard");
        assertThat(amend.assignee()).isEqualTo(account.username());
        assertThat(standing(submitted)).isEqualTo("OPEN@UserTask_AmendCard");
        // Someone else may not amend it.
        String clear = scan(teacher);
        assertThatThrownBy(() -> registrations.amend(submitted.getId(), kunming.schoolAdmin,
                List.of(new Attachment(own.getId(), List.of(clear)))))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> assertThat(refusal.ruleId()).isEqualTo("R-04"));

        registrations.amend(submitted.getId(), account, List.of(new Attachment(own.getId(), List.of(clear))));

        AnnualRegistration amended = registrations.require(submitted.getId());
        assertThat(standing(amended)).isEqualTo("OPEN@UserTask_SchoolReview");
        assertThat(amended.cardVersion()).isEqualTo(2);
        assertThat(registrations.currentCard(amended)).singleElement()
                .satisfies(item -> assertThat(item.attachedFiles()).containsExactly(clear));
        assertThat(openTask(submitted).taskKey()).isEqualTo("UserTask_SchoolReview");
        assertThat(history.of(PROCESS, String.valueOf(submitted.getId()))).extracting(CaseEvent::outcome)
                .containsExactly(CaseOutcome.SUBMITTED, CaseOutcome.RETURNED, CaseOutcome.RESUBMITTED);
    }

    /**
     * Why the R-33 evidence check may be made at every approval instead of at the school's step by
     * its key: once the school approved a card, nothing changes it until a submission step is open
     * (which the model sends back to the school), so a later review approves the card the school checked.
     */
    @Test
    void R33_afterTheSchoolsApprovalTheCardCannotChange_soTheAuthorityApprovesTheCardTheSchoolChecked() {
        Teacher teacher = kunming.teacher();
        LedgerEntry own = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(6, 30));
        CurrentAccount account = kunming.accountOf(teacher);
        AnnualRegistration submitted = registrations.submit(account, YEAR, false,
                List.of(new Attachment(own.getId(), List.of(scan(teacher)))), null);
        tasks.decide(openTask(submitted).id(), kunming.schoolAdmin, Decision.APPROVE, null);
        List<CardItem> approved = registrations.currentCard(registrations.require(submitted.getId()));
        String another = scan(teacher);

        assertThatThrownBy(() -> registrations.amend(submitted.getId(), account,
                List.of(new Attachment(own.getId(), List.of(another)))))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT);
                    assertThat(refusal.ruleId()).isEqualTo("R-33");
                    assertThat(refusal.field()).isEqualTo("id");
                });
        AnnualRegistration atAuthority = registrations.require(submitted.getId());
        assertThat(atAuthority.cardVersion()).isEqualTo(1);
        assertThat(registrations.currentCard(atAuthority))
                .extracting(CardItem::ledgerEntryId, CardItem::attachedFiles, CardItem::evidenceComplete)
                .containsExactlyElementsOf(approved.stream()
                        .map(item -> tuple(item.ledgerEntryId(), item.attachedFiles(), item.evidenceComplete())).toList());

        tasks.decide(openTask(submitted).id(), kunming.countyReviewer, Decision.APPROVE, null);
        assertThat(standing(submitted)).isEqualTo("OPEN@");
    }

    @Test
    void R33_aReturnByTheAuthorityAlsoGoesBackForAmendment_thenThroughTheSchoolAgain() {
        Teacher teacher = kunming.teacher();
        LedgerEntry own = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(6, 30), "files/on-entry.pdf");
        CurrentAccount account = kunming.accountOf(teacher);
        AnnualRegistration submitted = registrations.submit(account, YEAR, false, List.of(), null);
        tasks.decide(openTask(submitted).id(), kunming.schoolAdmin, Decision.APPROVE, null);

        tasks.decide(openTask(submitted).id(), kunming.countyReviewer, Decision.RETURN, "请补充培训通知书");
        assertThat(openTask(submitted).taskKey()).isEqualTo("UserTask_AmendCard");
        registrations.amend(submitted.getId(), account,
                List.of(new Attachment(own.getId(), List.of(scan(teacher)))));
        assertThat(openTask(submitted).taskKey()).isEqualTo("UserTask_SchoolReview");
    }

    @Test
    void R33_rejectedBySchool_endsWithTheReason_andFreesTheYearForANewCard() {
        Teacher teacher = kunming.teacher();
        CurrentAccount account = kunming.accountOf(teacher);
        AnnualRegistration submitted = registrations.submit(account, YEAR, false, List.of(), null);
        ProcessInstance instance = instanceOf(submitted);

        tasks.decide(openTask(submitted).id(), kunming.schoolAdmin, Decision.REJECT, "本人已调离，由新学校登记");

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        AnnualRegistration rejected = registrations.require(submitted.getId());
        assertThat(rejected.status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(rejected.outcomeReason()).isEqualTo("本人已调离，由新学校登记");
        assertThat(registrations.submit(account, YEAR, false, List.of(), null).getId()).isNotEqualTo(submitted.getId());
    }

    @Test
    void R33_rejectedByTheAuthority_endsRejected() {
        AnnualRegistration submitted = registrations.submit(kunming.accountOf(kunming.teacher()), YEAR, false, List.of(), null);
        ProcessInstance instance = instanceOf(submitted);
        tasks.decide(openTask(submitted).id(), kunming.schoolAdmin, Decision.APPROVE, null);
        tasks.decide(openTask(submitted).id(), kunming.countyReviewer, Decision.REJECT, "非本辖区教师");

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(registrations.require(submitted.getId()).status()).isEqualTo(RegistrationStatus.REJECTED);
    }

    @Test
    void R33_R04_anOverdueSchoolReviewIsRemindedThenEscalatedToTheCounty_andAnOverdueCountyToTheCity() {
        AnnualRegistration submitted = registrations.submit(kunming.accountOf(kunming.teacher()), YEAR, false, List.of(), null);
        ProcessInstance instance = instanceOf(submitted);
        List<Job> timers = timersOf(instance);
        assertThat(timers).extracting(Job::getDuedate).containsExactly(
                java.util.Date.from(ZonedDateTime.of(day(11, 23).atTime(23, 59, 59), BusinessDate.ZONE).toInstant()),
                java.util.Date.from(ZonedDateTime.of(day(11, 30).atTime(23, 59, 59), BusinessDate.ZONE).toInstant()));

        management.executeJob(timers.get(0).getId());
        management.executeJob(timers.get(1).getId());

        CaseTask review = openTask(submitted);
        assertThat(review.candidateGroups()).containsExactlyInAnyOrder(
                "school-admin:" + kunming.schools.countySchool.code(), "county-reviewer:" + kunming.schools.district.code());
        assertThat(history.of(PROCESS, String.valueOf(submitted.getId()))).extracting(CaseEvent::outcome)
                .containsExactly(CaseOutcome.SUBMITTED, CaseOutcome.REMINDED, CaseOutcome.ESCALATED);
        // The county may now decide the school's step itself.
        tasks.decide(review.id(), kunming.countyReviewer, Decision.APPROVE, "学校超期，县级代为审查");

        List<Job> authorityTimers = timersOf(instance);
        assertThat(authorityTimers).hasSize(2);
        management.executeJob(authorityTimers.get(1).getId());
        assertThat(openTask(submitted).candidateGroups()).contains("city-reviewer:" + kunming.schools.city.code());
    }

    @Test
    void R33_anAmendmentNotMadeInTenDaysIsRemindedThenMarkedOverdue() {
        AnnualRegistration submitted = registrations.submit(kunming.accountOf(kunming.teacher()), YEAR, false, List.of(), null);
        tasks.decide(openTask(submitted).id(), kunming.schoolAdmin, Decision.RETURN, "请补充材料");
        ProcessInstance instance = instanceOf(submitted);

        for (Job timer : timersOf(instance)) {
            management.executeJob(timer.getId());
        }

        assertThat(history.of(PROCESS, String.valueOf(submitted.getId()))).extracting(CaseEvent::outcome)
                .endsWith(CaseOutcome.REMINDED, CaseOutcome.OVERDUE);
        assertThat(openTask(submitted).taskKey()).isEqualTo("UserTask_AmendCard");
    }

    @Test
    void R04_theAuthorityIsTheCityForCityAndProvinceDirectMiddleSchools_andTheDistrictForACityKindergarten() {
        assertThat(authorityGroupOf(kunming.schools.cityMiddleSchool, Stage.JUNIOR_MIDDLE))
                .containsExactly("city-reviewer:" + kunming.schools.city.code());
        assertThat(authorityGroupOf(kunming.schools.provinceMiddleSchool, Stage.SENIOR_HIGH))
                .containsExactly("city-reviewer:" + kunming.schools.city.code());
        assertThat(authorityGroupOf(kunming.schools.cityKindergarten, Stage.KINDERGARTEN))
                .containsExactly("county-reviewer:" + kunming.schools.district.code());
    }

    @Test
    void R01_aTeacherWhoLeftPostBeforeRegistrationIsRefused_andTheRefusalIsRecorded() {
        Teacher teacher = kunming.teacher();
        AnnualRegistration submitted = registrations.submit(kunming.accountOf(teacher), YEAR, false, List.of(), null);
        tasks.decide(openTask(submitted).id(), kunming.schoolAdmin, Decision.APPROVE, null);
        tasks.decide(openTask(submitted).id(), kunming.countyReviewer, Decision.APPROVE, null);
        teachers.leavePost(teacher.getId(), day(10, 1));

        ProcessInstance instance = instanceOf(submitted);
        executeJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_RegistrationRefused");
        AnnualRegistration refused = registrations.require(submitted.getId());
        assertThat(refused.status()).isEqualTo(RegistrationStatus.REFUSED);
        assertThat(refused.resultMet()).isNull();
        assertThat(registrations.result(refused)).isEmpty();
        assertThat(history.of(PROCESS, String.valueOf(submitted.getId()))).last().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(CaseOutcome.REFUSED);
            assertThat(event.comment()).contains("R-01");
        });
    }

    @Test
    void R33_aSchoolDeclaresAllItsTeachers_oneReturnedForMissingEvidenceDoesNotHoldBackTheOthers() {
        Teacher first = kunming.teacher();
        Teacher second = kunming.teacher();
        Teacher withoutScan = kunming.teacher();
        Teacher uncertified = kunming.uncertifiedTeacher();
        kunming.projectHours(first, ClaimKind.BUREAU_TRAINING, "80", day(3, 1));
        kunming.projectHours(second, ClaimKind.BUREAU_TRAINING, "40", day(3, 1));
        LedgerEntry unproven = kunming.ownHours(withoutScan, ClaimKind.SCHOOL_BASED, "32", day(5, 1));

        AnnualBatches.Progress progress = batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(),
                YEAR, Set.of(), null);

        assertThat(progress.finished()).isTrue();
        assertThat(progress.items()).containsEntry(BatchItem.Outcome.STARTED, 3L)
                .containsEntry(BatchItem.Outcome.NOT_REGISTRABLE, 1L);
        assertThat(progress.registrations()).containsOnly(Map.entry(RegistrationStatus.OPEN, 3L));
        assertThat(standings(progress)).containsOnly(Map.entry("OPEN@UserTask_SchoolReview", 3L));
        Map<Long, Long> byTeacher = registrationsOf(progress);
        assertThat(byTeacher).containsOnlyKeys(first.getId(), second.getId(), withoutScan.getId());
        assertThat(byTeacher).doesNotContainKey(uncertified.getId());

        // The school approves all at once; the card without its scan is refused, the others go on.
        List<String> schoolTasks = byTeacher.values().stream().map(id -> openTask(id).id()).toList();
        List<CaseTasks.BatchOutcome> schoolOutcomes = tasks.decideAll(schoolTasks, kunming.schoolAdmin,
                Decision.APPROVE, "逐项核对");
        assertThat(schoolOutcomes).filteredOn(outcome -> !outcome.done()).singleElement().satisfies(refused -> {
            assertThat(refused.taskId()).isEqualTo(schoolTasks.get(List.copyOf(byTeacher.keySet()).indexOf(withoutScan.getId())));
            assertThat(refused.ruleId()).isEqualTo("R-33");
            assertThat(refused.message()).contains("缺少证明材料").endsWith("（R-33）").containsOnlyOnce("R-33");
        });
        Long unprovenCase = byTeacher.get(withoutScan.getId());
        tasks.decide(openTask(unprovenCase).id(), kunming.schoolAdmin, Decision.RETURN, "校本研修缺学时证明");

        // The county approves the two others at once and their years are published.
        List<String> countyTasks = List.of(openTask(byTeacher.get(first.getId())).id(),
                openTask(byTeacher.get(second.getId())).id());
        assertThat(tasks.decideAll(countyTasks, kunming.countyReviewer, Decision.APPROVE, "同意登记"))
                .allMatch(CaseTasks.BatchOutcome::done);
        executeJobs(instanceOf(registrations.require(byTeacher.get(first.getId()))));
        executeJobs(instanceOf(registrations.require(byTeacher.get(second.getId()))));
        assertThat(registrations.require(byTeacher.get(first.getId())).resultMet()).isTrue();
        assertThat(registrations.require(byTeacher.get(second.getId())).resultMet()).isFalse();
        assertThat(batches.progress(progress.batch().getId()).registrations())
                .containsEntry(RegistrationStatus.PUBLISHED, 2L).containsEntry(RegistrationStatus.OPEN, 1L);
        assertThat(standings(progress)).containsOnly(Map.entry("PUBLISHED", 2L), Map.entry("OPEN@UserTask_AmendCard", 1L));

        // The declared card went back to the school, which adds the scan and sends it on.
        CaseTask amend = openTask(unprovenCase);
        assertThat(amend.assignee()).isNull();
        assertThat(amend.candidateGroups()).containsExactly("school-admin:" + kunming.schools.countySchool.code());
        registrations.amend(unprovenCase, kunming.schoolAdmin,
                List.of(new Attachment(unproven.getId(), List.of(StoredEvidence.of(evidence, unproven.teacherId())))));
        tasks.decide(openTask(unprovenCase).id(), kunming.schoolAdmin, Decision.APPROVE, null);
        tasks.decide(openTask(unprovenCase).id(), kunming.countyReviewer, Decision.APPROVE, null);
        executeJobs(instanceOf(registrations.require(unprovenCase)));
        assertThat(registrations.require(unprovenCase).status()).isEqualTo(RegistrationStatus.PUBLISHED);
    }

    @Test
    void R33_declaringTwiceCreatesNoDuplicates_aResumedBatchTakesNewTeachers_andAnOwnCardIsSkipped() {
        Teacher own = kunming.teacher();
        AnnualRegistration ownCard = registrations.submit(kunming.accountOf(own), YEAR, false, List.of(), null);
        kunming.teacher();
        Long school = kunming.schools.countySchool.getId();

        AnnualBatches.Progress first = batches.declare(kunming.schoolAdmin, school, YEAR, Set.of(), null);
        assertThat(first.items()).containsEntry(BatchItem.Outcome.STARTED, 1L)
                .containsEntry(BatchItem.Outcome.ALREADY_REGISTERED, 1L);
        assertThat(batches.items(first.batch().getId())).filteredOn(item -> item.teacherId().equals(own.getId()))
                .singleElement().satisfies(item -> assertThat(item.registrationId()).isEqualTo(ownCard.getId()));

        AnnualBatches.Progress again = batches.declare(kunming.schoolAdmin, school, YEAR, Set.of(), null);
        assertThat(again.batch().getId()).isEqualTo(first.batch().getId());
        assertThat(again.items()).isEqualTo(first.items());
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS)
                .taskCandidateGroup("school-admin:" + kunming.schools.countySchool.code()).count()).isEqualTo(2);

        Teacher hiredSince = kunming.teacher();
        AnnualBatches.Progress resumed = batches.declare(kunming.schoolAdmin, school, YEAR, Set.of(), null);
        assertThat(resumed.items()).containsEntry(BatchItem.Outcome.STARTED, 2L);
        assertThat(registrationsOf(resumed)).containsKey(hiredSince.getId());
    }

    private AnnualRegistration registerThrough(AnnualRegistration submitted, CurrentAccount school,
                                               CurrentAccount authority) {
        tasks.decide(openTask(submitted).id(), school, Decision.APPROVE, null);
        tasks.decide(openTask(submitted).id(), authority, Decision.APPROVE, null);
        executeJobs(instanceOf(submitted));
        AnnualRegistration done = registrations.require(submitted.getId());
        assertThat(done.status()).isEqualTo(RegistrationStatus.PUBLISHED);
        return done;
    }

    private List<String> authorityGroupOf(Organisation school, Stage stage) {
        Teacher teacher = kunming.teacherAt(school, stage);
        AnnualRegistration submitted = registrations.submit(kunming.accountOf(teacher), YEAR, false, List.of(), null);
        CurrentAccount admin = kunming.adminOf(school);
        tasks.decide(openTask(submitted).id(), admin, Decision.APPROVE, null);
        return openTask(submitted).candidateGroups();
    }

    private Map<Long, Long> registrationsOf(AnnualBatches.Progress progress) {
        Map<Long, Long> byTeacher = new java.util.LinkedHashMap<>();
        batches.items(progress.batch().getId()).stream().filter(item -> item.outcome() == BatchItem.Outcome.STARTED)
                .forEach(item -> byTeacher.put(item.teacherId(), item.registrationId()));
        return byTeacher;
    }

    private CaseTask openTask(AnnualRegistration registration) {
        return openTask(registration.getId());
    }

    private CaseTask openTask(Long id) {
        return tasks.openTask(PROCESS, String.valueOf(id)).orElseThrow();
    }

    /** The running instance of a registration (assertions on it keep working after it ends). */
    private ProcessInstance instanceOf(AnnualRegistration registration) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(String.valueOf(registration.getId())).singleResult();
    }

    private List<Job> timersOf(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                .sorted(Comparator.comparing(Job::getDuedate)).toList();
    }

    /** The asynchronous registration step and the steps after it (the job executor is off in tests). */
    private void executeJobs(ProcessInstance instance) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
            management.executeJob(job.getId());
        }
    }

    /** A scan of the teacher's, stored as their evidence file (R-40). */
    private String scan(Teacher teacher) {
        return StoredEvidence.of(evidence, teacher.getId());
    }

    private String standing(AnnualRegistration registration) {
        return AnnualStanding.of(registrations, caseProgress, registration.getId());
    }

    private Map<String, Long> standings(AnnualBatches.Progress batch) {
        return AnnualStanding.count(registrations.ofBatch(batch.batch().getId()), caseProgress);
    }
}
