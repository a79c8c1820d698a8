package cn.shixun.annual.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The typed view of the {@code annualRegistration} variables: the registration id and the
 * routing only. The card, its evidence, the result and the history live in the annual tables
 * and the case history.
 */
public final class AnnualRegistrationVariables {

    static final String REGISTRATION_ID = "registrationId";
    /** The teacher's username when the teacher submitted; null when the school declared. */
    static final String APPLICANT = "applicant";
    static final String SCHOOL_REVIEW_GROUP = "schoolReviewGroup";
    static final String AUTHORITY_REVIEW_GROUP = "authorityReviewGroup";

    private AnnualRegistrationVariables() {
    }

    static Map<String, Object> atStart(Long registrationId, String applicant, String schoolGroup,
                                       String authorityGroup) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REGISTRATION_ID, registrationId);
        variables.put(APPLICANT, applicant);
        variables.put(SCHOOL_REVIEW_GROUP, schoolGroup);
        variables.put(AUTHORITY_REVIEW_GROUP, authorityGroup);
        return variables;
    }

    public static Long registrationId(VariableScope scope) {
        return ((Number) scope.getVariable(REGISTRATION_ID)).longValue();
    }
}
