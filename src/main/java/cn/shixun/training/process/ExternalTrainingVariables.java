package cn.shixun.training.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The typed view of the {@code externalTrainingApproval} process variables: ids and routing
 * only. The plan, the evidence, the status and the reasons live in {@code external_training}
 * and the case history; the casework sets and clears {@code decision}.
 */
final class ExternalTrainingVariables {

    static final String TRAINING_ID = "trainingId";
    /** The applicant's username; the teacher's tasks are assigned to it. */
    static final String APPLICANT = "applicant";
    static final String SCHOOL_REVIEW_GROUP = "schoolReviewGroup";
    static final String AUTHORITY_REVIEW_GROUP = "authorityReviewGroup";

    private ExternalTrainingVariables() {
    }

    static Map<String, Object> atStart(Long trainingId, String applicant, String schoolGroup, String authorityGroup) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TRAINING_ID, trainingId);
        variables.put(APPLICANT, applicant);
        variables.put(SCHOOL_REVIEW_GROUP, schoolGroup);
        variables.put(AUTHORITY_REVIEW_GROUP, authorityGroup);
        return variables;
    }

    static Long trainingId(VariableScope scope) {
        return ((Number) scope.getVariable(TRAINING_ID)).longValue();
    }
}
