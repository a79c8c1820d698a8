package cn.shixun.training;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.EvidenceNumbers;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.SourceType;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProviderEligibility;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.CreditResult;
import cn.shixun.policy.HourCalculator;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RequiredText;
import cn.shixun.tasks.CaseCredits;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
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
 */
@Service
@Transactional(readOnly = true)
public class ExternalTrainings {

    private static final Logger log = LoggerFactory.getLogger(ExternalTrainings.class);
    private static final int MAX_TEXT = 200;
    private static final int MAX_CONTENT = 1000;
    /** A longer "training" is a typing error or a degree course, not R-31 training. */
    private static final int MAX_TRAINING_DAYS = 366;
    private static final BigDecimal MAX_HOURS_PER_DAY = new BigDecimal("24");
    private static final String PROCESS = ExternalTrainingProcess.PROCESS_ID;

    private final ExternalTrainingRepository repository;
    private final ExternalTrainingProcess process;
    private final Teachers teachers;
    private final Organisations organisations;
    private final TrainingProviders providers;
    private final ProviderEligibility eligibility;
    private final ReviewRouting routing;
    private final CaseTasks caseTasks;
    private final CaseHistory history;
    private final Ledger ledger;
    private final AccessScope scope;
    private final MessageSource messages;
    private final CaseCredits credits;
    private final ApplicationEventPublisher events;
    private final EvidenceFiles evidenceFiles;
    private final Clock clock;

    ExternalTrainings(ExternalTrainingRepository repository, ExternalTrainingProcess process, Teachers teachers,
                      Organisations organisations, TrainingProviders providers, ProviderEligibility eligibility,
                      ReviewRouting routing, CaseTasks caseTasks, CaseHistory history, Ledger ledger,
                      AccessScope scope, MessageSource messages, CaseCredits credits, ApplicationEventPublisher events,
                      EvidenceFiles evidenceFiles, Clock clock) {
        this.clock = clock;
        this.evidenceFiles = evidenceFiles;
        this.repository = repository;
        this.process = process;
        this.teachers = teachers;
        this.organisations = organisations;
        this.providers = providers;
        this.eligibility = eligibility;
        this.routing = routing;
        this.caseTasks = caseTasks;
        this.history = history;
        this.ledger = ledger;
        this.scope = scope;
        this.messages = messages;
        this.credits = credits;
        this.events = events;
    }

    /**
     * {@code account} applies: a teacher for themselves ({@code teacherId} null or their own), a
     * school administrator for a teacher of their school (AccessScope). Starts the process at the
     * school's consent.
     */
    @Transactional
    public ExternalTraining apply(CurrentAccount account, Long teacherId, TrainingPlan plan) {
        Long subject = teacherId != null ? teacherId : account.teacherId();
        if (account.isTeacher()) {
            if (subject == null || !subject.equals(account.teacherId())) {
                throw BusinessRuleException.forbidden("R-31", "teacherId", "training.only-own-application");
            }
        } else if (!account.is(Role.SCHOOL_ADMIN)) {
            throw BusinessRuleException.forbidden("R-31", "teacherId", "training.who-may-apply");
        } else if (subject == null || !scope.coversTeacher(account, subject)) {
            throw BusinessRuleException.forbidden("R-04", "teacherId", "training.outside-scope", subject);
        }
        return apply(subject, account.username(), plan);
    }

    /** Applies for the teacher; {@code applicant} is the username the teacher's later tasks go to. */
    @Transactional
    public ExternalTraining apply(Long teacherId, String applicant, TrainingPlan plan) {
        return applyOn(teacherId, applicant, plan, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The school's consent as it was given on {@code day}: the demo data replays an application and
     * its consent made before a training that is over now. Checked as of that day, then decided
     * through the casework like any consent. Nothing else calls it.
     */
    @Transactional
    void consentOn(Long id, CurrentAccount school, String comment, LocalDate day) {
        ExternalTraining training = require(id);
        CaseTask task = openTask(training, ExternalTrainingProcess.SCHOOL_CONSENT, "training.no-consent-due");
        caseTasks.requireWorkable(task.id(), school);
        requireBeforeStart(training, day, "training.consent-too-late");
        requireEligible(training);
        training.moveTo(TrainingStatus.CONSENTED, Instant.now());
        caseTasks.decide(task.id(), school, Decision.APPROVE, comment);
    }

    /** The application as of {@code today}: the demo data backdates a few applications through it. */
    @Transactional
    ExternalTraining applyOn(Long teacherId, String applicant, TrainingPlan plan, LocalDate today) {
        if (teacherId == null || teachers.find(teacherId).isEmpty()) {
            throw BusinessRuleException.notFound("teacherId", "training.teacher-not-found", teacherId);
        }
        Teacher teacher = teachers.requireRegistrable(teacherId);
        checkPlan(teacher, plan, null, today);
        CandidateGroup school = routing.schoolReview(teacher.schoolId());
        CandidateGroup authority = routing.authorityReview(teacher.schoolId());
        ExternalTraining training = repository.saveAndFlush(new ExternalTraining(teacherId, teacher.schoolId(),
                applicant, plan, today, school.id(), authority.id(), Instant.now()));
        training.startedAs(process.start(training.getId()));
        history.record(PROCESS, caseId(training), null, "申请参加培训", CaseOutcome.SUBMITTED, summary(training.plan()),
                applicant);
        events.publishEvent(new AuditedAction("training.apply", PROCESS, caseId(training), summary(training.plan())));
        log.info("External training {} applied for teacher {} by {}, routed to {} then {}", training.getId(), teacherId,
                applicant, school.id(), authority.id());
        return training;
    }

    /** The applicant resubmits a returned application with a corrected plan; it goes back to the school. */
    @Transactional
    public ExternalTraining amendApplication(Long id, CurrentAccount account, TrainingPlan plan) {
        ExternalTraining training = require(id);
        CaseTask task = openTask(training, ExternalTrainingProcess.AMEND_APPLICATION, "training.not-returned");
        caseTasks.requireWorkable(task.id(), account);
        checkPlan(teachers.requireRegistrable(training.teacherId()), plan, id, today());
        // what is replaced stays readable in the history.
        history.record(PROCESS, caseId(training), task.taskKey(), "原申请内容", CaseOutcome.RESUBMITTED,
                "原申请：" + summary(training.plan()), account.username());
        training.takePlan(plan);
        events.publishEvent(new AuditedAction("training.amend", PROCESS, caseId(training), summary(training.plan())));
        caseTasks.submit(task.id(), account);
        return training;
    }

    /** After the training: the completion evidence, first or after a return. */
    @Transactional
    public ExternalTraining submitCompletion(Long id, CurrentAccount account, CompletionEvidence evidence) {
        ExternalTraining training = require(id);
        CaseTask task = caseTasks.openTask(PROCESS, caseId(training))
                .filter(open -> ExternalTrainingProcess.SUBMIT_COMPLETION.equals(open.taskKey())
                        || ExternalTrainingProcess.AMEND_COMPLETION.equals(open.taskKey()))
                .orElseThrow(() -> BusinessRuleException.conflict("R-31", "id", "training.no-completion-due", id,
                        training.status().label()));
        caseTasks.requireWorkable(task.id(), account);
        checkEvidence(training, evidence);
        if (training.evidence() != null) {
            history.record(PROCESS, caseId(training), task.taskKey(), "原结业材料", CaseOutcome.RESUBMITTED,
                    "原材料：" + summary(training.evidence()), account.username());
        }
        training.takeEvidence(evidence);
        events.publishEvent(new AuditedAction("training.completion", PROCESS, caseId(training),
                summary(training.evidence())));
        caseTasks.submit(task.id(), account);
        return training;
    }

    /** The casework: a review was decided (already checked and recorded); move the record on. */
    @Transactional
    public void decided(String caseId, String taskKey, Decision decision, String comment) {
        ExternalTraining training = require(idOf(caseId));
        Instant now = Instant.now();
        if (decision == Decision.REJECT) {
            training.closed(TrainingStatus.REJECTED, comment, now);
            return;
        }
        switch (taskKey) {
            case ExternalTrainingProcess.SCHOOL_CONSENT -> {
                // Already CONSENTED: a consent replayed as of its own day (consentOn), checked then.
                if (decision == Decision.APPROVE && training.status() != TrainingStatus.CONSENTED) {
                    requireBeforeStart(training, today(), "training.consent-too-late");
                    requireEligible(training);
                }
                training.moveTo(decision == Decision.APPROVE ? TrainingStatus.CONSENTED
                        : TrainingStatus.APPLICATION_RETURNED, now);
            }
            case ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW -> training.moveTo(decision == Decision.APPROVE
                    ? TrainingStatus.AUTHORITY_REVIEW : TrainingStatus.COMPLETION_RETURNED, now);
            case ExternalTrainingProcess.AUTHORITY_REVIEW -> training.moveTo(decision == Decision.APPROVE
                    ? TrainingStatus.CREDITING : TrainingStatus.COMPLETION_RETURNED, now);
            default -> throw new IllegalStateException("not a review of " + PROCESS + ": " + taskKey);
        }
    }

    /**
     * The casework: a submission task was completed. Completing it without the data (e.g. from
     * Tasklist) is refused: the evidence must be in the record first.
     */
    @Transactional
    public void submitted(String caseId, String taskKey) {
        ExternalTraining training = require(idOf(caseId));
        Instant now = Instant.now();
        switch (taskKey) {
            case ExternalTrainingProcess.AMEND_APPLICATION -> {
                requireBeforeStart(training, today(), "training.already-started");
                training.moveTo(TrainingStatus.CONSENT_REVIEW, now);
            }
            case ExternalTrainingProcess.SUBMIT_COMPLETION, ExternalTrainingProcess.AMEND_COMPLETION -> {
                if (training.evidence() == null) {
                    throw BusinessRuleException.violation("R-31", "certificateNumber", "training.evidence-missing",
                            training.getId());
                }
                training.moveTo(TrainingStatus.COMPLETION_REVIEW, now);
            }
            default -> throw new IllegalStateException("not a submission of " + PROCESS + ": " + taskKey);
        }
    }

    /** the training started before the school consented; the application lapses. */
    @Transactional
    public void lapse(Long id) {
        ExternalTraining training = require(id);
        String reason = messages.getMessage("training.lapsed", new Object[] {training.plan().startDate()},
                Locale.SIMPLIFIED_CHINESE);
        history.record(PROCESS, caseId(training), null, "事先同意", CaseOutcome.REFUSED, reason, CaseHistory.SYSTEM);
        training.closed(TrainingStatus.LAPSED, reason, Instant.now());
        log.info("External training {} lapsed: not consented before {}", id, training.plan().startDate());
    }

    /**
     * R-06 again before crediting: the provider must still be qualified for the teacher's stage.
     * A refusal is recorded and thrown (the delegate makes it {@code Error_ProviderNotQualified}).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public void checkProvider(Long id) {
        ExternalTraining training = require(id);
        Teacher teacher = teachers.require(training.teacherId());
        ProviderEligibility.Verdict verdict = eligibility.assess(training.plan().providerId(), teacher.stage(),
                countyOf(training.schoolId()));
        if (!verdict.eligible()) {
            String reason = messages.getMessage(verdict.reasonKey(), verdict.reasonArgs().toArray(), verdict.reasonKey(),
                    Locale.SIMPLIFIED_CHINESE) + "（R-06）";
            history.record(PROCESS, caseId(training), null, "复核培训机构资质", CaseOutcome.REFUSED, reason,
                    CaseHistory.SYSTEM);
            training.closed(TrainingStatus.PROVIDER_NOT_QUALIFIED, reason, Instant.now());
            log.warn("External training {} approved but its provider is no longer qualified: {}", id, reason);
            throw BusinessRuleException.violation("R-06", "providerId", verdict.reasonKey(),
                    verdict.reasonArgs().toArray());
        }
    }

    /**
     * Registers the hours: the policy calculator of the teacher's profile decides
     * from the certificate. Credited once, or the refusal recorded and the application closed
     * ({@link CaseCredits}).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public LedgerEntry credit(Long id) {
        ExternalTraining training = require(id);
        return credits.creditCase(credits.step(PROCESS, caseId(training), null, "登记培训学时",
                        ExternalTrainingProcess.AUTHORITY_REVIEW),
                new CaseCredits.Credit(training.teacherId(), claim(training), evidence(PROCESS + "/" + id, training)),
                entry -> training.registered(entry.getId(), Instant.now()),
                reason -> training.closed(TrainingStatus.CREDIT_REFUSED, reason, Instant.now()));
    }

    public ExternalTraining require(Long id) {
        return repository.findById(id)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "training.not-found", id));
    }

    /**
     * The application if the account may see it: the applicant, the teacher, an account whose
     * scope covers the school, or a member of its registration authority's group.
     */
    public ExternalTraining requireVisibleTo(Long id, CurrentAccount account) {
        ExternalTraining training = require(id);
        boolean visible = account.username().equals(training.applicant())
                || (account.isTeacher() && training.teacherId().equals(account.teacherId()))
                || (!account.isTeacher() && scope.covers(account, training.schoolId()))
                || routing.groupOf(account).map(CandidateGroup::id).filter(group -> group.equals(training.authorityGroup())).isPresent();
        if (!visible) {
            throw BusinessRuleException.notFound("id", "training.not-found", id);
        }
        return training;
    }

    public List<CaseEvent> history(Long id) {
        return history.of(PROCESS, String.valueOf(id));
    }

    public Optional<CaseTask> openTask(Long id) {
        return caseTasks.openTask(PROCESS, String.valueOf(id));
    }

    /** The teacher's applications, newest first. */
    public List<ExternalTraining> ofTeacher(Long teacherId) {
        return repository.findByTeacherIdOrderByLifecycleCreatedAtDescIdDesc(teacherId);
    }

    /** A school's applications, newest first, a page at a time; the caller checks the scope. */
    public Page<ExternalTraining> ofSchool(Long schoolId, Pageable page) {
        return repository.findBySchoolIdOrderByLifecycleCreatedAtDescIdDesc(schoolId, page);
    }

    /**
     * The providers of the register that are qualified for the teacher (R-06: their stage, the
     * county of their school): the only ones worth offering. Applying checks the same again.
     */
    public List<TrainingProvider> providersFor(Long teacherId) {
        Teacher teacher = teachers.require(teacherId);
        Long county = countyOf(teacher.schoolId());
        return providers.all().stream()
                .filter(provider -> eligibility.assess(provider.getId(), teacher.stage(), county).eligible())
                .toList();
    }

    /**
     * What the teacher's profile would credit for this certificate now, as the
     * crediting step will ask the ledger, from the typed figures; writes nothing. Refused like
     * the ledger refuses (e.g. a certificate kind the profile does not recognise).
     */
    public CreditResult previewCredit(Long id, CertificateKind kind, BigDecimal statedHours, Integer statedDays) {
        ExternalTraining training = require(id);
        return ledger.preview(training.teacherId(), claim(training.plan(), kind, statedHours, statedDays));
    }

    /** One line for a reviewer's worklist: the teacher, the provider and the project. */
    public String summary(String caseId) {
        return repository.findById(idOf(caseId)).map(training -> teachers.find(training.teacherId())
                .map(Teacher::name).orElse("?") + "：" + providerName(training.plan().providerId()) + "「"
                + training.plan().projectName() + "」").orElse(caseId);
    }

    /** The teacher an application is about; empty for an id that is not one. */
    public Optional<Long> teacherOf(String caseId) {
        try {
            return repository.findById(Long.valueOf(caseId)).map(ExternalTraining::teacherId);
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** The first day of the training (the consent must come before it). */
    public LocalDate startDate(Long id) {
        return require(id).plan().startDate();
    }

    /** The last day of the training (the evidence can only come after it). */
    public LocalDate endDate(Long id) {
        return require(id).plan().endDate();
    }

    /**
     * and the plan's own completeness; R-40: the notice is a stored evidence file of
     * this teacher, and the same application only once.
     */
    private void checkPlan(Teacher teacher, TrainingPlan plan, Long ownId, LocalDate today) {
        if (plan == null || plan.providerId() == null) {
            throw BusinessRuleException.violation("R-06", "providerId", "training.provider-required");
        }
        requireText(plan.projectName(), "projectName", MAX_TEXT);
        if (plan.startDate() == null) {
            throw BusinessRuleException.violation("R-31", "startDate", "training.field-required");
        }
        if (plan.endDate() == null) {
            throw BusinessRuleException.violation("R-31", "endDate", "training.field-required");
        }
        requireText(plan.place(), "place", MAX_TEXT);
        requireText(plan.plannedContent(), "plannedContent", MAX_CONTENT);
        requireText(plan.planFile(), "planFile", MAX_TEXT);
        if (plan.endDate().isBefore(plan.startDate())) {
            throw BusinessRuleException.violation("R-31", "endDate", "training.end-before-start");
        }
        if (ChronoUnit.DAYS.between(plan.startDate(), plan.endDate()) + 1 > MAX_TRAINING_DAYS) {
            throw BusinessRuleException.violation("R-31", "endDate", "training.too-long", MAX_TRAINING_DAYS);
        }
        if (!plan.startDate().isAfter(today)) {
            throw BusinessRuleException.violation("R-31", "startDate", "training.already-started", plan.startDate());
        }
        TrainingProvider provider = providers.require(plan.providerId());
        eligibility.check(provider.getId(), teacher.stage(), countyOf(teacher.schoolId()));
        boolean twice = repository.findByTeacherId(teacher.getId()).stream()
                .filter(other -> !other.getId().equals(ownId) && !other.status().isClosedWithoutHours())
                .map(ExternalTraining::plan)
                .anyMatch(other -> other.providerId().equals(plan.providerId())
                        && other.startDate().equals(plan.startDate())
                        && other.projectName().equals(plan.projectName().strip()));
        if (twice) {
            throw BusinessRuleException.conflict("R-40", "projectName", "training.applied-twice",
                    plan.projectName().strip(), plan.startDate());
        }
        evidenceFiles.requireAttachable(plan.planFile(), teacher.getId(), "planFile");
    }

    /**
     * The certificate: complete, a stored evidence file of this teacher, plausible for the
     * training's dates, not used by another application.
     */
    private void checkEvidence(ExternalTraining training, CompletionEvidence evidence) {
        if (evidence == null) {
            throw BusinessRuleException.violation("R-31", "certificateNumber", "training.evidence-incomplete");
        }
        requireText(evidence.certificateNumber(), "certificateNumber", MAX_TEXT);
        if (evidence.certificateKind() == null) {
            throw BusinessRuleException.violation("R-21", "certificateKind", "training.evidence-incomplete");
        }
        requireText(evidence.certificateFile(), "certificateFile", MAX_TEXT);
        if (evidence.statedHours() == null && evidence.statedDays() == null) {
            throw BusinessRuleException.violation("R-31", "statedHours", "training.hours-or-days-required");
        }
        TrainingPlan plan = training.plan();
        if (!today().isAfter(plan.endDate())) {
            throw BusinessRuleException.violation("R-31", "certificateNumber", "training.not-yet-ended", plan.endDate());
        }
        long days = ChronoUnit.DAYS.between(plan.startDate(), plan.endDate()) + 1;
        if (evidence.statedDays() != null && (evidence.statedDays() <= 0 || evidence.statedDays() > days)) {
            throw BusinessRuleException.violation("R-31", "statedDays", "training.days-out-of-range",
                    evidence.statedDays(), days);
        }
        if (evidence.statedHours() != null && (evidence.statedHours().signum() <= 0
                || HourCalculator.roundsToZero(evidence.statedHours())
                || evidence.statedHours().compareTo(MAX_HOURS_PER_DAY.multiply(BigDecimal.valueOf(days))) > 0)) {
            throw BusinessRuleException.violation("R-31", "statedHours", "training.hours-out-of-range",
                    evidence.statedHours().toPlainString(), days);
        }
        String number = evidence.certificateNumber().strip();
        String key = EvidenceNumbers.key(number);
        if (key.isEmpty()) {
            throw BusinessRuleException.violation("R-31", "certificateNumber", "training.evidence-incomplete");
        }
        boolean taken = repository.findByCertificateKey(key).stream()
                .anyMatch(other -> !other.getId().equals(training.getId()) && !other.status().isClosedWithoutHours());
        if (taken) {
            throw BusinessRuleException.conflict("R-40", "certificateNumber", "training.certificate-already-used", number);
        }
        evidenceFiles.requireAttachable(evidence.certificateFile(), training.teacherId(), "certificateFile");
    }

    private void requireBeforeStart(ExternalTraining training, LocalDate today, String messageKey) {
        if (!training.plan().startDate().isAfter(today)) {
            throw BusinessRuleException.violation("R-31", "startDate", messageKey, training.plan().startDate());
        }
    }

    private void requireEligible(ExternalTraining training) {
        eligibility.check(training.plan().providerId(), teachers.require(training.teacherId()).stage(),
                countyOf(training.schoolId()));
    }

    private CaseTask openTask(ExternalTraining training, String taskKey, String noTaskKey) {
        return caseTasks.openTask(PROCESS, caseId(training)).filter(task -> taskKey.equals(task.taskKey()))
                .orElseThrow(() -> BusinessRuleException.conflict("R-31", "id", noTaskKey, training.getId(),
                        training.status().label()));
    }

    /** The county the school stands in, for a county teacher-training school; null above county level. */
    private Long countyOf(Long schoolId) {
        return organisations.lineage(schoolId).stream().filter(o -> o.level() == OrganisationLevel.COUNTY)
                .map(Organisation::getId).findFirst()
                .orElseGet(() -> {
                    Organisation authority = organisations.registrationAuthorityOf(schoolId);
                    return authority.level() == OrganisationLevel.COUNTY ? authority.getId() : null;
                });
    }

    private Claim claim(ExternalTraining training) {
        CompletionEvidence evidence = training.evidence();
        return claim(training.plan(), evidence.certificateKind(), evidence.statedHours(), evidence.statedDays());
    }

    private Claim claim(TrainingPlan plan, CertificateKind kind, BigDecimal statedHours, Integer statedDays) {
        Claim.Builder claim = Claim.of(ClaimKind.PROFESSIONAL_CERTIFICATE, plan.endDate()).from(plan.startDate())
                .certificate(kind == null ? null : kind.name())
                .title("非教育行政部门组织的培训：" + providerName(plan.providerId()) + "「" + plan.projectName() + "」");
        if (statedHours != null) {
            claim.hours(statedHours.toPlainString());
        } else if (statedDays != null) {
            claim.days(statedDays);
        }
        return claim.build();
    }

    private static Evidence evidence(String sourceRef, ExternalTraining training) {
        return new Evidence(SourceType.APPLICATION, sourceRef, training.evidence().certificateNumber(),
                List.of(training.evidence().certificateFile(), training.plan().planFile()));
    }

    private String providerName(Long providerId) {
        return providers.find(providerId).map(TrainingProvider::name).orElse(String.valueOf(providerId));
    }

    private String summary(TrainingPlan plan) {
        return providerName(plan.providerId()) + "「" + plan.projectName() + "」，" + plan.startDate() + "至"
                + plan.endDate() + "，" + plan.place() + "，方案" + fileLabel(plan.planFile());
    }

    private String summary(CompletionEvidence evidence) {
        String amount = evidence.statedHours() != null
                ? evidence.statedHours().stripTrailingZeros().toPlainString() + "学时" : evidence.statedDays() + "天";
        return evidence.certificateKind().label() + "，证书编号" + evidence.certificateNumber() + "，" + amount + "，扫描件"
                + fileLabel(evidence.certificateFile());
    }

    /**
     * A stored evidence file as a person reads it in the history: its name and the start of its id,
     * enough to tell which of the teacher's files it was; any other reference as it is.
     */
    private String fileLabel(String reference) {
        return evidenceFiles.describe(reference).map(file -> "“" + file.name() + "”（" + file.id().substring(0, 8) + "）")
                .orElse(reference);
    }

    private static void requireText(String value, String field, int max) {
        RequiredText.require(value, field, max, "R-31", "training.field-required", "training.text-too-long");
    }

    private static String caseId(ExternalTraining training) {
        return String.valueOf(training.getId());
    }

    private static Long idOf(String caseId) {
        try {
            return Long.valueOf(caseId);
        } catch (NumberFormatException notOurs) {
            throw BusinessRuleException.notFound("id", "training.not-found", caseId);
        }
    }
}
