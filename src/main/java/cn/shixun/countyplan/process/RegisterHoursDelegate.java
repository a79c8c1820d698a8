package cn.shixun.countyplan.process;

import cn.shixun.countyplan.CountyPlans;
import cn.shixun.shared.BusinessRuleException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RegisterHours}: the participants' hours go to the ledger; nobody registrable becomes {@code Error_HoursRefused}. */
@Component("registerCountyPlanHoursDelegate")
class RegisterHoursDelegate implements JavaDelegate {

    static final String HOURS_REFUSED = "HOURS_REFUSED";

    private final CountyPlans plans;

    RegisterHoursDelegate(CountyPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            plans.registerHours(CountyPlanVariables.planId(execution));
        } catch (BusinessRuleException refusal) {
            throw new BpmnError(HOURS_REFUSED, refusal.getMessage());
        }
    }
}
