package cn.shixun.countyplan.process;

import cn.shixun.countyplan.CountyPlans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_FilePlan}: the city has reviewed the plan and recorded the HR filing — it is filed. */
@Component("fileCountyPlanDelegate")
class FilePlanDelegate implements JavaDelegate {

    private final CountyPlans plans;

    FilePlanDelegate(CountyPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plans.markFiled(CountyPlanVariables.planId(execution));
    }
}
