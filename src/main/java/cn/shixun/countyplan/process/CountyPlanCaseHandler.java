package cn.shixun.countyplan.process;

import cn.shixun.countyplan.CountyPlans;
import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** How {@code countyPlanFiling} takes part in the casework: the city's decisions move the plan; submissions need their data. */
@Component
class CountyPlanCaseHandler implements CaseHandler {

    private final CountyPlans plans;

    CountyPlanCaseHandler(CountyPlans plans) {
        this.plans = plans;
    }

    @Override
    public String processKey() {
        return CountyPlanProcess.PROCESS_ID;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        plans.decided(Long.valueOf(task.caseId()), task.taskKey(), decision, comment);
    }

    @Override
    public void submitted(CaseTask task, String actor) {
        plans.requireSubmitted(Long.valueOf(task.caseId()), task.taskKey());
    }

    /** The county that filed the plan: its reviewers submit, its city reviews. */
    @Override
    public Optional<Long> organisationId(String caseId) {
        return Optional.of(plans.require(Long.valueOf(caseId)).countyId());
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
