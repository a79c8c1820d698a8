package cn.shixun.exemption.process;

import cn.shixun.exemption.Decision;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The typed view of the {@code degreeExemption} process variables: ids and routing only. The
 * evidence, comments and status live in the exemption tables.
 */
public final class DegreeExemptionVariables {

    static final String EXEMPTION_ID = "exemptionId";
    /** The applicant's username; {@code UserTask_Amend} is assigned to it. */
    static final String APPLICANT = "applicant";
    static final String SCHOOL_REVIEW_GROUP = "schoolReviewGroup";
    static final String AUTHORITY_REVIEW_GROUP = "authorityReviewGroup";
    /** The latest review's decision, read by the gateways after each review. */
    static final String DECISION = "decision";

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

    static Map<String, Object> decided(Decision decision) {
        return Map.of(DECISION, decision.name());
    }

    public static Long exemptionId(VariableScope scope) {
        return ((Number) scope.getVariable(EXEMPTION_ID)).longValue();
    }
}
