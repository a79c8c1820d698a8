package cn.shixun.cycleverification.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The typed view of the {@code cycleVerification} process variables: the verification's id and
 * the routing of R-04, nothing else. Hours, status, notes and reasons live in the module's tables.
 */
public final class CycleVerificationVariables {

    static final String VERIFICATION_ID = "verificationId";
    /** Whether the county re-checks (county schools) or the school reports straight to the city. */
    static final String COUNTY_RECHECK = "countyRecheck";
    static final String SCHOOL_GROUP = "schoolGroup";
    static final String COUNTY_GROUP = "countyGroup";
    static final String CITY_GROUP = "cityGroup";
    static final String PROVINCE_GROUP = "provinceGroup";
    /**
     * The school's note on the amendment form when it resubmits through Camunda Tasklist: the
     * completion's {@code comment}, one of the two variables a completion from outside may carry
     * (ADR 0009).
     */
    static final String NOTE = "comment";

    private CycleVerificationVariables() {
    }

    static Map<String, Object> atStart(Long verificationId, String schoolGroup, String countyGroup, String cityGroup,
                                       String provinceGroup) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VERIFICATION_ID, verificationId);
        variables.put(COUNTY_RECHECK, countyGroup != null);
        variables.put(SCHOOL_GROUP, schoolGroup);
        if (countyGroup != null) {
            variables.put(COUNTY_GROUP, countyGroup);
        }
        variables.put(CITY_GROUP, cityGroup);
        variables.put(PROVINCE_GROUP, provinceGroup);
        return variables;
    }

    public static Long verificationId(VariableScope scope) {
        return ((Number) scope.getVariable(VERIFICATION_ID)).longValue();
    }
}
