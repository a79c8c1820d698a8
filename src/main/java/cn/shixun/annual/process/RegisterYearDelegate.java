package cn.shixun.annual.process;

import cn.shixun.annual.AnnualCasework;
import cn.shixun.shared.BusinessRuleException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RegisterYear}: registers the year's result from the ledger; a refusal becomes {@code Error_RegistrationRefused}; first our records must allow it ({@link AnnualCaseSteps}). */
@Component("registerYearDelegate")
class RegisterYearDelegate implements JavaDelegate {

    static final String REGISTRATION_REFUSED = "REGISTRATION_REFUSED";

    private final AnnualCasework casework;
    private final AnnualCaseSteps steps;

    RegisterYearDelegate(AnnualCasework casework, AnnualCaseSteps steps) {
        this.casework = casework;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = steps.require(execution, "登记年度学时", false).getId();
        try {
            casework.register(id);
        } catch (BusinessRuleException refusal) {
            throw new BpmnError(REGISTRATION_REFUSED, refusal.getMessage());
        }
    }
}
