package cn.shixun.training.process;

import java.util.HashMap;
import java.util.Map;

/**
 * The typed view of the {@code externalTrainingApproval} process variables: the application id
 * for the forms' links only. Who reviews and who is the applicant is computed from the application
 * ({@code ${caseRouting…}}); instances started on earlier model versions keep the routing variables
 * they were started with. The plan, the evidence, the status and the reasons live in {@code external_training}
 * and the case history; the casework sets and clears {@code decision}.
 */
final class ExternalTrainingVariables {

    /**
     * For the Tasklist forms' link to the case page only: a completion could overwrite it, so nothing of
     * ours reads it back; the case is the business key ({@code cn.shixun.tasks.CaseKey}).
     */
    static final String TRAINING_ID = "trainingId";

    private ExternalTrainingVariables() {
    }

    static Map<String, Object> atStart(Long trainingId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TRAINING_ID, trainingId);
        return variables;
    }
}
