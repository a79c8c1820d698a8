package cn.shixun.annual.process;

import java.util.HashMap;
import java.util.Map;

/**
 * The typed view of the {@code annualRegistration} variables: the registration id for the forms'
 * links only. Who reviews and amends is computed from the registration ({@code ${caseRouting…}},
 * {@code ${annualDeadlines.amendGroups(execution)}}); instances started on earlier model versions keep
 * the routing variables they were started with. The card, its evidence, the result and the history live in the annual tables
 * and the case history.
 */
public final class AnnualRegistrationVariables {

    /**
     * For the Tasklist forms' link to the case page only: a completion could overwrite it, so nothing of
     * ours reads it back; the case is the business key ({@code cn.shixun.tasks.CaseKey}).
     */
    static final String REGISTRATION_ID = "registrationId";

    private AnnualRegistrationVariables() {
    }

    static Map<String, Object> atStart(Long registrationId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REGISTRATION_ID, registrationId);
        return variables;
    }
}
