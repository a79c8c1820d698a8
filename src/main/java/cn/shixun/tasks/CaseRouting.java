package cn.shixun.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works on a case's user tasks, as the models ask for it:
 * {@code camunda:candidateGroups="${caseRouting.schoolReview(execution)}"},
 * {@code camunda:assignee="${caseRouting.applicant(execution)}"}. Computed on every task from the case
 * record — its organisation and applicant, which the procedure's {@link CaseHandler} names — and the
 * organisation data (R-04, {@link ReviewRouting}); never from a process variable, which a completion
 * through the engine could have set. Public, with public methods: the engine's expression language
 * calls only those.
 */
@Component("caseRouting")
public class CaseRouting {

    private final CaseHandlers handlers;
    private final ReviewRouting routing;

    CaseRouting(CaseHandlers handlers, ReviewRouting routing) {
        this.handlers = handlers;
        this.routing = routing;
    }

    /** The administrators of the case's school. */
    public String schoolReview(DelegateExecution execution) {
        return routing.schoolReview(organisationOf(execution)).id();
    }

    /** The registration authority of the case's school: its county's reviewers or its city's CE office. */
    public String authorityReview(DelegateExecution execution) {
        return routing.authorityReview(organisationOf(execution)).id();
    }

    /** Whether a county reviews the case before its city: the school's registration authority is a county. */
    public boolean countyRecheck(DelegateExecution execution) {
        return routing.countyReviews(organisationOf(execution));
    }

    /** The reviewers of the case's county: the county itself, or a county school's registration authority. */
    public String countyReview(DelegateExecution execution) {
        return routing.countyReview(organisationOf(execution)).id();
    }

    /** The reviewers of the city the case goes to after its county, or directly. */
    public String cityReview(DelegateExecution execution) {
        return routing.cityReview(organisationOf(execution)).id();
    }

    /** The reviewers of the province above that city. */
    public String provinceReview(DelegateExecution execution) {
        return routing.provinceReview(organisationOf(execution)).id();
    }

    /** The username that applied, to whom the applicant's tasks are assigned; null when an organisation submitted. */
    public String applicant(DelegateExecution execution) {
        return handlerOf(execution).applicant(caseIdOf(execution)).orElse(null);
    }

    private Long organisationOf(DelegateExecution execution) {
        String caseId = caseIdOf(execution);
        return handlerOf(execution).organisationId(caseId).orElseThrow(() -> new IllegalStateException(
                "the case handler of " + processKeyOf(execution) + " names no organisation for case " + caseId));
    }

    private CaseHandler handlerOf(DelegateExecution execution) {
        return handlers.require(processKeyOf(execution));
    }

    private static String caseIdOf(DelegateExecution execution) {
        return String.valueOf(CaseKey.of(execution));
    }

    private static String processKeyOf(DelegateExecution execution) {
        return execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    }
}
