package cn.shixun.training;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the {@code externalTrainingApproval} process moves an application on: a review decided or a
 * submission completed (already checked and recorded by the casework, R-40), an application that
 * lapsed, and the line a reviewer's worklist shows for it.
 */
@Service
@Transactional(readOnly = true)
public class TrainingCasework {

    private static final Logger log = LoggerFactory.getLogger(TrainingCasework.class);
    private static final String PROCESS = ExternalTrainingProcess.PROCESS_ID;

    private final ExternalTrainingRepository repository;
    private final Teachers teachers;
    private final TrainingChecks checks;
    private final TrainingJournal journal;
    private final MessageSource messages;
    private final Clock clock;

    TrainingCasework(ExternalTrainingRepository repository, Teachers teachers, TrainingChecks checks,
                     TrainingJournal journal, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.teachers = teachers;
        this.checks = checks;
        this.journal = journal;
        this.messages = messages;
        this.clock = clock;
    }

    /** The casework: a review was decided (already checked and recorded); move the record on. */
    @Transactional
    public void decided(String caseId, String taskKey, Decision decision, String comment) {
        ExternalTraining training = repository.require(idOf(caseId));
        Instant now = Instant.now();
        if (decision == Decision.REJECT) {
            training.closed(TrainingStatus.REJECTED, comment, now);
            return;
        }
        switch (taskKey) {
            case ExternalTrainingProcess.SCHOOL_CONSENT -> {
                // Already CONSENTED: a consent replayed as of its own day (ExternalTrainings.consentOn), checked then.
                if (decision == Decision.APPROVE && training.status() != TrainingStatus.CONSENTED) {
                    checks.requireBeforeStart(training, today(), "training.consent-too-late");
                    checks.requireEligible(training);
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
        ExternalTraining training = repository.require(idOf(caseId));
        Instant now = Instant.now();
        switch (taskKey) {
            case ExternalTrainingProcess.AMEND_APPLICATION -> {
                checks.requireBeforeStart(training, today(), "training.already-started");
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
        ExternalTraining training = repository.require(id);
        String reason = messages.getMessage("training.lapsed", new Object[] {training.plan().startDate()},
                Locale.SIMPLIFIED_CHINESE);
        journal.record(training, null, "事先同意", CaseOutcome.REFUSED, reason, CaseHistory.SYSTEM);
        training.closed(TrainingStatus.LAPSED, reason, Instant.now());
        log.info("External training {} lapsed: not consented before {}", id, training.plan().startDate());
    }

    /** One line for a reviewer's worklist: the teacher, the provider and the project. */
    public String summary(String caseId) {
        return repository.findById(idOf(caseId)).map(training -> teachers.find(training.teacherId())
                .map(Teacher::name).orElse("?") + "：" + journal.providerName(training.plan().providerId()) + "「"
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

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Long idOf(String caseId) {
        try {
            return Long.valueOf(caseId);
        } catch (NumberFormatException notOurs) {
            throw BusinessRuleException.notFound("id", "training.not-found", caseId);
        }
    }
}
