package cn.shixun.cycleverification.process;

import java.util.HashMap;
import java.util.Map;

/**
 * The typed view of the {@code cycleVerification} process variables: the verification's id for the
 * forms' links and the note an amendment form leaves, nothing else. The routing of R-04 is computed
 * from the verification by {@code ${caseRouting…}}; hours, status, notes and reasons live in the
 * module's tables.
 */
public final class CycleVerificationVariables {

    /**
     * For the Tasklist forms' link to the case page only: a completion could overwrite it, so nothing of
     * ours reads it back; the case is the business key ({@code cn.shixun.tasks.CaseKey}).
     */
    static final String VERIFICATION_ID = "verificationId";
    /**
     * The school's note on the amendment form when it resubmits through Camunda Tasklist: the
     * completion's {@code comment}, one of the two variables a completion from outside may carry
     * (ADR 0009).
     */
    static final String NOTE = "comment";

    private CycleVerificationVariables() {
    }

    static Map<String, Object> atStart(Long verificationId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VERIFICATION_ID, verificationId);
        return variables;
    }
}
