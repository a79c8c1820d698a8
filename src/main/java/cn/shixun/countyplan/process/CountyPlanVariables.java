package cn.shixun.countyplan.process;

import java.util.HashMap;
import java.util.Map;

/**
 * The typed view of the {@code countyPlanFiling} variables: the plan id for the forms' links only.
 * The candidate groups (R-04: the county bureau's reviewers, the city's) are computed from the plan
 * ({@code ${caseRouting…}}); instances started on earlier model versions keep the group variables
 * they were started with. The plan itself lives in its tables.
 */
final class CountyPlanVariables {

    /**
     * For the Tasklist forms' link to the case page only: a completion could overwrite it, so nothing of
     * ours reads it back; the case is the business key ({@code cn.shixun.tasks.CaseKey}).
     */
    static final String PLAN_ID = "planId";

    private CountyPlanVariables() {
    }

    static Map<String, Object> atStart(Long planId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PLAN_ID, planId);
        return variables;
    }
}
