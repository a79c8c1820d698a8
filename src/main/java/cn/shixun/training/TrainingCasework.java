package cn.shixun.training;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
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
 * What the {@code externalTrainingApproval} process's steps do to an application: a review decided
 * or a submission completed (already checked and recorded by the casework, R-40), an application
 * that lapsed, and the line a reviewer's worklist shows for it. Which step comes next is
 * the model's; the record keeps only that it is open, when the school consented and how it ended.
 */
@Service
@Transactional(readOnly = true)
public class TrainingCasework {

    private static final Logger log = LoggerFactory.getLogger(TrainingCasework.class);

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

    /**
     * The casework: a review was decided (already checked and recorded). A rejection ends the
     * application with its reason; after any other decision the model says which step
     * comes next, so nothing here names one.
     *
     * <p>The school's prior consent is the application's first approval: the one given
     * while the record has no consent yet, whichever step of the model asks for it. Only then are
     * the date and the provider checked, and the consent is kept with its time, which
     * the pages and the crediting read. A consent already recorded was replayed as of its own day
     * ({@link ExternalTrainings#consentOn}) and checked then.
     */
    @Transactional
    public void decided(String caseId, Decision decision, String comment) {
        ExternalTraining training = repository.require(idOf(caseId));
        Instant now = Instant.now();
        if (decision == Decision.REJECT) {
            training.closed(TrainingStatus.REJECTED, comment, now);
        } else if (decision == Decision.APPROVE && training.consentedAt() == null) {
            checks.requireBeforeStart(training, today(), "training.consent-too-late");
            checks.requireEligible(training);
            training.consented(now, now);
        } else {
            training.stepDone(now);
        }
    }

    /**
     * The casework: a submission step was completed, whichever way (Tasklist too). What is
     * submitted depends on where the application is, not on the step's id: before the school's
     * consent it is the (amended) plan, which must still come before the training starts;
     * after it, the completion, whose evidence must be in the record by then (submitted on our
     * pages or API, never through Tasklist's form).
     */
    @Transactional
    public void submitted(String caseId) {
        ExternalTraining training = repository.require(idOf(caseId));
        if (training.consentedAt() == null) {
            checks.requireBeforeStart(training, today(), "training.already-started");
        } else if (training.evidence() == null) {
            throw BusinessRuleException.violation("R-31", "certificateNumber", "training.evidence-missing",
                    training.getId());
        }
        training.stepDone(Instant.now());
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
