package cn.shixun.countyplan.process;

import cn.shixun.countyplan.CountyPlans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_FilePlan}: the city has reviewed the plan and recorded the HR filing — it is filed, once our records say so ({@link CountyPlanSteps}). */
@Component("fileCountyPlanDelegate")
class FilePlanDelegate implements JavaDelegate {

    private final CountyPlans plans;
    private final CountyPlanSteps steps;

    FilePlanDelegate(CountyPlans plans, CountyPlanSteps steps) {
        this.plans = plans;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plans.markFiled(steps.requireFilable(execution).getId());
    }
}
