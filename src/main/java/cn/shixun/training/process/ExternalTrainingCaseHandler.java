package cn.shixun.training.process;

import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import cn.shixun.training.ExternalTrainings;
import org.springframework.stereotype.Component;

/** How {@code externalTrainingApproval} takes part in the casework: each completed task moves the application on. */
@Component
class ExternalTrainingCaseHandler implements CaseHandler {

    private final ExternalTrainings trainings;

    ExternalTrainingCaseHandler(ExternalTrainings trainings) {
        this.trainings = trainings;
    }

    @Override
    public String processKey() {
        return ExternalTrainingProcess.PROCESS_ID;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        trainings.decided(task.caseId(), task.taskKey(), decision, comment);
    }

    @Override
    public void submitted(CaseTask task, String actor) {
        trainings.submitted(task.caseId(), task.taskKey());
    }

    @Override
    public String summary(String caseId) {
        return trainings.summary(caseId);
    }
}
