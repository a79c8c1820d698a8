package cn.shixun.annual.process;

import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.shared.BusinessRuleException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RegisterYear}: registers the year's result from the ledger; a refusal becomes {@code Error_RegistrationRefused}. */
@Component("registerYearDelegate")
class RegisterYearDelegate implements JavaDelegate {

    static final String REGISTRATION_REFUSED = "REGISTRATION_REFUSED";

    private final AnnualRegistrations registrations;

    RegisterYearDelegate(AnnualRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            registrations.register(AnnualRegistrationVariables.registrationId(execution));
        } catch (BusinessRuleException refusal) {
            throw new BpmnError(REGISTRATION_REFUSED, refusal.getMessage());
        }
    }
}
