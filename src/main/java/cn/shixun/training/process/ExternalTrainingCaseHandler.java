package cn.shixun.training.process;

import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import cn.shixun.training.ExternalTrainings;
import cn.shixun.training.TrainingCasework;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How {@code externalTrainingApproval} takes part in the casework: a rejection ends the
 * application, the first approval is the school's consent, a submission needs what its page takes.
 * Which step is open is the model's ({@code CaseProgress}).
 */
@Component
class ExternalTrainingCaseHandler implements CaseHandler {

    private final ExternalTrainings trainings;
    private final TrainingCasework casework;

    ExternalTrainingCaseHandler(ExternalTrainings trainings, TrainingCasework casework) {
        this.trainings = trainings;
        this.casework = casework;
    }

    @Override
    public String processKey() {
        return ExternalTrainingProcess.PROCESS_ID;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        casework.decided(task.caseId(), decision, comment);
    }

    @Override
    public void submitted(CaseTask task, String actor) {
        casework.submitted(task.caseId());
    }

    /** The teacher's school when they applied: its administrators and registration authority review. */
    @Override
    public Optional<Long> organisationId(String caseId) {
        return Optional.of(trainings.require(Long.valueOf(caseId)).schoolId());
    }

    @Override
    public Optional<String> applicant(String caseId) {
        return Optional.ofNullable(trainings.require(Long.valueOf(caseId)).applicant());
    }

    @Override
    public String summary(String caseId) {
        return casework.summary(caseId);
    }

    /** The reviewer sees the teacher's hours beside the task. */
    @Override
    public Optional<Long> teacherId(String caseId) {
        return casework.teacherOf(caseId);
    }

    /** The case page: the plan, the certificate and the history; the teacher's application and completion forms. */
    @Override
    public Optional<String> casePage(String caseId) {
        return Optional.of("/trainings/" + caseId);
    }
}
