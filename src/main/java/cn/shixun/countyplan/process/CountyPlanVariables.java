package cn.shixun.countyplan.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The typed view of the {@code countyPlanFiling} variables: the plan id and the two candidate
 * groups (R-04: the county bureau's reviewers, the city's). The plan itself lives in its tables.
 */
final class CountyPlanVariables {

    static final String PLAN_ID = "planId";
    static final String COUNTY_GROUP = "countyGroup";
    static final String CITY_GROUP = "cityGroup";

    private CountyPlanVariables() {
    }

    static Map<String, Object> atStart(Long planId, String countyGroup, String cityGroup) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PLAN_ID, planId);
        variables.put(COUNTY_GROUP, countyGroup);
        variables.put(CITY_GROUP, cityGroup);
        return variables;
    }

    static Long planId(VariableScope scope) {
        return ((Number) scope.getVariable(PLAN_ID)).longValue();
    }
}
