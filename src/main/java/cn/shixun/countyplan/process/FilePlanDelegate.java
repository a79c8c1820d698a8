package cn.shixun.countyplan.process;

import cn.shixun.countyplan.CountyPlanCasework;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_FilePlan}: the city has reviewed the plan and recorded the HR filing — it is filed, once our records say so ({@link CountyPlanSteps}). */
@Component("fileCountyPlanDelegate")
class FilePlanDelegate implements JavaDelegate {

    private final CountyPlanCasework casework;
    private final CountyPlanSteps steps;

    FilePlanDelegate(CountyPlanCasework casework, CountyPlanSteps steps) {
        this.casework = casework;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        casework.markFiled(steps.requireFilable(execution).getId());
    }
}
