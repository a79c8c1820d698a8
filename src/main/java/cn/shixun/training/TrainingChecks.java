package cn.shixun.training;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.ledger.EvidenceNumbers;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProviderEligibility;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.policy.HourCalculator;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RequiredText;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What an application must satisfy before anything is written: the plan and its dates,
 * a provider qualified for the teacher, the completion evidence, and each plan and
 * certificate used once, with evidence files of the teacher's own.
 */
@Component
class TrainingChecks {

    private static final int MAX_TEXT = 200;
    private static final int MAX_CONTENT = 1000;
    /** A longer "training" is a typing error or a degree course, not R-31 training. */
    private static final int MAX_TRAINING_DAYS = 366;
    private static final BigDecimal MAX_HOURS_PER_DAY = new BigDecimal("24");

    private final ExternalTrainingRepository repository;
    private final Teachers teachers;
    private final Organisations organisations;
    private final TrainingProviders providers;
    private final ProviderEligibility eligibility;
    private final EvidenceFiles evidenceFiles;

    TrainingChecks(ExternalTrainingRepository repository, Teachers teachers, Organisations organisations,
                   TrainingProviders providers, ProviderEligibility eligibility, EvidenceFiles evidenceFiles) {
        this.repository = repository;
        this.teachers = teachers;
        this.organisations = organisations;
        this.providers = providers;
        this.eligibility = eligibility;
        this.evidenceFiles = evidenceFiles;
    }

    /** The teacher an application is for: known, and registrable. */
    Teacher registrableApplicant(Long teacherId) {
        if (teacherId == null || teachers.find(teacherId).isEmpty()) {
            throw BusinessRuleException.notFound("teacherId", "training.teacher-not-found", teacherId);
        }
        return teachers.requireRegistrable(teacherId);
    }

    /**
     * and the plan's own completeness as of {@code today}; R-40: the notice is a stored
     * evidence file of this teacher, and the same application only once.
     */
    void checkPlan(Teacher teacher, TrainingPlan plan, Long ownId, LocalDate today) {
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
     * The certificate as of {@code today}: complete, a stored evidence file of this teacher,
     * plausible for the training's dates, not used by another application.
     */
    void checkEvidence(ExternalTraining training, CompletionEvidence evidence, LocalDate today) {
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
        if (!today.isAfter(plan.endDate())) {
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

    /** the school consents, and a returned application is resubmitted, before the training starts. */
    void requireBeforeStart(ExternalTraining training, LocalDate today, String messageKey) {
        if (!training.plan().startDate().isAfter(today)) {
            throw BusinessRuleException.violation("R-31", "startDate", messageKey, training.plan().startDate());
        }
    }

    /** the provider qualified for the teacher's stage and the county of their school; refused if not. */
    void requireEligible(ExternalTraining training) {
        eligibility.check(training.plan().providerId(), teachers.require(training.teacherId()).stage(),
                countyOf(training.schoolId()));
    }

    /** R-06 as a verdict, for the check before crediting that records a refusal instead of throwing it. */
    ProviderEligibility.Verdict providerVerdict(ExternalTraining training) {
        return eligibility.assess(training.plan().providerId(), teachers.require(training.teacherId()).stage(),
                countyOf(training.schoolId()));
    }

    /**
     * The providers of the register that are qualified for the teacher (R-06: their stage, the
     * county of their school): the only ones worth offering. Applying checks the same again.
     */
    List<TrainingProvider> providersFor(Long teacherId) {
        Teacher teacher = teachers.require(teacherId);
        Long county = countyOf(teacher.schoolId());
        return providers.all().stream()
                .filter(provider -> eligibility.assess(provider.getId(), teacher.stage(), county).eligible())
                .toList();
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

    private static void requireText(String value, String field, int max) {
        RequiredText.require(value, field, max, "R-31", "training.field-required", "training.text-too-long");
    }
}
