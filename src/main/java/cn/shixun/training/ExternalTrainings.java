package cn.shixun.training;

import cn.shixun.organisation.TrainingProvider;
import cn.shixun.policy.CreditResult;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training not organised by an education authority: the teacher applies before the
 * training, the school consents before it starts, the provider must be qualified; after
 * the training the completion evidence is reviewed by the school and the registration authority
 * and the hours are registered through the teacher's profile. Every refusal
 * happens before anything is written; the decisions are recorded by the casework.
 *
 * <p>This class is what the applicant and the school do with an application, and what the pages
 * and the API read of it. The checks are {@link TrainingChecks}', who may do and see what is
 * {@link TrainingAccess}', the process's own steps are {@link TrainingCasework}'s and the crediting
 * {@link TrainingCredits}'.
 */
@Service
@Transactional(readOnly = true)
public class ExternalTrainings {

    private static final Logger log = LoggerFactory.getLogger(ExternalTrainings.class);
    private static final String PROCESS = ExternalTrainingProcess.PROCESS_ID;

    private final ExternalTrainingRepository repository;
    private final ExternalTrainingProcess process;
    private final CaseTasks caseTasks;
    private final TrainingAccess access;
    private final TrainingChecks checks;
    private final TrainingJournal journal;
    private final TrainingCredits credits;
    private final Clock clock;

    ExternalTrainings(ExternalTrainingRepository repository, ExternalTrainingProcess process, CaseTasks caseTasks,
                      TrainingAccess access, TrainingChecks checks, TrainingJournal journal, TrainingCredits credits,
                      Clock clock) {
        this.repository = repository;
        this.process = process;
        this.caseTasks = caseTasks;
        this.access = access;
        this.checks = checks;
        this.journal = journal;
        this.credits = credits;
        this.clock = clock;
    }

    /**
     * {@code account} applies: a teacher for themselves ({@code teacherId} null or their own), a
     * school administrator for a teacher of their school (AccessScope). Starts the process at the
     * school's consent.
     */
    @Transactional
    public ExternalTraining apply(CurrentAccount account, Long teacherId, TrainingPlan plan) {
        return apply(access.applicantFor(account, teacherId), account.username(), plan);
    }

    /** Applies for the teacher; {@code applicant} is the username the teacher's later tasks go to. */
    @Transactional
    public ExternalTraining apply(Long teacherId, String applicant, TrainingPlan plan) {
        return applyOn(teacherId, applicant, plan, today());
    }

    /**
     * The school's consent as it was given on {@code day}: the demo data replays an application and
     * its consent made before a training that is over now. Checked as of that day and recorded as
     * given then, then decided through the casework like any consent. Nothing else calls it.
     */
    @Transactional
    void consentOn(Long id, CurrentAccount school, String comment, LocalDate day) {
        ExternalTraining training = require(id);
        List<CaseTask> open = openTasks(id);
        CaseTask task = open.stream()
                .filter(step -> step.kind() == CaseTask.Kind.REVIEW && training.consentedAt() == null).findFirst()
                .orElseThrow(() -> BusinessRuleException.conflict("R-31", "id", "training.no-consent-due", id,
                        training.statusLabel(CaseProgress.of(open))));
        caseTasks.requireWorkable(task.id(), school);
        checks.requireBeforeStart(training, day, "training.consent-too-late");
        checks.requireEligible(training);
        training.consented(day.atStartOfDay(clock.getZone()).toInstant(), Instant.now());
        caseTasks.decide(task.id(), school, Decision.APPROVE, comment);
    }

    /** The application as of {@code today}: the demo data backdates a few applications through it. */
    @Transactional
    ExternalTraining applyOn(Long teacherId, String applicant, TrainingPlan plan, LocalDate today) {
        Teacher teacher = checks.registrableApplicant(teacherId);
        checks.checkPlan(teacher, plan, null, today);
        CandidateGroup school = access.schoolReview(teacher.schoolId());
        CandidateGroup authority = access.authorityReview(teacher.schoolId());
        ExternalTraining training = repository.saveAndFlush(new ExternalTraining(teacherId, teacher.schoolId(),
                applicant, plan, today, school.id(), authority.id(), Instant.now()));
        training.startedAs(process.start(training.getId()));
        journal.record(training, null, "申请参加培训", CaseOutcome.SUBMITTED, journal.summary(training.plan()), applicant);
        journal.audit("training.apply", training, journal.summary(training.plan()));
        log.info("External training {} applied for teacher {} by {}, routed to {} then {}", training.getId(), teacherId,
                applicant, school.id(), authority.id());
        return training;
    }

    /** The applicant resubmits a returned application with a corrected plan; it goes back to the school. */
    @Transactional
    public ExternalTraining amendApplication(Long id, CurrentAccount account, TrainingPlan plan) {
        ExternalTraining training = require(id);
        CaseTask task = openSubmission(training, false, "training.not-returned");
        caseTasks.requireWorkable(task.id(), account);
        checks.checkPlan(checks.registrableApplicant(training.teacherId()), plan, id, today());
        // what is replaced stays readable in the history.
        journal.record(training, task.taskKey(), "原申请内容", CaseOutcome.RESUBMITTED,
                "原申请：" + journal.summary(training.plan()), account.username());
        training.takePlan(plan);
        journal.audit("training.amend", training, journal.summary(training.plan()));
        caseTasks.submit(task.id(), account);
        return training;
    }

    /** After the training: the completion evidence, first or after a return. */
    @Transactional
    public ExternalTraining submitCompletion(Long id, CurrentAccount account, CompletionEvidence evidence) {
        ExternalTraining training = require(id);
        CaseTask task = openSubmission(training, true, "training.no-completion-due");
        caseTasks.requireWorkable(task.id(), account);
        checks.checkEvidence(training, evidence, today());
        if (training.evidence() != null) {
            journal.record(training, task.taskKey(), "原结业材料", CaseOutcome.RESUBMITTED,
                    "原材料：" + journal.summary(training.evidence()), account.username());
        }
        training.takeEvidence(evidence);
        journal.audit("training.completion", training, journal.summary(training.evidence()));
        caseTasks.submit(task.id(), account);
        return training;
    }

    public ExternalTraining require(Long id) {
        return repository.require(id);
    }

    /**
     * The application if the account may see it: the applicant, the teacher, an account whose
     * scope covers the school, or a member of its registration authority's group.
     */
    public ExternalTraining requireVisibleTo(Long id, CurrentAccount account) {
        ExternalTraining training = require(id);
        access.requireVisible(training, account);
        return training;
    }

    public List<CaseEvent> history(Long id) {
        return journal.of(id);
    }

    /** The application's open user tasks, oldest first: one read for what a page or view shows of them. */
    public List<CaseTask> openTasks(Long id) {
        return caseTasks.openTasks(PROCESS, String.valueOf(id));
    }

    /** Where an open application stands, from its process: the steps open now. */
    public CaseProgress progress(Long id) {
        return CaseProgress.of(openTasks(id));
    }

    /** Where each of the applications stands, from one read of their open tasks (a list page). */
    public Map<Long, CaseProgress> progressOf(Collection<ExternalTraining> applications) {
        return caseTasks.progressOf(PROCESS, applications.stream().map(ExternalTraining::getId).toList());
    }

    /** The teacher's applications, newest first. */
    public List<ExternalTraining> ofTeacher(Long teacherId) {
        return repository.findByTeacherIdOrderByLifecycleCreatedAtDescIdDesc(teacherId);
    }

    /** A school's applications, newest first, a page at a time; the caller checks the scope. */
    public Page<ExternalTraining> ofSchool(Long schoolId, Pageable page) {
        return repository.findBySchoolIdOrderByLifecycleCreatedAtDescIdDesc(schoolId, page);
    }

    /** The providers qualified for the teacher: the only ones worth offering. */
    public List<TrainingProvider> providersFor(Long teacherId) {
        return checks.providersFor(teacherId);
    }

    /** What the teacher's profile would credit for this certificate now; see {@link TrainingCredits#preview}. */
    public CreditResult previewCredit(Long id, CertificateKind kind, BigDecimal statedHours, Integer statedDays) {
        return credits.preview(id, kind, statedHours, statedDays);
    }

    /** The first day of the training (the consent must come before it). */
    public LocalDate startDate(Long id) {
        return require(id).plan().startDate();
    }

    /** The last day of the training (the evidence can only come after it). */
    public LocalDate endDate(Long id) {
        return require(id).plan().endDate();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The application's open submission step, which before the school's consent takes the plan
     * (an amendment) and after it the completion evidence; refused with {@code noTaskKey}
     * if no such step is open now.
     */
    private CaseTask openSubmission(ExternalTraining training, boolean afterConsent, String noTaskKey) {
        List<CaseTask> open = openTasks(training.getId());
        return open.stream().filter(task -> task.kind() == CaseTask.Kind.SUBMISSION).findFirst()
                .filter(task -> (training.consentedAt() != null) == afterConsent)
                .orElseThrow(() -> BusinessRuleException.conflict("R-31", "id", noTaskKey, training.getId(),
                        training.statusLabel(CaseProgress.of(open))));
    }
}
