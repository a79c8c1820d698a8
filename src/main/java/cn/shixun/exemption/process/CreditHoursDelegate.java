package cn.shixun.exemption.process;

import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.shared.BusinessRuleException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CreditHours}: registers the exemption in the ledger; a refusal becomes {@code Error_CreditRefused}. */
@Component("creditHoursDelegate")
class CreditHoursDelegate implements JavaDelegate {

    static final String CREDIT_REFUSED = "CREDIT_REFUSED";

    private final DegreeExemptions exemptions;

    CreditHoursDelegate(DegreeExemptions exemptions) {
        this.exemptions = exemptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            exemptions.credit(DegreeExemptionVariables.exemptionId(execution));
        } catch (BusinessRuleException refusal) {
            throw new BpmnError(CREDIT_REFUSED, refusal.getMessage());
        }
    }
}
