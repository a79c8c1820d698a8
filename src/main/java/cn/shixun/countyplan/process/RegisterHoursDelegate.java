package cn.shixun.countyplan.process;

import cn.shixun.countyplan.CountyPlanCasework;
import cn.shixun.shared.BusinessRuleException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RegisterHours}: the participants' hours go to the ledger; nobody registrable becomes {@code Error_HoursRefused}. */
@Component("registerCountyPlanHoursDelegate")
class RegisterHoursDelegate implements JavaDelegate {

    static final String HOURS_REFUSED = "HOURS_REFUSED";

    private final CountyPlanCasework casework;
    private final CountyPlanSteps steps;

    RegisterHoursDelegate(CountyPlanCasework casework, CountyPlanSteps steps) {
        this.casework = casework;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = steps.requireRegistrable(execution).getId();
        try {
            casework.registerHours(id);
        } catch (BusinessRuleException refusal) {
            throw new BpmnError(HOURS_REFUSED, refusal.getMessage());
        }
    }
}
