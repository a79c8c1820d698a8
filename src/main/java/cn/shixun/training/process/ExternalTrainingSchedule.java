package cn.shixun.training.process;

import cn.shixun.shared.BusinessDate;
import cn.shixun.tasks.CaseKey;
import cn.shixun.training.ExternalTrainings;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The dates the model's timers wait for, read from the application (never from variables):
 * {@code ${externalTrainingSchedule.trainingStarts(execution)}} — midnight in Beijing of the
 * first training day, when an unconsented application lapses;
 * {@code ${externalTrainingSchedule.trainingEnded(execution)}} — midnight after the last day,
 * when the completion evidence can be submitted.
 */
@Component("externalTrainingSchedule")
public class ExternalTrainingSchedule {

    private final ExternalTrainings trainings;

    ExternalTrainingSchedule(ExternalTrainings trainings) {
        this.trainings = trainings;
    }

    public Date trainingStarts(DelegateExecution execution) {
        return Date.from(trainings.startDate(CaseKey.of(execution))
                .atStartOfDay(BusinessDate.ZONE).toInstant());
    }

    public Date trainingEnded(DelegateExecution execution) {
        return Date.from(trainings.endDate(CaseKey.of(execution)).plusDays(1)
                .atStartOfDay(BusinessDate.ZONE).toInstant());
    }
}
