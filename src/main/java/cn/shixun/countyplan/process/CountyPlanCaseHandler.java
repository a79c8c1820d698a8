package cn.shixun.countyplan.process;

import cn.shixun.countyplan.CountyPlanCasework;
import cn.shixun.countyplan.CountyPlans;
import cn.shixun.security.CandidateGroup;
import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ReviewRouting;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How {@code countyPlanFiling} takes part in the casework: a decision or a submission moves the plan
 * on, and the model says to which step. Its submissions (an amended plan, the HR bureau's receipt,
 * the training summary) carry data only its pages and API take, so they are sent on from there only.
 */
@Component
class CountyPlanCaseHandler implements CaseHandler {

    private final CountyPlans plans;
    private final CountyPlanCasework casework;
    private final ReviewRouting routing;

    CountyPlanCaseHandler(CountyPlans plans, CountyPlanCasework casework, ReviewRouting routing) {
        this.plans = plans;
        this.casework = casework;
        this.routing = routing;
    }

    @Override
    public String processKey() {
        return CountyPlanProcess.PROCESS_ID;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        casework.decided(Long.valueOf(task.caseId()), decision, comment);
    }

    @Override
    public void submitted(CaseTask task, String actor) {
        casework.submitted(Long.valueOf(task.caseId()));
    }

    @Override
    public boolean takesSubmissionsOnItsPages() {
        return true;
    }

    /** The county that filed the plan: its reviewers submit, its city reviews. */
    @Override
    public Optional<Long> organisationId(String caseId) {
        return Optional.of(plans.require(Long.valueOf(caseId)).countyId());
    }

    /** The county's reviewers, who file the plan and report on it. */
    @Override
    public Optional<CandidateGroup> submitters(String caseId) {
        return organisationId(caseId).map(routing::countyReview);
    }

    @Override
    public String summary(String caseId) {
        return plans.summary(Long.valueOf(caseId));
    }

    /** The plan's page, where the county amends and reports and the city records the HR filing. */
    @Override
    public Optional<String> casePage(String caseId) {
        return Optional.of("/county-plans/" + caseId);
    }
}
