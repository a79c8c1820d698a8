package cn.shixun.countyplan.process;

import cn.shixun.countyplan.CountyPlan;
import cn.shixun.countyplan.CountyPlans;
import cn.shixun.security.CandidateGroup;
import cn.shixun.tasks.CaseApprovals;
import cn.shixun.tasks.CaseKey;
import cn.shixun.tasks.CaseStep;
import cn.shixun.tasks.ReviewRouting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What our records must show before a plan is filed or its participants' hours registered:
 * the plan approved by the reviewers of the county's city since it was last submitted, and for the
 * hours, its summary approved by them since it was last submitted.
 */
@Component
class CountyPlanSteps {

    private final CountyPlans plans;
    private final CaseApprovals approvals;
    private final ReviewRouting routing;

    CountyPlanSteps(CountyPlans plans, CaseApprovals approvals, ReviewRouting routing) {
        this.plans = plans;
        this.approvals = approvals;
        this.routing = routing;
    }

    /** The plan the instance runs, once its filing is allowed: the city's approval and the HR filing recorded. */
    CountyPlan requireFilable(DelegateExecution execution) {
        CountyPlan plan = plans.require(CaseKey.of(execution));
        String missing = !plan.status().isOpen() ? plan.status().label()
                : !plan.hrFilingRecorded() ? "办理中，人社部门备案未登记" : null;
        approvals.require(planApproved(plan, execution, "计划备案").inStatus(missing == null, missing));
        return plan;
    }

    /** The plan the instance runs, once registering its participants' hours is allowed. */
    CountyPlan requireRegistrable(DelegateExecution execution) {
        CountyPlan plan = plans.require(CaseKey.of(execution));
        String missing = !plan.status().isOpen() ? plan.status().label()
                : !plan.isFiled() ? "办理中，计划未备案"
                : plan.summarySubmittedAt() == null ? "办理中，培训总结未报送" : null;
        approvals.require(planApproved(plan, execution, "登记参训教师学时")
                .inStatus(missing == null, missing)
                .approved(CountyPlanProcess.AUDIT_SUMMARY, "市教育局审核培训总结", cityGroup(plan),
                        CountyPlanProcess.SUBMIT_SUMMARY));
        return plan;
    }

    private CaseStep planApproved(CountyPlan plan, DelegateExecution execution, String step) {
        return CaseStep.of(CountyPlanProcess.PROCESS_ID, String.valueOf(plan.getId()), step)
                .runBy(plan.processInstanceId(), execution)
                .approved(CountyPlanProcess.CITY_REVIEW, "市教育局审核培训计划", cityGroup(plan),
                        CaseStep.START, CountyPlanProcess.AMEND_PLAN);
    }

    /** a county's plan goes to the reviewers of the city above it, computed now from the organisation data. */
    private CandidateGroup cityGroup(CountyPlan plan) {
        return routing.cityReview(plan.countyId());
    }
}
