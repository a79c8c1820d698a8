package cn.shixun.exemption.process;

import java.util.HashMap;
import java.util.Map;

/**
 * The typed view of the {@code degreeExemption} process variables: the application id for the
 * forms' links only. Who reviews and amends is computed from the application
 * ({@code ${caseRouting…}}); instances started on earlier model versions keep the routing variables
 * they were started with. The
 * evidence and status live in the exemption table, decisions and comments in the case history;
 * the {@code decision} the gateways read is the casework's ({@code CaseTasks.DECISION}).
 */
public final class DegreeExemptionVariables {

    /**
     * For the Tasklist forms' link to the case page only: a completion could overwrite it, so nothing of
     * ours reads it back; the case is the business key ({@code cn.shixun.tasks.CaseKey}).
     */
    static final String EXEMPTION_ID = "exemptionId";

    private DegreeExemptionVariables() {
    }

    static Map<String, Object> atStart(Long exemptionId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EXEMPTION_ID, exemptionId);
        return variables;
    }
}
