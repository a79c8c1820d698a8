package cn.shixun.training;

import cn.shixun.tasks.CaseStepRefused;
import cn.shixun.tasks.DeadlineTimers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProviders;
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
import cn.shixun.teacher.Teachers;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code externalTrainingApproval} process on the in-memory engine: the happy path, then every detour (R-31). */
@SpringBootTest
class ExternalTrainingApprovalProcessTest {

    private static final String PROCESS = ExternalTrainingProcess.PROCESS_ID;

    @Autowired Clock clock;
    @Autowired ProcessEngine engine;
    @Autowired EvidenceFiles evidence;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService taskService;
    @Autowired IdentityService identity;
    @Autowired ExternalTrainings trainings;
    @Autowired CaseTasks tasks;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired TrainingProviders providers;
    @Autowired JdbcTemplate jdbc;

    TrainingFixture data;
    CurrentAccount teacher;

    @BeforeEach
    void setUp() {
        init(engine);
        data = new TrainingFixture(organisations, teachers, accounts, providers, jdbc, evidence, "henan-2016",
                LocalDate.now(clock));
        teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
    }

    @Test
    void R31_R04_R21_theSchoolConsentsBeforehand_theEvidenceIsReviewedTwice_andTheProfileCreditsTheHours() {
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        ProcessInstance instance = instanceOf(applied);
        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.SCHOOL_CONSENT);
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(applied.getId()));
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("school-admin:" + data.schools.countySchool.code());
        assertThat(Duration.between(Instant.now(), task(instance).getDueDate().toInstant()).toDays()).isBetween(9L, 10L);

        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        assertThat(standing(applied)).as("no step open: waiting for the training to end").isEqualTo("OPEN@");
        assertThat(trainings.require(applied.getId()).consentedAt()).isNotNull();
        BpmnAwareTests.assertThat(instance).isWaitingAt("TimerEvent_TrainingEnded");
        // The completion waits for the day after the training's last day, midnight in Beijing.
        assertThat(job(instance).getDuedate().toInstant()).isEqualTo(applied.plan().endDate().plusDays(1)
                .atStartOfDay(BusinessDate.ZONE).toInstant());

        data.trainingTookPlace(applied.getId(), 3);
        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.SUBMIT_COMPLETION);
        BpmnAwareTests.assertThat(task(instance)).isAssignedTo(teacher.username());
        CompletionEvidence certificate = data.certificateOf(teacher.teacherId());
        trainings.submitCompletion(applied.getId(), teacher, certificate);
        assertThat(standing(applied)).isEqualTo("OPEN@" + ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW);

        decide(applied, data.schoolAdmin, Decision.APPROVE, "证书与申请一致");
        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.AUTHORITY_REVIEW);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("county-reviewer:" + data.schools.district.code());
        decide(applied, data.countyReviewer, Decision.APPROVE, null);
        assertThat(standing(applied)).as("between steps: to be credited").isEqualTo("OPEN@");
        BpmnAwareTests.assertThat(instance).isWaitingAt("ServiceTask_CheckProvider");
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Registered");
        ExternalTraining done = trainings.require(applied.getId());
        assertThat(done.status()).isEqualTo(TrainingStatus.REGISTERED);
        LedgerEntry entry = ledger.require(done.ledgerEntryId());
        assertThat(entry.claimKind()).isEqualTo(ClaimKind.PROFESSIONAL_CERTIFICATE.name());
        assertThat(entry.hours()).isEqualByComparingTo("24");
        assertThat(entry.entryDate()).isEqualTo(done.plan().endDate());
        assertThat(entry.ruleIds()).contains("R-21");
        assertThat(entry.decidedBy()).isEqualTo(data.countyReviewer.username());
        assertThat(entry.evidenceNumber()).isEqualTo(certificate.certificateNumber());
        assertThat(entry.evidenceFiles()).containsExactly(certificate.certificateFile(), applied.plan().planFile());
        assertThat(trainings.history(applied.getId())).extracting(CaseEvent::taskKey, CaseEvent::outcome, CaseEvent::actor)
                .containsExactly(
                        tuple(null, CaseOutcome.SUBMITTED, teacher.username()),
                        tuple(ExternalTrainingProcess.SCHOOL_CONSENT, CaseOutcome.APPROVED, data.schoolAdmin.username()),
                        tuple(ExternalTrainingProcess.SUBMIT_COMPLETION, CaseOutcome.SUBMITTED, teacher.username()),
                        tuple(ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW, CaseOutcome.APPROVED,
                                data.schoolAdmin.username()),
                        tuple(ExternalTrainingProcess.AUTHORITY_REVIEW, CaseOutcome.APPROVED,
                                data.countyReviewer.username()),
                        tuple(null, CaseOutcome.COMPLETED, CaseHistory.SYSTEM));
    }

    @Test
    void R31_R40_aReturnedApplicationIsAmendedBeforeTheTrainingAndReviewedAgain_keepingTheOldPlan() {
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.RETURN, "请附培训通知原件");
        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.AMEND_APPLICATION);
        BpmnAwareTests.assertThat(task(instance)).isAssignedTo(teacher.username());
        assertThat(standing(applied)).isEqualTo("OPEN@" + ExternalTrainingProcess.AMEND_APPLICATION);

        TrainingPlan old = applied.plan();
        TrainingPlan corrected = new TrainingPlan(old.providerId(), old.projectName(), old.startDate(), old.endDate(),
                "郑州市二七区", old.plannedContent(), StoredEvidence.of(evidence, teacher.teacherId()));
        trainings.amendApplication(applied.getId(), teacher, corrected);

        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.SCHOOL_CONSENT);
        ExternalTraining amended = trainings.require(applied.getId());
        assertThat(standing(applied)).isEqualTo("OPEN@" + ExternalTrainingProcess.SCHOOL_CONSENT);
        assertThat(amended.plan().place()).isEqualTo("郑州市二七区");
        List<CaseEvent> history = trainings.history(applied.getId());
        assertThat(history).extracting(CaseEvent::outcome).containsExactly(CaseOutcome.SUBMITTED, CaseOutcome.RETURNED,
                CaseOutcome.RESUBMITTED, CaseOutcome.RESUBMITTED);
        assertThat(history.get(2).comment()).contains("郑州市金水区", old.planFile().substring(0, 8));
        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt("TimerEvent_TrainingEnded");
    }

    @Test
    void R31_R04_theAuthorityReturnsTheEvidence_theTeacherCorrectsIt_andTheSchoolReviewsAgain() {
        ExternalTraining applied = atCompletionReview();
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        decide(applied, data.countyReviewer, Decision.RETURN, "证书扫描件缺少公章页");
        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.AMEND_COMPLETION);
        assertThat(standing(applied)).isEqualTo("OPEN@" + ExternalTrainingProcess.AMEND_COMPLETION);
        String firstNumber = trainings.require(applied.getId()).evidence().certificateNumber();

        trainings.submitCompletion(applied.getId(), teacher, data.certificateOf(teacher.teacherId()));
        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW);
        assertThat(trainings.history(applied.getId())).anySatisfy(event -> {
            assertThat(event.step()).isEqualTo("原结业材料");
            assertThat(event.comment()).contains(firstNumber);
        });

        decide(applied, data.schoolAdmin, Decision.RETURN, "学时与天数不符");
        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.AMEND_COMPLETION);
        BpmnAwareTests.assertThat(instance).hasPassedInOrder(ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW,
                ExternalTrainingProcess.AUTHORITY_REVIEW, ExternalTrainingProcess.AMEND_COMPLETION,
                ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW);
    }

    @Test
    void R31_theSchoolRefusesConsent_withTheReason_andNothingIsRegistered() {
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.REJECT, "与教学安排冲突");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected")
                .hasNotPassed("TimerEvent_TrainingEnded");
        ExternalTraining rejected = trainings.require(applied.getId());
        assertThat(rejected.status()).isEqualTo(TrainingStatus.REJECTED);
        assertThat(rejected.outcomeReason()).isEqualTo("与教学安排冲突");
        assertThat(ledger.entriesOf(teacher.teacherId())).isEmpty();
    }

    @Test
    void R31_theSchoolRejectsTheCompletionEvidence() {
        ExternalTraining applied = atCompletionReview();
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.REJECT, "证书非本人");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected")
                .hasNotPassed(ExternalTrainingProcess.AUTHORITY_REVIEW);
        assertThat(standing(applied)).isEqualTo("REJECTED");
        assertThat(ledger.entriesOf(teacher.teacherId())).isEmpty();
    }

    @Test
    void R04_theRegistrationAuthorityRejects() {
        ExternalTraining applied = atCompletionReview();
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        decide(applied, data.countyReviewer, Decision.REJECT, "培训内容与教育教学无关");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected")
                .hasNotPassed("ServiceTask_CreditHours");
        assertThat(trainings.require(applied.getId()).outcomeReason()).isEqualTo("培训内容与教育教学无关");
        assertThat(ledger.entriesOf(teacher.teacherId())).isEmpty();
    }

    @Test
    void R31_anApplicationNotConsentedWhenTheTrainingStarts_lapses() {
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        ProcessInstance instance = instanceOf(applied);
        Job started = timerOf(instance, "BoundaryEvent_SchoolConsentTrainingStarted");
        assertThat(started.getDuedate().toInstant())
                .isEqualTo(applied.plan().startDate().atStartOfDay(BusinessDate.ZONE).toInstant());

        data.trainingStartsToday(applied.getId());
        management.executeJob(started.getId());

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Lapsed");
        assertThat(standing(applied)).isEqualTo("LAPSED");
        assertThat(trainings.history(applied.getId())).last().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(CaseOutcome.REFUSED);
            assertThat(event.comment()).contains("R-31");
        });
    }

    @Test
    void R31_aReturnedApplicationStillUnamendedWhenTheTrainingStarts_lapses() {
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.RETURN, "请补充培训方案");
        data.trainingStartsToday(applied.getId());
        management.executeJob(timerOf(instance, "BoundaryEvent_AmendApplicationTrainingStarted").getId());
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Lapsed");
        assertThat(standing(applied)).isEqualTo("LAPSED");
    }

    /**
     * The engine never decides (issue 10): a token brought to the lapse step — an instance moved there
     * through engine REST, or a model that routes there after the consent — closes nothing unless OUR
     * records show the application open, not consented and its training started.
     */
    @Test
    void R31_aConsentedApplicationMovedToTheLapseStepDoesNotLapse_norOneWhoseTrainingHasNotStarted() {
        ExternalTraining consented = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        decide(consented, data.schoolAdmin, Decision.APPROVE, null);
        CurrentAccount other = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        ExternalTraining waiting = trainings.apply(other, null, data.planOf(other.teacherId()));
        for (ExternalTraining training : List.of(consented, waiting)) {
            ProcessInstance instance = instanceOf(training);
            String before = standing(training);
            int historyBefore = trainings.history(training.getId()).size();

            assertThatThrownBy(() -> runtime.createProcessInstanceModification(instance.getId())
                    .startBeforeActivity("ServiceTask_LapseApplication").execute())
                    .isInstanceOf(CaseStepRefused.class).hasMessageContaining("培训已开始，申请失效");

            assertThat(standing(training)).isEqualTo(before).startsWith("OPEN@");
            assertThat(trainings.history(training.getId())).hasSize(historyBefore);
            BpmnAwareTests.assertThat(instance).isNotEnded();
        }
        assertThat(trainings.require(consented.getId()).consentedAt()).isNotNull();
    }

    @Test
    void R31_theSchoolCannotConsentOnceTheTrainingHasStarted_onlyRefuse() {
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        data.trainingStartsToday(applied.getId());
        String consent = openTask(applied).id();

        assertThatThrownBy(() -> tasks.decide(consent, data.schoolAdmin, Decision.APPROVE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.ruleId()).isEqualTo("R-31");
                    assertThat(refusal.field()).isEqualTo("startDate");
                });
        assertThat(openTask(applied).id()).isEqualTo(consent);
        assertThat(standing(applied)).isEqualTo("OPEN@" + ExternalTrainingProcess.SCHOOL_CONSENT);
        assertThat(trainings.require(applied.getId()).consentedAt()).as("a refused consent is no consent").isNull();
        assertThat(trainings.history(applied.getId())).hasSize(1);

        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.REJECT, "培训已开始，未事先申请同意");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
    }

    @Test
    void R21_R23_aCertificateTheProfileDoesNotRecognise_endsVisiblyAsCreditRefused() {
        ExternalTraining applied = atCompletionReview(
                data.certificateOf(teacher.teacherId(), CertificateKind.HR_CE_CERTIFICATE, "30"));
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        decide(applied, data.countyReviewer, Decision.APPROVE, null);
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CreditRefused").hasNotPassed("EndEvent_Registered");
        ExternalTraining refused = trainings.require(applied.getId());
        assertThat(refused.status()).isEqualTo(TrainingStatus.CREDIT_REFUSED);
        assertThat(refused.outcomeReason()).contains("R-21", CertificateKind.HR_CE_CERTIFICATE.label())
                .as("the kind by its label, not its code").doesNotContain("HR_CE_CERTIFICATE");
        assertThat(trainings.history(applied.getId())).last().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(CaseOutcome.REFUSED);
            assertThat(event.actor()).isEqualTo(CaseHistory.SYSTEM);
        });
        assertThat(ledger.entriesOf(teacher.teacherId())).isEmpty();
    }

    @Test
    void R23_aSocialTrainingBodysCertificateWithoutAnEducationNotice_earnsNothing() {
        ExternalTraining applied = atCompletionReview(
                data.certificateOf(teacher.teacherId(), CertificateKind.SOCIAL_TRAINING_BODY, "16"));
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        decide(applied, data.countyReviewer, Decision.APPROVE, null);
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CreditRefused");
        assertThat(trainings.require(applied.getId()).outcomeReason()).contains("R-23");
        assertThat(ledger.entriesOf(teacher.teacherId())).isEmpty();
    }

    @Test
    void R06_aProviderThatLosesItsQualificationBeforeCrediting_endsAsProviderNotQualified() {
        ExternalTraining applied = atCompletionReview();
        ProcessInstance instance = instanceOf(applied);
        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        decide(applied, data.countyReviewer, Decision.APPROVE, null);
        data.providerLosesQualification(data.qualified);
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_ProviderNotQualified")
                .hasNotPassed("ServiceTask_CreditHours");
        ExternalTraining refused = trainings.require(applied.getId());
        assertThat(refused.status()).isEqualTo(TrainingStatus.PROVIDER_NOT_QUALIFIED);
        assertThat(refused.outcomeReason()).contains("R-06");
        assertThat(ledger.entriesOf(teacher.teacherId())).isEmpty();
    }

    @Test
    void R04_aCityDirectMiddleSchoolsEvidenceGoesToTheCityCeOffice_aCityKindergartensToTheDistrict() {
        CurrentAccount middle = data.teacherAt(data.schools.cityMiddleSchool, Stage.JUNIOR_MIDDLE);
        ExternalTraining toCity = trainings.apply(middle, null, data.planOf(middle.teacherId()));
        assertThat(toCity.schoolGroup()).isEqualTo("school-admin:" + data.schools.cityMiddleSchool.code());
        assertThat(toCity.authorityGroup()).isEqualTo("city-reviewer:" + data.schools.city.code());

        CurrentAccount kindergarten = data.teacherAt(data.schools.cityKindergarten, Stage.KINDERGARTEN);
        ExternalTraining toDistrict = trainings.apply(kindergarten, null, data.planOf(kindergarten.teacherId()));
        assertThat(toDistrict.authorityGroup()).isEqualTo("county-reviewer:" + data.schools.district.code());

        CurrentAccount province = data.teacherAt(data.schools.provinceMiddleSchool, Stage.SENIOR_HIGH);
        assertThat(trainings.apply(province, null, data.planOf(province.teacherId())).authorityGroup())
                .isEqualTo("city-reviewer:" + data.schools.city.code());
    }

    @Test
    void R04_anOverdueConsentIsRemindedThenEscalatedToTheRegistrationAuthority() {
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        ProcessInstance instance = instanceOf(applied);
        management.executeJob(DeadlineTimers.reminderOf(management, instance.getId(), "UserTask_SchoolConsent").getId());
        assertThat(tasks.worklist(data.countyReviewer, PROCESS, 0, 50)).isEmpty();
        management.executeJob(DeadlineTimers.escalationOf(management, instance.getId(), "UserTask_SchoolConsent").getId());

        assertThat(openTask(applied).candidateGroups()).containsExactlyInAnyOrder(
                "school-admin:" + data.schools.countySchool.code(), "county-reviewer:" + data.schools.district.code());
        assertThat(tasks.worklist(data.countyReviewer, PROCESS, 0, 50)).extracting(CaseTask::caseId)
                .containsExactly(String.valueOf(applied.getId()));
        assertThat(trainings.history(applied.getId())).extracting(CaseEvent::outcome)
                .containsExactly(CaseOutcome.SUBMITTED, CaseOutcome.REMINDED, CaseOutcome.ESCALATED);
        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.SCHOOL_CONSENT);
    }

    @Test
    void R04_anOverdueAuthorityReviewGoesUpToTheCity() {
        ExternalTraining applied = atCompletionReview();
        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        ProcessInstance instance = instanceOf(applied);
        management.executeJob(DeadlineTimers.reminderOf(management, instance.getId(), "UserTask_AuthorityReview").getId());
        management.executeJob(DeadlineTimers.escalationOf(management, instance.getId(), "UserTask_AuthorityReview").getId());
        assertThat(openTask(applied).candidateGroups()).contains("city-reviewer:" + data.schools.city.code());
        decide(applied, data.cityReviewer, Decision.APPROVE, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt("ServiceTask_CheckProvider");
    }

    @Test
    void R31_evidenceNotSubmittedInTime_isRemindedThenRecordedOverdue() {
        ExternalTraining applied = consentedAndEnded();
        ProcessInstance instance = instanceOf(applied);
        management.executeJob(DeadlineTimers.reminderOf(management, instance.getId(), "UserTask_SubmitCompletion").getId());
        management.executeJob(DeadlineTimers.escalationOf(management, instance.getId(), "UserTask_SubmitCompletion").getId());
        assertThat(trainings.history(applied.getId())).extracting(CaseEvent::outcome)
                .endsWith(CaseOutcome.REMINDED, CaseOutcome.OVERDUE);
        BpmnAwareTests.assertThat(instance).isWaitingAt(ExternalTrainingProcess.SUBMIT_COMPLETION);
    }

    @Test
    void R40_completingTheSubmissionInTasklistWithoutTheEvidence_isRefused() {
        ExternalTraining applied = consentedAndEnded();
        String submission = openTask(applied).id();
        identity.setAuthentication(teacher.username(), List.of());
        try {
            assertThatThrownBy(() -> taskService.complete(submission)).satisfies(failure ->
                    assertThat(rootRefusal(failure).messageKey()).isEqualTo("training.evidence-missing"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(openTask(applied).id()).isEqualTo(submission);
        assertThat(standing(applied)).isEqualTo("OPEN@" + ExternalTrainingProcess.SUBMIT_COMPLETION);
    }

    /** Consented, the training over, the completion task open. */
    private ExternalTraining consentedAndEnded() {
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        decide(applied, data.schoolAdmin, Decision.APPROVE, null);
        data.trainingTookPlace(applied.getId(), 3);
        execute(job(instanceOf(applied)));
        BpmnAwareTests.assertThat(instanceOf(applied)).isWaitingAt(ExternalTrainingProcess.SUBMIT_COMPLETION);
        return applied;
    }

    private ExternalTraining atCompletionReview(CompletionEvidence certificate) {
        ExternalTraining applied = consentedAndEnded();
        trainings.submitCompletion(applied.getId(), teacher, certificate);
        BpmnAwareTests.assertThat(instanceOf(applied)).isWaitingAt(ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW);
        return applied;
    }

    private ExternalTraining atCompletionReview() {
        return atCompletionReview(data.certificateOf(teacher.teacherId()));
    }

    private void decide(ExternalTraining training, CurrentAccount reviewer, Decision decision, String comment) {
        tasks.decide(openTask(training).id(), reviewer, decision, comment);
    }

    private CaseTask openTask(ExternalTraining training) {
        return tasks.openTask(PROCESS, String.valueOf(training.getId())).orElseThrow();
    }

    private String standing(ExternalTraining training) {
        return TrainingStanding.of(trainings, training.getId());
    }

    private ProcessInstance instanceOf(ExternalTraining training) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(trainings.require(training.getId()).processInstanceId()).singleResult();
        assertThat(instance).as("running case %s", training.getId()).isNotNull();
        return instance;
    }

    private Job timerOf(ProcessInstance instance, String boundaryEvent) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(boundaryEvent).singleResult();
    }

    private static BusinessRuleException rootRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("no business refusal in " + failure, failure);
    }
}
