package cn.shixun.exemption.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The typed view of the {@code degreeExemption} process variables: ids and routing only. The
 * evidence and status live in the exemption table, decisions and comments in the case history;
 * the {@code decision} the gateways read is the casework's ({@code CaseTasks.DECISION}).
 */
public final class DegreeExemptionVariables {

    static final String EXEMPTION_ID = "exemptionId";
    /** The applicant's username; {@code UserTask_Amend} is assigned to it. */
    static final String APPLICANT = "applicant";
    static final String SCHOOL_REVIEW_GROUP = "schoolReviewGroup";
    static final String AUTHORITY_REVIEW_GROUP = "authorityReviewGroup";

    private DegreeExemptionVariables() {
    }

    static Map<String, Object> atStart(Long exemptionId, String applicant, String schoolGroup, String authorityGroup) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EXEMPTION_ID, exemptionId);
        variables.put(APPLICANT, applicant);
        variables.put(SCHOOL_REVIEW_GROUP, schoolGroup);
        variables.put(AUTHORITY_REVIEW_GROUP, authorityGroup);
        return variables;
    }

    public static Long exemptionId(VariableScope scope) {
        return ((Number) scope.getVariable(EXEMPTION_ID)).longValue();
    }
}
